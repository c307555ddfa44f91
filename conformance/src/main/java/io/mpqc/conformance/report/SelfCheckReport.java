package io.mpqc.conformance.report;

import io.mpqc.conformance.selfcheck.CodecSelfCheck;
import io.mpqc.conformance.selfcheck.CodecSelfCheck.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The HTML report of the codec self-check: one self-contained file (inline CSS, no scripts, no external
 * assets) that opens from disk or a CI artifact. Every text from a check goes through {@link Html#escape}.
 */
public final class SelfCheckReport {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:75em;\
            padding:0 1em;color:#1b1f24;background:#fff}
            h1{font-size:1.5em;margin-bottom:.2em}
            .meta{color:#57606a;margin-top:0}
            .note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.6em 1em}
            .summary{font-size:1.1em;font-weight:600}
            .summary .pass{color:#1a7f37}.summary .fail{color:#cf222e}
            table{border-collapse:collapse;width:100%;margin-top:1em}
            th,td{border:1px solid #d0d7de;padding:.35em .6em;text-align:left;vertical-align:top}
            th{background:#f6f8fa}
            code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
            td.status{font-weight:700;white-space:nowrap}
            tr.PASS td.status{color:#1a7f37;background:#dafbe1}
            tr.FAIL td.status{color:#cf222e;background:#ffebe9}
            tr.FAIL{background:#fff5f5}
            .id{color:#57606a;font-size:12px}
            """;

    private SelfCheckReport() {
    }

    /** The whole HTML document. */
    public static String render(List<Result> results, String version, Instant start, Duration took) {
        long failed = results.stream().filter(r -> !r.passed()).count();
        long passed = results.size() - failed;
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>mpqc run: codec self-check ").append(failed == 0 ? "PASS" : "FAIL")
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>mpqc run: codec self-check</h1>\n<p class=\"meta\">mpqc ").append(Html.escape(version))
                .append(" &middot; started ").append(Html.escape(DateTimeFormatter.ISO_INSTANT.format(start.truncatedTo(ChronoUnit.SECONDS))))
                .append(" &middot; ").append(took.toMillis()).append(" ms &middot; dialect ")
                .append(Html.escape(CodecSelfCheck.DIALECT.id())).append(" &middot; Java ")
                .append(Html.escape(System.getProperty("java.version"))).append("</p>\n");
        h.append("<p class=\"note\">The conformance cases are not implemented yet. This run is the codec "
                + "self-check: the byte examples of the multipath digest (section 2.2) decoded with the "
                + "draft-21 decoder, compared with the frames they stand for and re-encoded to the same "
                + "bytes, plus negative examples that must fail with a given error at a given offset.</p>\n");
        h.append("<p class=\"summary\">").append(results.size()).append(" checks: <span class=\"pass\">")
                .append(passed).append(" passed</span>, <span class=\"fail\">").append(failed)
                .append(" failed</span></p>\n");
        h.append("<table>\n<thead><tr><th>Result</th><th>Check</th><th>Input</th><th>Expected</th>"
                + "<th>Seen</th></tr></thead>\n<tbody>\n");
        for (Result r : results) {
            String status = r.passed() ? "PASS" : "FAIL";
            h.append("<tr class=\"").append(status).append("\"><td class=\"status\">").append(status)
                    .append("</td><td>").append(Html.escape(r.check().title()))
                    .append("<br><span class=\"id\">").append(Html.escape(r.check().id())).append("</span></td>")
                    .append("<td><code>").append(Html.escape(r.check().hex())).append("</code></td>")
                    .append("<td><code>").append(Html.escape(r.expected())).append("</code></td>")
                    .append("<td><code>").append(Html.escape(r.actual())).append("</code></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * Writes {@code base/<timestamp>/index.html} and points {@code base/latest} at it; returns the file.
     */
    public static Path write(Path base, List<Result> results, String version, Instant start, Duration took)
            throws IOException {
        Path run = ReportDirectory.createRun(base, start);
        Path index = run.resolve("index.html");
        Files.writeString(index, render(results, version, start, took), StandardCharsets.UTF_8);
        ReportDirectory.linkLatest(base, run);
        return index;
    }
}
