package io.mpqc.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.cli.Cli.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {

    @Test
    void oneRunPrintsItsMetricsAndExitsZero() {
        Outcome r = Cli.run("sim", "--scenario", "short", "--scheduler", "ecf");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("scenario   short:", "completion ", "benefit    Ben = ",
                "integrity  every byte delivered exactly once, intact");
    }

    @Test
    void theBreakRunReportsItsFailover() {
        Outcome r = Cli.run("sim", "--scenario", "break", "--scheduler", "minrtt", "--seed", "3");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("failover   outage at 1000.0 ms; delivery resumed after", "PATH_ABANDON after",
                "BONDED -> DEGRADED");
    }

    @Test
    void jsonIsOneObjectOnOneLine() {
        Outcome r = Cli.run("sim", "--scenario", "two-equal", "--scheduler", "minrtt", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).hasSize(1);
        assertThat(r.out()).startsWith("{\"scenario\":\"two-equal\",\"scheduler\":\"minrtt\",\"seed\":1,")
                .contains("\"integrity_ok\":true", "\"single_path\":[{");
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        String a = Cli.run("sim", "--scenario", "short", "--scheduler", "blest", "--json").out();
        String b = Cli.run("sim", "--scenario", "short", "--scheduler", "blest", "--json").out();
        assertThat(withoutWallTime(a)).isEqualTo(withoutWallTime(b));
    }

    private static String withoutWallTime(String json) {
        return json.replaceAll("\"wall_ms\":[0-9.E-]+", "");
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        for (List<String> args : List.of(List.of("sim", "--scenario", "nope", "--scheduler", "ecf"),
                List.of("sim", "--scenario", "short", "--scheduler", "fastest"),
                List.of("sim", "--scenario", "short"),
                List.of("sim"),
                List.of("sim", "--matrix", "--scenario", "short"),
                List.of("sim", "--scenario", "short", "--scheduler", "ecf", "--cc", "bbr"))) {
            Outcome r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s", args).isEqualTo(ExitCodes.USAGE);
            assertThat(r.errLines()).as("%s", args).hasSize(1);
            assertThat(r.err()).startsWith("mpqc: ");
        }
        assertThat(Cli.run("sim", "--scenario", "nope", "--scheduler", "ecf").err())
                .contains("unknown scenario 'nope' (known: two-equal, wifi-lte, sat-plus, break, short)");
    }

    @Test
    void listNamesScenariosAndSchedulers() {
        Outcome r = Cli.run("sim", "--list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("scenario  sat-plus:", "schedulers: aggregate, minrtt, weighted, blest, ecf, redundant");
    }

    @Test
    void theMatrixWritesASelfContainedReport(@TempDir Path dir) throws IOException {
        Outcome r = Cli.run("sim", "--matrix", "--speed-runs", "0", "--report-dir", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("two-equal: completion time, best scheduler", "report: ");
        Path report;
        try (Stream<Path> runs = Files.list(dir)) {
            report = runs.filter(p -> p.getFileName().toString().startsWith("sim-")).findFirst().orElseThrow();
        }
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("<h2>Goals</h2>", "<svg", "id=\"sat-plus\"", "Bonding events")
                .doesNotContain("<script", "http://", "https://");
        assertThat(Files.readString(report.resolve("results.json"))).startsWith("{\"version\":");
    }
}
