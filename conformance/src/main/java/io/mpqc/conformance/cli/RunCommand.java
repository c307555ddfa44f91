package io.mpqc.conformance.cli;

import io.mpqc.conformance.report.ReportDirectory;
import io.mpqc.conformance.report.SelfCheckReport;
import io.mpqc.conformance.selfcheck.CodecSelfCheck;
import io.mpqc.conformance.selfcheck.CodecSelfCheck.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mpqc run}: the main job. The conformance cases do not exist yet, so for now it runs the codec
 * self-check ({@link CodecSelfCheck}) and says so on its first line; the report layout
 * ({@code <report-dir>/<timestamp>/index.html}, {@code <report-dir>/latest}) is the one the suite will use.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run the conformance suite and write an HTML report.",
            "",
            "The conformance cases are not implemented yet: for now this runs the codec self-check and says "
                    + "so on its first line. The self-check decodes the draft-21 byte examples of the "
                    + "multipath digest (section 2.2), compares them with the frames they stand for, "
                    + "re-encodes them to the same bytes, and checks negative examples (non-minimal frame "
                    + "types, truncated frames) for the right transport error and offset.",
            "",
        })
final class RunCommand implements Callable<Integer> {
    static final String NOT_YET = "conformance cases are not implemented yet; running the codec self-check";

    @Spec
    CommandSpec spec;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Base directory of the reports (default: ${DEFAULT-VALUE}, relative to the current "
                    + "directory). Each run writes DIR/<timestamp>/index.html and points DIR/latest at it.")
    Path reportDir = Path.of("reports");

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(NOT_YET);
        out.println("codec: " + CodecSelfCheck.DIALECT.id()
                + " decoder and encoder; inputs: the multipath digest's byte examples (section 2.2)");
        Instant start = clock.instant();
        List<Result> results = CodecSelfCheck.runAll();
        Duration took = Duration.between(start, clock.instant());
        int failed = 0;
        for (Result r : results) {
            out.println((r.passed() ? "PASS  " : "FAIL  ") + r.check().title() + "  [" + r.check().hex() + "]");
            if (!r.passed()) {
                failed++;
                out.println("      expected: " + r.expected());
                out.println("      seen:     " + r.actual());
            }
        }
        out.println("summary: " + results.size() + " checks, " + (results.size() - failed) + " passed, "
                + failed + " failed");
        out.flush();
        Path index;
        try {
            index = SelfCheckReport.write(reportDir, results, VersionProvider.version(), start, took);
        } catch (IOException e) {
            throw CliException.io("cannot write the report: " + ReportDirectory.reason(e), e);
        } catch (UncheckedIOException e) {
            throw CliException.io("cannot write the report: " + ReportDirectory.reason(e.getCause()), e);
        }
        out.println("report: " + index);
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURES;
    }
}
