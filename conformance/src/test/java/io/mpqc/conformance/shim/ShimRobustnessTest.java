package io.mpqc.conformance.shim;

import static io.mpqc.conformance.cases.Verdict.ERROR;
import static io.mpqc.conformance.cases.Verdict.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.cases.ConformanceCase;
import io.mpqc.conformance.cases.Verdict;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.RunResult;
import io.mpqc.conformance.shim.misbehaving.Misbehaving;
import io.mpqc.conformance.shim.misbehaving.Scripted;
import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shims that crash, hang, write garbage, answer the wrong request, answer slowly or flood their output
 * ({@link Misbehaving}, which does so on every "open" and serves codec requests honestly): the case in
 * progress gets ERROR with a diagnosis, the shim is restarted, the next cases still run and PASS, the run
 * never hangs, and memory stays bounded.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ShimRobustnessTest {
    /** Per request to the shim. */
    private static final Duration REQUEST = Duration.ofMillis(2000);
    /** Per case: longer than a request, so the shim's own diagnosis is what the case reports. */
    private static final Duration CASE = Duration.ofSeconds(20);
    /** Codec, endpoint, codec, endpoint, codec: the endpoint cases meet the misbehaviour. */
    private static final List<ConformanceCase> CASES = ShimRuns.cases("MP-4.6-1/max-path-id-layout",
            "MP-4.3-4/equal-sequence-is-ignored", "MP-4.3-1/path-status-layout", "MP-4.3-4/replayed-frame-is-ignored",
            "MP-4.7-1/blocked-frames-layout");
    private static final List<Verdict> TWO_ERRORS = List.of(PASS, ERROR, PASS, ERROR, PASS);

    @TempDir
    Path dir;

    @Test
    void crashIsDiagnosedWithExitStatusAndStderr() throws Exception {
        RunResult run = runAgainst("crash");
        assertVerdictsAndRestarts(run, TWO_ERRORS, 3);
        assertThat(endpointDiagnoses(run)).allSatisfy(d -> assertThat(d)
                .contains("the shim closed its output")
                .contains("expected a reply to request").contains("('open')")
                .contains("process exited with status 3")
                .contains("last stderr lines: misbehaving: segmentation fault (core dumped)"));
    }

    @Test
    void hangIsDiagnosedAfterTheRequestTimeout() throws Exception {
        RunResult run = runAgainst("hang");
        assertVerdictsAndRestarts(run, TWO_ERRORS, 3);
        assertThat(endpointDiagnoses(run)).allSatisfy(d -> assertThat(d)
                .contains("no answer within " + REQUEST.toMillis() + " ms")
                .contains("expected a reply to request").contains("('open')")
                .contains("still running"));
    }

    @Test
    void hangBeyondTheCaseTimeoutKeepsTheShimDiagnosis() throws Exception {
        // The case times out before the request does: the runner's message carries what the shim was asked.
        Path starts = dir.resolve("starts");
        RunResult run;
        try (Target t = ShimTarget.process(ShimRuns.javaCommand(Misbehaving.class.getName(), "hang",
                starts.toString()), Duration.ofMinutes(5), false)) {
            run = ShimRuns.run(t, Dialect.DRAFT_21, CASES, Duration.ofMillis(2500), 1);
        }
        assertVerdictsAndRestarts(run, starts, TWO_ERRORS, 3);
        assertThat(endpointDiagnoses(run)).allSatisfy(d -> assertThat(d)
                .startsWith("timed out after 2500 ms")
                .contains("expected a reply to request").contains("('open')"));
    }

    @Test
    void garbageIsDiagnosedWithTheLine() throws Exception {
        RunResult run = runAgainst("garbage");
        assertVerdictsAndRestarts(run, TWO_ERRORS, 3);
        assertThat(endpointDiagnoses(run)).allSatisfy(d -> assertThat(d)
                .contains("the shim wrote garbage: 'Traceback (most recent call last): not JSON at all'")
                .contains("expected a reply to request").contains("('open')"));
    }

    @Test
    void answerToAnotherRequestIsDiagnosed() throws Exception {
        RunResult run = runAgainst("wrong-id");
        assertVerdictsAndRestarts(run, TWO_ERRORS, 3);
        assertThat(endpointDiagnoses(run)).allSatisfy(d -> assertThat(d)
                .containsPattern("the shim answered request \\d+: ")
                .contains("expected a reply to request").contains("('open')"));
    }

    @Test
    void answerJustUnderTheTimeoutIsFine() throws Exception {
        RunResult run = runAgainst("slow:" + (REQUEST.toMillis() - 600));
        assertVerdictsAndRestarts(run, List.of(PASS, PASS, PASS, PASS, PASS), 1);
    }

    @Test
    void answerJustOverTheTimeoutIsAnError() throws Exception {
        RunResult run = runAgainst("slow:" + (REQUEST.toMillis() + 600));
        assertVerdictsAndRestarts(run, TWO_ERRORS, 3);
        assertThat(endpointDiagnoses(run)).allSatisfy(d -> assertThat(d)
                .contains("no answer within " + REQUEST.toMillis() + " ms"));
    }

    @Test
    void giantLineIsRefusedWithoutKeepingIt() throws Exception {
        long before = usedHeapAfterGc();
        RunResult run = runAgainst("giant-line");
        assertVerdictsAndRestarts(run, TWO_ERRORS, 3);
        assertThat(endpointDiagnoses(run)).allSatisfy(d -> assertThat(d)
                .contains("the shim wrote a line longer than " + ShimProtocol.MAX_LINE + " bytes"));
        assertThat(usedHeapAfterGc() - before).as("heap kept after two 3 MiB lines").isLessThan(32L << 20);
    }

    @Test
    void endlessOutputIsCutOffAtTheTimeout() throws Exception {
        long before = usedHeapAfterGc();
        RunResult run = runAgainst("endless");
        assertVerdictsAndRestarts(run, TWO_ERRORS, 3);
        assertThat(endpointDiagnoses(run)).allSatisfy(d -> assertThat(d)
                .contains("no answer within " + REQUEST.toMillis() + " ms"));
        assertThat(usedHeapAfterGc() - before).as("heap kept after endless output").isLessThan(32L << 20);
    }

    @Test
    void endlessLinesAreDroppedAndTheReaderEnds() throws Exception {
        long before = usedHeapAfterGc();
        RunResult run = runAgainst("endless-lines");
        assertVerdictsAndRestarts(run, TWO_ERRORS, 3);
        assertThat(endpointDiagnoses(run)).allSatisfy(d -> assertThat(d).contains("the shim wrote garbage: '[[[["));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (shimThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(shimThreads()).as("reader threads left after the target closed").isZero();
        assertThat(usedHeapAfterGc() - before).as("heap kept after endless lines").isLessThan(32L << 20);
    }

    @Test
    void errorReplyFailsTheCaseButKeepsTheShim() throws Exception {
        RunResult run = runScripted(HELLO, "{\"id\":$ID,\"error\":\"decoder exploded\"}", DECODED_MAX_PATH_ID_4);
        assertThat(run.results()).extracting(CaseResult::verdict).containsExactly(ERROR, PASS);
        assertThat(run.results().get(0).observed()).isEqualTo("target error: the shim failed 'decode': decoder exploded");
        assertThat(Files.readAllLines(dir.resolve("starts"))).as("no restart after an error reply").hasSize(1);
    }

    @Test
    void unsupportedReplyIsUnsupportedAndKeepsTheShim() throws Exception {
        RunResult run = runScripted(HELLO, "{\"id\":$ID,\"unsupported\":\"not yet\"}", DECODED_MAX_PATH_ID_4);
        assertThat(run.results()).extracting(CaseResult::verdict).containsExactly(Verdict.UNSUPPORTED, PASS);
        assertThat(run.results().get(0).observed()).isEqualTo("the shim does not support 'decode': not yet");
        assertThat(Files.readAllLines(dir.resolve("starts"))).hasSize(1);
    }

    @Test
    void replyWithoutOutcomeIsAProtocolFailure() throws Exception {
        RunResult run = runScripted(HELLO, "{\"id\":$ID,\"result\":{}}");
        // Each process answers hello, then nonsense: both cases ERROR, each on a process of its own that was
        // greeted first (the decode is request 2 of each).
        assertThat(run.results()).extracting(CaseResult::verdict).containsExactly(ERROR, ERROR);
        assertThat(run.results()).extracting(CaseResult::observed).allSatisfy(o -> assertThat(o)
                .contains("the reply has neither ok, error nor unsupported: '{\"id\":2,\"result\":{}}'")
                .contains("expected a reply to request 2 ('decode')"));
        assertThat(Files.readAllLines(dir.resolve("starts"))).as("restarted").hasSize(2);
    }

    @Test
    void wrongContentIsAnErrorButKeepsTheShim() throws Exception {
        RunResult run = runScripted(HELLO, "{\"id\":$ID,\"ok\":{\"decoded\":[\"7e7a\"]}}", DECODED_MAX_PATH_ID_4);
        assertThat(run.results()).extracting(CaseResult::verdict).containsExactly(ERROR, PASS);
        assertThat(run.results().get(0).observed()).contains("the shim re-encoded a frame mpqc cannot decode: 7e7a");
        assertThat(Files.readAllLines(dir.resolve("starts"))).hasSize(1);
    }

    @Test
    void helloWithAnotherVersionOrNoKnownDialectCannotStart() {
        String starts = dir.resolve("starts").toString();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShimTarget.process(
                ShimRuns.javaCommand(Scripted.class.getName(), starts,
                        "{\"id\":$ID,\"ok\":{\"version\":2,\"dialects\":[\"draft-21\"],\"codec\":true}}"),
                REQUEST, false)).isInstanceOf(TargetException.class)
                .hasMessageContaining("the shim speaks protocol version 2, mpqc speaks 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShimTarget.process(
                ShimRuns.javaCommand(Scripted.class.getName(), starts,
                        "{\"id\":$ID,\"ok\":{\"version\":1,\"dialects\":[\"draft-99\"],\"codec\":true}}"),
                REQUEST, false)).isInstanceOf(TargetException.class)
                .hasMessageContaining("the shim names no dialect mpqc knows");
    }

    /** The CLI itself, in a JVM with a 64 MiB heap, against shims that flood: it completes with ERRORs. */
    @ParameterizedTest
    @ValueSource(strings = {"endless", "giant-line"})
    void floodingShimRunsInASmallFixedHeap(String mode) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ShimRuns.java(), "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "io.mpqc.conformance.cli.Main", "run",
                "--target", "shim:" + ShimRuns.javaCommand(Misbehaving.class.getName(), mode),
                "--timeout", "3s", "--jobs", "1", "--no-report"));
        for (ConformanceCase c : CASES) {
            cmd.add("--id");
            cmd.add(c.id());
        }
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = p.waitFor(80, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(ended).as("the run ended; output:\n%s", text).isTrue();
        assertThat(p.exitValue()).as("exit code (1: failures); output:\n%s", text).isEqualTo(1);
        assertThat(text).doesNotContain("OutOfMemoryError")
                .contains("summary: 5 cases: 3 PASS, 0 FAIL, 0 WARN, 0 UNSUPPORTED, 2 ERROR");
    }

    private static final String HELLO = "{\"id\":$ID,\"ok\":{\"version\":1,\"name\":\"scripted\","
            + "\"dialects\":[\"draft-21\"],\"codec\":true,\"endpoint\":false,\"features\":[]}}";
    private static final String DECODED_MAX_PATH_ID_4 = "{\"id\":$ID,\"ok\":{\"decoded\":[\"7e7a04\"]}}";

    /** Runs MAX_PATH_ID 4 twice against a {@link Scripted} shim answering {@code replies}. */
    private RunResult runScripted(String... replies) throws TargetException {
        List<String> args = new ArrayList<>(List.of(dir.resolve("starts").toString()));
        args.addAll(List.of(replies));
        ConformanceCase c = ShimRuns.cases("MP-4.6-1/max-path-id-layout").get(0);
        try (Target t = ShimTarget.process(ShimRuns.javaCommand(Scripted.class.getName(), args.toArray(String[]::new)),
                REQUEST, false)) {
            return ShimRuns.run(t, Dialect.DRAFT_21, List.of(c, c), CASE, 1);
        }
    }

    private RunResult runAgainst(String mode) throws TargetException {
        try (Target t = ShimTarget.process(ShimRuns.javaCommand(Misbehaving.class.getName(), mode,
                dir.resolve("starts").toString()), REQUEST, false)) {
            return ShimRuns.run(t, Dialect.DRAFT_21, CASES, CASE, 1);
        }
    }

    private void assertVerdictsAndRestarts(RunResult run, List<Verdict> verdicts, int starts) throws IOException {
        assertVerdictsAndRestarts(run, dir.resolve("starts"), verdicts, starts);
    }

    private static void assertVerdictsAndRestarts(RunResult run, Path startsFile, List<Verdict> verdicts,
            int starts) throws IOException {
        assertThat(run.results()).extracting(CaseResult::id).containsExactlyElementsOf(
                CASES.stream().map(ConformanceCase::id).toList());
        assertThat(run.results()).extracting(CaseResult::verdict).as("verdicts; observed: %s",
                run.results().stream().map(CaseResult::observed).toList()).containsExactlyElementsOf(verdicts);
        assertThat(Files.readAllLines(startsFile)).as("shim processes started (one per failure after the first)")
                .hasSize(starts).doesNotHaveDuplicates();
    }

    private static List<String> endpointDiagnoses(RunResult run) {
        return run.results().stream().filter(r -> r.id().startsWith("MP-4.3-4/")).map(CaseResult::observed).toList();
    }

    private static long shimThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("mpqc-shim-pid")).count();
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
