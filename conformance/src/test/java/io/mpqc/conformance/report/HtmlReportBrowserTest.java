package io.mpqc.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mpqc.conformance.cases.CaseRegistry;
import io.mpqc.conformance.cases.ConformanceCase;
import io.mpqc.conformance.cases.TranscriptEntry;
import io.mpqc.conformance.cases.Verdict;
import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.RunResult;
import io.mpqc.ref.frame.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in a real headless Chromium (Debian's /usr/bin/chromium) and reads the summary
 * counts from the DOM the browser built. Without Chromium the test is skipped, unless
 * MPQC_REQUIRE_BROWSER=1 (as .ci/run sets after installing it), where a missing browser is a failure.
 */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MPQC_CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path tmp;

    @Test
    void chromiumRendersTheSummaryCounts() throws Exception {
        boolean required = "1".equals(System.getenv("MPQC_REQUIRE_BROWSER"));
        if (required) {
            assertThat(Files.isExecutable(CHROMIUM)).as("Chromium at " + CHROMIUM).isTrue();
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);

        Catalog catalog = Catalog.builtIn();
        RunResult run = mixedRun(catalog);
        Path html = tmp.resolve("index.html");
        Files.writeString(html, HtmlReport.render(run, catalog, "test"), StandardCharsets.UTF_8);

        String dom = dumpDom(html);
        assertThat(dom).contains("Multipath QUIC conformance report");
        Map<Verdict, Integer> counts = run.counts();
        for (Verdict v : Verdict.values()) {
            assertThat(count(dom, "count-" + v)).as(v.name()).isEqualTo(counts.get(v));
        }
        assertThat(count(dom, "count-TOTAL")).isEqualTo(run.results().size());
        assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    /** Real cases with one verdict of each kind, and target text that tries to inject markup. */
    private static RunResult mixedRun(Catalog catalog) {
        List<ConformanceCase> cases = CaseRegistry.builtIn(catalog).all();
        Verdict[] verdicts = {Verdict.PASS, Verdict.FAIL, Verdict.WARN, Verdict.UNSUPPORTED, Verdict.ERROR, Verdict.PASS};
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < verdicts.length; i++) {
            ConformanceCase c = cases.get(i);
            results.add(new CaseResult(c, catalog.get(c.mainRequirement()).orElseThrow(), verdicts[i], "close",
                    "<script>alert(1)</script>", List.of(new TranscriptEntry(TranscriptEntry.Direction.TO_TARGET,
                            "1-RTT packet on path 0", List.of("PATH_STATUS_BACKUP path_id=0 sequence=7"), "7e760007")),
                    100));
        }
        return new RunResult("reference", Dialect.DRAFT_21, Instant.parse("2026-11-24T00:00:00Z"), 12, results);
    }

    private String dumpDom(Path html) throws IOException, InterruptedException {
        Path profile = Files.createDirectory(tmp.resolve("profile"));
        ProcessBuilder pb = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString());
        pb.redirectError(tmp.resolve("chromium.log").toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium exit status; log: %s", Files.readString(tmp.resolve("chromium.log")))
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static int count(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(dom);
        assertThat(m.find()).as("element #" + id + " in the rendered DOM").isTrue();
        return Integer.parseInt(m.group(1));
    }
}
