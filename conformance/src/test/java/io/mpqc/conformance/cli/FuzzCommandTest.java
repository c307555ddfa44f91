package io.mpqc.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mpqc fuzz}: argument handling (nothing is built or run) and the libFuzzer output parser. */
class FuzzCommandTest {

    @Test
    void listShowsEveryTarget() {
        Cli.Outcome o = Cli.run("fuzz", "--list");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.OK);
        for (String t : List.of("FrameDecoderFuzzer", "TransportParametersFuzzer", "ConnectionCoreFuzzer",
                "SchedulerFuzzer", "DifferentialFuzzer", "TrivialCopyFuzzer")) {
            assertThat(o.out()).contains(t);
        }
        assertThat(o.out()).contains("frame-decoder", "connection-core");
    }

    @Test
    void unknownTargetIsOneLineAndExit2() {
        Cli.Outcome o = Cli.run("fuzz", "no-such-target", "--duration", "1s");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).hasSize(1);
        assertThat(o.err()).contains("unknown target 'no-such-target'").contains("--list");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void missingTargetIsAUsageError() {
        Cli.Outcome o = Cli.run("fuzz");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("which target");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(Cli.run("fuzz", "frame-decoder", "--jobs", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("fuzz", "frame-decoder", "--duration", "soon").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("fuzz", "frame-decoder", "--duration", "0s").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Outcome against = Cli.run("fuzz", "frame-decoder", "--against", "reference:draft-18");
        assertThat(against.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(against.err()).contains("only applies to DifferentialFuzzer");
        Cli.Outcome unknown = Cli.run("fuzz", "differential", "--against", "nonsense:x");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.errLines()).hasSize(1);
        Cli.Outcome replay = Cli.run("fuzz", "frame-decoder", "--replay", "/no/such/file");
        assertThat(replay.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void targetsResolveByNameAndShortForm() {
        assertThat(FuzzCommand.resolve("frame-decoder").name()).isEqualTo("FrameDecoderFuzzer");
        assertThat(FuzzCommand.resolve("FrameDecoderFuzzer").name()).isEqualTo("FrameDecoderFuzzer");
        assertThat(FuzzCommand.resolve("transportparametersfuzzer").name()).isEqualTo("TransportParametersFuzzer");
        assertThat(FuzzCommand.resolve("ConnectionCore").name()).isEqualTo("ConnectionCoreFuzzer");
        assertThat(FuzzCommand.resolve("trivial-copy").className()).isEqualTo("io.mpqc.fuzz.TrivialCopyFuzzer");
    }

    @Test
    void campaignArgumentsReadSeedsAndRegressionsAndWriteGenerated() {
        FuzzCommand.FuzzTarget t = FuzzCommand.resolve("frame-decoder");
        Path corpus = Path.of("/repo/corpus/FrameDecoderFuzzer");
        List<String> args = FuzzCommand.campaignArgs(t, corpus, Duration.ofMinutes(10));
        assertThat(args).contains("-max_total_time=600", "-timeout=" + FuzzCommand.INPUT_TIMEOUT_SECONDS);
        assertThat(args.subList(args.size() - 3, args.size())).containsExactly(
                corpus.resolve("generated").toString(), corpus.resolve("seeds").toString(),
                corpus.resolve("regressions").toString());
        assertThat(FuzzCommand.jazzerOptions(t, corpus)).contains("--target_class=io.mpqc.fuzz.FrameDecoderFuzzer",
                "-artifact_prefix=" + corpus.resolve("findings") + "/", "--reproducer_path=" + corpus.resolve("findings"));
    }

    @Test
    void parsesLibFuzzerStatusLines() {
        FuzzCommand.Progress inited = FuzzCommand.parseProgress("#2\tINITED cov: 23 ft: 24 corp: 1/1b exec/s: 0 rss: 125Mb");
        assertThat(inited).isEqualTo(new FuzzCommand.Progress(2, "INITED", 23, 24, 1, 0));
        FuzzCommand.Progress neu = FuzzCommand.parseProgress(
                "#1234\tNEW    cov: 45 ft: 60 corp: 10/200b lim: 4 exec/s: 617 rss: 130Mb L: 3/10 MS: 1 ChangeBit-");
        assertThat(neu).isEqualTo(new FuzzCommand.Progress(1234, "NEW", 45, 60, 10, 617));
        FuzzCommand.Progress pulse = FuzzCommand.parseProgress("#2\tpulse  ft: 157 exec/s: 0 rss: 1225Mb");
        assertThat(pulse).isEqualTo(new FuzzCommand.Progress(2, "pulse", -1, 157, -1, 0));
        FuzzCommand.Progress done = FuzzCommand.parseProgress(
                "#196988\tDONE   cov: 425 ft: 767 corp: 119/1212b lim: 1370 exec/s: 17908 rss: 1246Mb");
        assertThat(done.executions()).isEqualTo(196988);
        assertThat(done.corpus()).isEqualTo(119);
        assertThat(FuzzCommand.parseProgress(
                "#42892\tREDUCE cov: 742 ft: 2848 corp: 300/13957b lim: 125 exec/s: 1649 rss: 694Mb L: 57/125 MS: 4 X-"))
                .isEqualTo(new FuzzCommand.Progress(42892, "REDUCE", 742, 2848, 300, 1649));
        assertThat(FuzzCommand.parseProgress("INFO: Seed: 12345")).isNull();
        assertThat(FuzzCommand.parseProgress("== Java Exception: io.mpqc.fuzz.Finding: x")).isNull();
    }

    @Test
    void parsesFindingsButNotSlowUnits() {
        assertThat(FuzzCommand.parseFinding("artifact_prefix='corpus/X/findings/'; Test unit written to "
                + "corpus/X/findings/crash-adc83b19e793491b1c6ea0fd8b46cd9f32e592fc"))
                .isEqualTo("corpus/X/findings/crash-adc83b19e793491b1c6ea0fd8b46cd9f32e592fc");
        assertThat(FuzzCommand.parseFinding("artifact_prefix='f/'; Test unit written to f/timeout-16ea45"))
                .isEqualTo("f/timeout-16ea45");
        assertThat(FuzzCommand.parseFinding("artifact_prefix='f/'; Test unit written to f/slow-unit-1234")).isNull();
        assertThat(FuzzCommand.parseFinding("#12 NEW cov: 1")).isNull();
    }

    @Test
    void statusLineSumsJobs() {
        String line = FuzzCommand.statusLine("FrameDecoderFuzzer", Duration.ofSeconds(3725), Arrays.asList(
                new FuzzCommand.Progress(1000, "pulse", 40, 50, 7, 300),
                new FuzzCommand.Progress(2000, "NEW", 42, 49, 9, 200), null), 1);
        assertThat(line).isEqualTo(
                "FrameDecoderFuzzer  1:02:05  execs 3000  exec/s 500  corpus 9  cov 42  ft 50  findings 1");
        assertThat(FuzzCommand.statusLine("T", Duration.ZERO, Arrays.asList((FuzzCommand.Progress) null), 0))
                .isEqualTo("T  0:00:00  starting (JVM, instrumentation, loading the corpus)...");
        assertThat(FuzzCommand.statusLine("T", Duration.ofSeconds(9), List.of(
                new FuzzCommand.Progress(2, "pulse", -1, 157, -1, 0)), 0))
                .isEqualTo("T  0:00:09  execs 2  exec/s 0  corpus -  cov -  ft 157  findings 0");
    }
}
