package io.mpqc.conformance.report;

import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.RunResult;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * JUnit XML ({@code junit.xml}) for CI systems: one testsuite for the run, one testcase per case named
 * with its ID; FAIL is a failure, ERROR an error, UNSUPPORTED skipped, WARN a pass with the warning in
 * system-out.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static String render(RunResult run) {
        var counts = run.counts();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"mpqc\">\n");
        sb.append("  <testsuite name=\"").append(x("mpqc " + run.target() + " " + run.dialect().id()))
                .append("\" tests=\"").append(run.results().size())
                .append("\" failures=\"").append(counts.get(io.mpqc.conformance.cases.Verdict.FAIL))
                .append("\" errors=\"").append(counts.get(io.mpqc.conformance.cases.Verdict.ERROR))
                .append("\" skipped=\"").append(counts.get(io.mpqc.conformance.cases.Verdict.UNSUPPORTED))
                .append("\" time=\"").append(seconds(run.durationMillis() * 1000))
                .append("\" timestamp=\"").append(DateTimeFormatter.ISO_INSTANT.format(run.started()))
                .append("\">\n");
        for (CaseResult r : run.results()) {
            sb.append("    <testcase name=\"").append(x(r.id())).append("\" classname=\"")
                    .append(x("mpqc." + r.requirement().section() + "." + r.testCase().mainRequirement()))
                    .append("\" time=\"").append(seconds(r.durationMicros())).append("\"");
            String detail = "expected: " + r.expected() + "\nobserved: " + r.observed();
            switch (r.verdict()) {
                case PASS -> sb.append("/>\n");
                case FAIL -> sb.append(">\n      <failure message=\"").append(x(r.observed()))
                        .append("\" type=\"").append(r.requirement().keyword().name()).append("\">")
                        .append(x(detail)).append("</failure>\n    </testcase>\n");
                case ERROR -> sb.append(">\n      <error message=\"").append(x(r.observed())).append("\">")
                        .append(x(detail)).append("</error>\n    </testcase>\n");
                case UNSUPPORTED -> sb.append(">\n      <skipped message=\"").append(x(r.observed()))
                        .append("\"/>\n    </testcase>\n");
                case WARN -> sb.append(">\n      <system-out>").append(x("WARN (" + r.requirement().keyword().text()
                        + " not followed)\n" + detail)).append("</system-out>\n    </testcase>\n");
                default -> throw new IllegalStateException(r.verdict().name());
            }
        }
        sb.append("  </testsuite>\n</testsuites>\n");
        return sb.toString();
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1_000_000.0);
    }

    /** XML-escapes text and drops characters XML 1.0 cannot carry. */
    static String x(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        sb.append('?');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
