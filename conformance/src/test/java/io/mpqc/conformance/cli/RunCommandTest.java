package io.mpqc.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.cli.Cli.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runAgainstTheReferencePassesAndWritesEveryReport() throws IOException {
        Path base = tmp.resolve("reports");
        Outcome r = Cli.run("run", "--report-dir", base.toString());

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).isEqualTo("target reference, dialect draft-21");
        assertThat(lines).anyMatch(l -> l.matches("summary: \\d+ cases: \\d+ PASS, 0 FAIL, 0 WARN, 0 UNSUPPORTED, 0 ERROR.*"));
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("report: " + base);
        Path index = Path.of(last.substring("report: ".length()));
        Path dir = index.getParent();
        assertThat(index).isRegularFile();
        assertThat(dir.resolve("results.json")).isRegularFile();
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<testsuite", "MP-4.3-4/");
        try (var allure = Files.list(dir.resolve("allure-results"))) {
            assertThat(allure.filter(p -> p.toString().endsWith("-result.json")).count()).isPositive();
        }
        Path latest = base.resolve("latest");
        assertThat(Files.isSymbolicLink(latest) || Files.isDirectory(latest, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(latest.resolve("index.html"))).isEqualTo(Files.readString(index));
    }

    @Test
    void listShowsTheSelectedCasesOnly() {
        Outcome r = Cli.run("run", "--list", "--id", "MP-4.3-4*");
        assertThat(r.exitCode()).isZero();
        List<String> caseLines = r.outLines().subList(0, r.outLines().size() - 1);
        assertThat(caseLines).isNotEmpty().allMatch(l -> l.startsWith("MP-4.3-4/"));
        assertThat(r.outLines().get(r.outLines().size() - 1)).matches(caseLines.size() + " cases for reference in draft-21");
    }

    @Test
    void filtersCombineByTagAndKeyword() {
        Outcome r = Cli.run("run", "--list", "--tag", "attack", "--keyword", "must");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("MP-4.3-4/equal-sequence-is-ignored").doesNotContain("MP-4.3-5/same-sequence");
    }

    @Test
    void listTargetsNamesTheReference() {
        Outcome r = Cli.run("run", "--list-targets");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("reference ", "reference:draft-18");
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        for (String[] args : List.of(new String[] {"run", "--target", "nonsense"},
                new String[] {"run", "--target", "reference:draft-18", "--dialect", "draft-06"},
                new String[] {"run", "--keyword", "often"},
                new String[] {"run", "--jobs", "0"},
                new String[] {"run", "--timeout", "soon"},
                new String[] {"run", "--id", "NO-SUCH-*"},
                new String[] {"run", "--baseline", tmp.resolve("missing.txt").toString()})) {
            Outcome r = Cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.errLines().get(0)).as(String.join(" ", args)).startsWith("mpqc");
            assertThat(r.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void baselineGateFailsOnlyOnDifferences() throws IOException {
        Path file = tmp.resolve("baseline.txt");
        Outcome first = Cli.run("run", "--no-report", "--id", "MP-4.3-*", "--write-baseline", file.toString());
        assertThat(first.exitCode()).isZero();
        Outcome same = Cli.run("run", "--no-report", "--id", "MP-4.3-*", "--baseline", file.toString());
        assertThat(same.exitCode()).isZero();
        assertThat(same.out()).contains("baseline: no difference");

        String text = Files.readString(file);
        Files.writeString(file, text.replace("MP-4.3-4/equal-sequence-is-ignored draft-21 PASS",
                "MP-4.3-4/equal-sequence-is-ignored draft-21 FAIL"));
        Outcome changed = Cli.run("run", "--no-report", "--id", "MP-4.3-*", "--baseline", file.toString());
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(changed.out()).contains("unexpected pass, expected FAIL, got PASS");
    }

    @Test
    void unwritableReportDirectoryIsAnIoError() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        Outcome r = Cli.run("run", "--id", "MP-4.3-4*", "--report-dir", file.resolve("sub").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("mpqc: cannot write the report");
    }
}
