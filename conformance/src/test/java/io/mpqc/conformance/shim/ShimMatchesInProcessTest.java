package io.mpqc.conformance.shim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.cases.Verdict;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.RunResult;
import io.mpqc.conformance.target.MutantTarget;
import io.mpqc.conformance.target.ReferenceTarget;
import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Dialect;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shim protocol loses nothing: every case, in every dialect, gets exactly the same verdict through the
 * protocol (the ShimServer in a child JVM, or on a TCP socket) as in-process. Any field the protocol
 * forgets, any frame it cannot carry, shows up here as a differing verdict.
 */
class ShimMatchesInProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String MUTANT = "equal-status-sequence-accepted";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void childProcessShimGivesTheInProcessVerdicts(Dialect dialect) throws TargetException {
        try (Target shim = ShimTarget.process(ShimRuns.javaCommand("io.mpqc.conformance.cli.Main", "shim"), TIMEOUT,
                false)) {
            assertSameVerdicts(ReferenceTarget::all, shim, dialect);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void tcpShimGivesTheInProcessVerdicts(Dialect dialect) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> serve(server), "test-shim-server");
            acceptor.setDaemon(true);
            acceptor.start();
            try (Target shim = ShimTarget.tcp("127.0.0.1:" + server.getLocalPort(), TIMEOUT)) {
                assertSameVerdicts(ReferenceTarget::all, shim, dialect);
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mutantThroughTheShimGivesTheInProcessVerdicts() throws TargetException {
        try (Target shim = ShimTarget.process(ShimRuns.javaCommand("io.mpqc.conformance.cli.Main", "shim",
                "--target", "mutant:" + MUTANT), TIMEOUT, false)) {
            RunResult viaShim = assertSameVerdicts(() -> MutantTarget.named(MUTANT), shim, Dialect.DRAFT_21);
            assertThat(viaShim.results()).as("the mutant is caught through the shim too")
                    .anyMatch(r -> r.verdict() == Verdict.FAIL && r.id().startsWith("MP-4.3-4/"));
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void freshProcessPerSessionGivesTheInProcessVerdicts() throws TargetException {
        // --fresh with parallel cases: each session has its own process, none ends another's.
        try (Target shim = ShimTarget.process(ShimRuns.javaCommand("io.mpqc.conformance.cli.Main", "shim"), TIMEOUT,
                true)) {
            var cases = ShimRuns.casesFor(Dialect.DRAFT_21).stream().filter(c -> c.id().startsWith("MP-4.3-4/")).toList();
            RunResult inProcess = ShimRuns.run(ReferenceTarget.all(), Dialect.DRAFT_21, cases, TIMEOUT, 4);
            RunResult viaShim = ShimRuns.run(shim, Dialect.DRAFT_21, cases, TIMEOUT, 4);
            assertThat(cases).hasSizeGreaterThan(5);
            assertThat(ShimRuns.verdicts(viaShim)).isEqualTo(ShimRuns.verdicts(inProcess));
        }
    }

    private static RunResult assertSameVerdicts(Supplier<Target> inProcessTarget, Target shim, Dialect dialect) {
        var cases = ShimRuns.casesFor(dialect);
        RunResult inProcess;
        try (Target t = inProcessTarget.get()) {
            inProcess = ShimRuns.run(t, dialect, cases, TIMEOUT, 4);
        }
        RunResult viaShim = ShimRuns.run(shim, dialect, cases, TIMEOUT, 4);
        Map<String, Verdict> expected = ShimRuns.verdicts(inProcess);
        Map<String, CaseResult> byId = viaShim.results().stream()
                .collect(Collectors.toMap(CaseResult::id, r -> r));
        String differences = expected.entrySet().stream()
                .filter(e -> byId.get(e.getKey()).verdict() != e.getValue())
                .map(e -> e.getKey() + ": in-process " + e.getValue() + ", shim " + byId.get(e.getKey()).verdict()
                        + " (" + byId.get(e.getKey()).observed() + ")")
                .collect(Collectors.joining("\n"));
        assertThat(cases).as("cases in %s", dialect).isNotEmpty();
        assertThat(differences).as("verdicts that differ through the shim in %s", dialect).isEmpty();
        assertThat(ShimRuns.verdicts(viaShim)).isEqualTo(expected);
        return viaShim;
    }

    /** Serves every connection with its own ShimServer, as {@code mpqc shim --listen} does. */
    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> {
                    try (s) {
                        new ShimServer(ReferenceTarget.all()).serve(s.getInputStream(), s.getOutputStream());
                    } catch (IOException e) {
                        // The client went away.
                    }
                }, "test-shim-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }
}
