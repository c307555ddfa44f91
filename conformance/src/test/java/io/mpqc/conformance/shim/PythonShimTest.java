package io.mpqc.conformance.shim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.cases.Verdict;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.RunResult;
import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.CodecTarget;
import io.mpqc.conformance.target.EndpointTarget;
import io.mpqc.conformance.target.ReferenceTarget;
import io.mpqc.conformance.target.Target;
import io.mpqc.ref.frame.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The suite against the second, independent shim: examples/python-shim/shim.py (Python 3, standard library
 * only). It implements the draft-21 codec and the path status rules, and answers "unsupported" to the rest,
 * so the run must have no ERROR and no FAIL, PASS the status cases and be UNSUPPORTED wherever a case needs
 * local commands. Skipped only when python3 is not installed.
 */
class PythonShimTest {
    /** The tests run in the conformance module; the example lives at the repository root. */
    private static final Path SHIM = Path.of("..", "examples", "python-shim", "shim.py");
    private static final Duration BOUND = Duration.ofSeconds(60);

    @BeforeAll
    static void python3IsInstalled() {
        boolean found;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            found = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            found = false;
        }
        Assumptions.assumeTrue(found, "python3 is not installed: the Python example shim cannot be tested");
        assertThat(SHIM).as("the example shim").exists();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void suiteRunsAgainstThePythonShim() throws Exception {
        List<io.mpqc.conformance.cases.ConformanceCase> cases = ShimRuns.casesFor(Dialect.DRAFT_21);
        RunResult run;
        long t0 = System.nanoTime();
        try (Target shim = ShimTarget.process("python3 " + ShimRuns.quote(SHIM.toString()), Duration.ofSeconds(10),
                false)) {
            assertThat(shim.capabilities().dialects()).containsExactly(Dialect.DRAFT_21);
            assertThat(shim.capabilities().features()).containsExactly(Capabilities.INTROSPECTION);
            run = ShimRuns.run(shim, Dialect.DRAFT_21, cases, Duration.ofSeconds(10), 4);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(run.results()).hasSize(cases.size());
        assertThat(bad(run, Verdict.ERROR)).as("cases in ERROR").isEmpty();
        assertThat(bad(run, Verdict.FAIL)).as("cases the Python shim FAILs").isEmpty();
        List<CaseResult> status = run.results().stream().filter(r -> r.id().startsWith("MP-4.3-4/")).toList();
        assertThat(status).as("the status sequence number cases").hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(r -> assertThat(r.verdict()).as("%s: %s", r.id(), r.observed()).isEqualTo(Verdict.PASS));

        Set<String> needCommands = casesNeedingCommands();
        assertThat(needCommands).as("cases that need the 'commands' feature").isNotEmpty();
        assertThat(run.results()).filteredOn(r -> needCommands.contains(r.id()))
                .hasSize(needCommands.size())
                .allSatisfy(r -> assertThat(r.verdict()).as(r.id()).isEqualTo(Verdict.UNSUPPORTED));
        assertThat(took).as("the whole run, shim start included").isLessThan(BOUND);
    }

    /** The IDs of the cases that need local commands: UNSUPPORTED for the reference without that feature. */
    private static Set<String> casesNeedingCommands() {
        try (Target withoutCommands = new WithoutCommands(ReferenceTarget.all())) {
            RunResult run = ShimRuns.run(withoutCommands, Dialect.DRAFT_21, ShimRuns.casesFor(Dialect.DRAFT_21),
                    Duration.ofSeconds(10), 4);
            return run.results().stream().filter(r -> r.verdict() == Verdict.UNSUPPORTED)
                    .map(CaseResult::id).collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static String bad(RunResult run, Verdict v) {
        return run.results().stream().filter(r -> r.verdict() == v)
                .map(r -> r.id() + ": expected " + r.expected() + ", observed " + r.observed())
                .collect(Collectors.joining("\n"));
    }

    /** The reference with the "commands" feature taken away. */
    private record WithoutCommands(Target inner) implements Target {
        @Override
        public String name() {
            return inner.name() + " without commands";
        }

        @Override
        public Capabilities capabilities() {
            Capabilities c = inner.capabilities();
            Set<String> features = new HashSet<>(c.features());
            features.remove(Capabilities.COMMANDS);
            return new Capabilities(c.dialects(), c.codec(), c.endpoint(), features);
        }

        @Override
        public CodecTarget codec() {
            return inner.codec();
        }

        @Override
        public EndpointTarget endpoint() {
            return inner.endpoint();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
