package io.mpqc.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.cli.Cli.Outcome;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class MainTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("kaboom");
        }
    }

    @Command(name = "unwritable")
    static final class Unwritable implements Callable<Integer> {
        @Override
        public Integer call() {
            throw CliException.io("cannot write the report: reports: permission denied", null);
        }
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Outcome r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: mpqc ")
                .contains("run ", "decode ", "Exit codes:", "0   success", "1   conformance failures",
                        "2   usage error", "3   target or I/O error", "MPQC_DEBUG=1");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionComesFromTheBuild() {
        Outcome r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines().get(0)).matches("mpqc \\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
        assertThat(VersionProvider.version()).isNotEqualTo("unknown");
        assertThat(r.out()).contains("draft-21, draft-18, draft-06");
    }

    @Test
    void helpSubcommandShowsASubcommandsHelp() {
        Outcome r = Cli.run("help", "run");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: mpqc run", "--report-dir=DIR");
    }

    @Test
    void noCommandIsAUsageError() {
        Outcome r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines().get(0)).isEqualTo("mpqc: missing command");
        assertThat(r.err()).contains("Usage: mpqc");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownCommandIsAUsageErrorWithAHint() {
        Outcome r = Cli.run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("mpqc: Unmatched argument at index 0: 'frobnicate'",
                "Try 'mpqc --help' for more information.");
    }

    @Test
    void misspelledCommandGetsASuggestion() {
        Outcome r = Cli.run("decod", "00");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("decode").endsWith("Try 'mpqc --help' for more information." + System.lineSeparator());
    }

    @Test
    void unexpectedExceptionIsOneLineAndExitThree() {
        Outcome r = Cli.run(Map.of(), cl -> cl.addSubcommand(new Boom()), "boom");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.errLines()).containsExactly("mpqc: internal error: java.lang.IllegalStateException: kaboom "
                + "(run with MPQC_DEBUG=1 for the stack trace)");
    }

    @Test
    void mpqcDebugShowsTheStackTrace() {
        Outcome r = Cli.run(Map.of("MPQC_DEBUG", "1"), cl -> cl.addSubcommand(new Boom()), "boom");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines().get(0)).isEqualTo("mpqc: internal error: java.lang.IllegalStateException: kaboom");
        assertThat(r.err()).contains("\tat io.mpqc.conformance.cli.MainTest$Boom.call");
    }

    @Test
    void cliExceptionIsItsOwnLineAndCode() {
        Outcome r = Cli.run(Map.of(), cl -> cl.addSubcommand(new Unwritable()), "unwritable");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("mpqc: cannot write the report: reports: permission denied");
    }
}
