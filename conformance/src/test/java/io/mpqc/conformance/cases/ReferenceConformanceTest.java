package io.mpqc.conformance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.ProgressListener;
import io.mpqc.conformance.run.RunResult;
import io.mpqc.conformance.run.Runner;
import io.mpqc.conformance.target.ReferenceTarget;
import io.mpqc.ref.frame.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance case against the in-process reference, in every dialect the case applies to, as one
 * JUnit test per case named with its ID: the reference must pass them all.
 */
class ReferenceConformanceTest {
    private static final Catalog CATALOG = Catalog.builtIn();

    @TestFactory
    Stream<DynamicTest> referencePassesEveryCase() {
        CaseRegistry registry = CaseRegistry.builtIn(CATALOG);
        Runner runner = new Runner(CATALOG, Duration.ofSeconds(10), 2);
        List<DynamicTest> tests = new ArrayList<>();
        try (ReferenceTarget target = ReferenceTarget.all()) {
            for (Dialect d : Dialect.values()) {
                List<ConformanceCase> cases = registry.all().stream().filter(c -> c.dialects().contains(d)).toList();
                RunResult run = runner.run(cases, target, d, ProgressListener.NONE);
                for (CaseResult r : run.results()) {
                    tests.add(DynamicTest.dynamicTest(r.id() + " [" + d.id() + "]", () ->
                            assertThat(r.verdict()).as("%s: expected %s, observed %s", r.id(), r.expected(),
                                    r.observed()).isEqualTo(Verdict.PASS)));
                }
            }
        }
        return tests.stream();
    }
}
