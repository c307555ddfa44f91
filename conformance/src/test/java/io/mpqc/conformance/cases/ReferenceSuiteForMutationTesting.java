package io.mpqc.conformance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.ProgressListener;
import io.mpqc.conformance.run.Runner;
import io.mpqc.conformance.target.ReferenceTarget;
import io.mpqc.ref.frame.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole conformance suite against the reference as a single test, for PIT ({@code -Ppit}, see
 * docs/quality.md): a mutant of the reference's state logic is killed when any case, in any dialect, does
 * not PASS. The same cases as {@link ReferenceConformanceTest}, which reports them one by one; this class
 * exists because PIT picks the tests to run per mutant from per-test coverage, and the cases of that
 * factory all run before its dynamic tests start. Its name keeps it out of the surefire run.
 */
class ReferenceSuiteForMutationTesting {
    private static final Catalog CATALOG = Catalog.builtIn();

    @Test
    void referencePassesEveryCaseInEveryDialect() {
        CaseRegistry registry = CaseRegistry.builtIn(CATALOG);
        Runner runner = new Runner(CATALOG, Duration.ofSeconds(10), 1);
        List<String> notPassed = new ArrayList<>();
        try (ReferenceTarget target = ReferenceTarget.all()) {
            for (Dialect d : Dialect.values()) {
                List<ConformanceCase> cases = registry.all().stream().filter(c -> c.dialects().contains(d)).toList();
                for (CaseResult r : runner.run(cases, target, d, ProgressListener.NONE).results()) {
                    if (r.verdict() != Verdict.PASS) {
                        notPassed.add(r.id() + " [" + d.id() + "] " + r.verdict() + ": expected " + r.expected()
                                + ", observed " + r.observed());
                    }
                }
            }
        }
        assertThat(notPassed).as("cases that did not pass").isEmpty();
    }
}
