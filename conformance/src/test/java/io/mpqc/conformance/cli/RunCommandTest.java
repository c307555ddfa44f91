package io.mpqc.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.cli.Cli.Outcome;
import io.mpqc.conformance.selfcheck.CodecSelfCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runSaysItIsTheSelfCheckPassesEverythingAndWritesTheReport() throws IOException {
        Path base = tmp.resolve("reports");
        Outcome r = Cli.run("run", "--report-dir", base.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).isEqualTo("conformance cases are not implemented yet; running the codec self-check");
        int checks = CodecSelfCheck.checks().size();
        assertThat(lines).filteredOn(l -> l.startsWith("PASS  ")).hasSize(checks);
        assertThat(lines).noneMatch(l -> l.startsWith("FAIL"));
        assertThat(lines).contains("summary: " + checks + " checks, " + checks + " passed, 0 failed");
        assertThat(lines).anyMatch(l -> l.startsWith("PASS  PATH_STATUS_BACKUP for path 2, sequence 7  [7e 76 02 07]"));

        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("report: " + base);
        Path index = Path.of(last.substring("report: ".length()));
        assertThat(index).isRegularFile().hasFileName("index.html");
        assertThat(index.getParent().getFileName().toString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ");

        Path latest = base.resolve("latest");
        assertThat(Files.isSymbolicLink(latest) || Files.isDirectory(latest, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(latest.resolve("index.html"))).isEqualTo(Files.readString(index));
    }

    @Test
    void theReportIsSelfContainedHtml() throws IOException {
        Path base = tmp.resolve("r");
        assertThat(Cli.run("run", "--report-dir", base.toString()).exitCode()).isZero();
        String html = Files.readString(base.resolve("latest/index.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "codec self-check",
                "not implemented yet", CodecSelfCheck.checks().size() + " checks", "7e 76 02 07", "PATH_ACK")
                .doesNotContain("<script", "<link", "src=", "href=", "http://", "https://")
                .endsWith("</html>\n");
    }

    @Test
    void secondRunGetsItsOwnDirectoryAndLatestMoves() throws IOException {
        Path base = tmp.resolve("reports");
        Outcome first = Cli.run("run", "--report-dir", base.toString());
        Outcome second = Cli.run("run", "--report-dir", base.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        try (Stream<Path> runs = Files.list(base)) {
            assertThat(runs.filter(p -> !p.getFileName().toString().equals("latest"))).hasSize(2);
        }
        String secondIndex = second.outLines().get(second.outLines().size() - 1).substring("report: ".length());
        if (Files.isSymbolicLink(base.resolve("latest"))) {
            assertThat(Files.readSymbolicLink(base.resolve("latest")))
                    .isEqualTo(Path.of(secondIndex).getParent().getFileName());
        }
        try (Stream<Path> leftovers = Files.list(base)) {
            assertThat(leftovers).noneMatch(p -> p.getFileName().toString().startsWith(".latest-"));
        }
    }

    @Test
    void unwritableReportDirectoryIsOneLineAndExitThree() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
        Outcome r = Cli.run("run", "--report-dir", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.out()).contains("summary: "); // the checks ran and were shown
        assertThat(r.errLines()).containsExactly("mpqc: cannot write the report: " + file
                + ": exists and is not a directory");

        Outcome below = Cli.run("run", "--report-dir", file.resolve("sub").toString());
        assertThat(below.exitCode()).isEqualTo(3);
        assertThat(below.errLines()).hasSize(1);
        assertThat(below.errLines().get(0)).startsWith("mpqc: cannot write the report: ");
    }

    @Test
    void runTakesNoPositionalArguments() {
        Outcome r = Cli.run("run", "extra");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("mpqc run: Unmatched argument at index 1: 'extra'",
                "Try 'mpqc run --help' for more information.");
    }
}
