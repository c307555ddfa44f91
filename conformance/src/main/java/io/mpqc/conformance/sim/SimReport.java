package io.mpqc.conformance.sim;

import io.mpqc.conformance.report.Html;
import io.mpqc.conformance.report.Json;
import io.mpqc.ref.bonding.BondingEvent;
import io.mpqc.ref.sim.Failover;
import io.mpqc.ref.sim.GoalCheck;
import io.mpqc.ref.sim.MatrixResult;
import io.mpqc.ref.sim.PathSpec;
import io.mpqc.ref.sim.RunResult;
import io.mpqc.ref.sim.Scenario;
import io.mpqc.ref.sim.Units;
import io.mpqc.ref.sim.endpoint.Timed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The self-contained HTML page of {@code mpqc sim --matrix}: the goals with their verdicts, the speed
 * measurement, and per scenario a table of every scheduler's metrics with the single-path baselines, bar
 * charts of completion time and aggregation benefit, the delivery curves, and the bonding events of the
 * outage scenario. Inline CSS and SVG only; the same figures as JSON in {@code results.json} next to it.
 */
public final class SimReport {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    /** The goal lines drawn on the completion-time charts (seconds). */
    private static final Map<String, Double> COMPLETION_GOALS = Map.of("two-equal", 1.06, "wifi-lte", 1.65);

    private final MatrixResult matrix;
    private final List<GoalCheck> goals;
    private final SpeedProbe speed;
    private final String command;
    private final String version;
    private final Instant start;
    private final long matrixWallNanos;

    public SimReport(MatrixResult matrix, List<GoalCheck> goals, SpeedProbe speed, String command, String version,
            Instant start, long matrixWallNanos) {
        this.matrix = matrix;
        this.goals = List.copyOf(goals);
        this.speed = speed;
        this.command = command;
        this.version = version;
        this.start = start;
        this.matrixWallNanos = matrixWallNanos;
    }

    /** Writes {@code base/sim-<UTC timestamp>/index.html} and {@code results.json}; returns the directory. */
    public Path write(Path base) throws IOException {
        Files.createDirectories(base);
        String stamp = "sim-" + STAMP.format(start);
        Path dir = base.resolve(stamp);
        for (int n = 2; ; n++) {
            try {
                Files.createDirectory(dir);
                break;
            } catch (FileAlreadyExistsException e) {
                dir = base.resolve(stamp + "-" + n);
            }
        }
        Files.writeString(dir.resolve("index.html"), html(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.json"), Json.write(json()) + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    /** The figures as one JSON object. */
    public Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("version", version);
        o.put("command", command);
        o.put("seed", matrix.seed());
        o.put("generated", start.toString());
        List<Object> goalList = new ArrayList<>();
        for (GoalCheck g : goals) {
            Map<String, Object> go = new LinkedHashMap<>();
            go.put("goal", g.goal());
            go.put("target", g.target());
            go.put("actual", g.actual());
            go.put("status", g.status().name());
            goalList.add(go);
        }
        o.put("goals", goalList);
        if (speed != null) {
            Map<String, Object> so = new LinkedHashMap<>();
            so.put("scenario", speed.scenario());
            so.put("scheduler", speed.scheduler());
            so.put("runs", speed.runs());
            so.put("simulated_s", speed.simulatedMicros() / 1e6);
            so.put("median_wall_ms", speed.medianWallNanos() / 1e6);
            so.put("median_cpu_ms", speed.medianCpuNanos() < 0 ? null : speed.medianCpuNanos() / 1e6);
            so.put("wall_ratio", speed.wallRatio());
            so.put("cpu_ratio", speed.cpuRatio());
            o.put("speed", so);
        }
        List<Object> scenarios = new ArrayList<>();
        for (MatrixResult.ScenarioResult s : matrix.scenarios()) {
            Map<String, Object> so = new LinkedHashMap<>();
            so.put("name", s.scenario().name());
            so.put("description", s.scenario().description());
            List<Object> singles = new ArrayList<>();
            for (RunResult r : s.singlePath()) {
                singles.add(RunJson.of(r, Double.NaN));
            }
            so.put("single_path", singles);
            List<Object> rows = new ArrayList<>();
            for (MatrixResult.Row r : s.rows()) {
                rows.add(RunJson.of(r.result(), r.benefit()));
            }
            so.put("runs", rows);
            scenarios.add(so);
        }
        o.put("scenarios", scenarios);
        return o;
    }

    public String html() {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>mpqc simulator matrix</title><style>").append(CSS).append("</style></head><body>\n");
        sb.append("<h1>mpqc simulator: every scheduler on every scenario</h1>\n");
        sb.append("<p class=\"meta\">").append(Html.escape(command)).append(" &middot; seed ").append(matrix.seed())
                .append(" &middot; mpqc ").append(Html.escape(version)).append(" &middot; ")
                .append(Html.escape(start.toString())).append(" &middot; Java ")
                .append(Html.escape(System.getProperty("java.version"))).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs &middot; matrix ran in ")
                .append(fmt("%.1f s", matrixWallNanos / 1e9)).append(" of wall-clock time</p>\n");
        sb.append("<p>All times are simulated and exact for the seed: a rerun gives the same figures. "
                + "1 MB = 1,000,000 bytes. Ben = (G - Gmax) / (&Sigma;G<sub>i</sub> - Gmax), with the single-path "
                + "goodputs G<sub>i</sub> measured in the same scenario (rows in italics).</p>\n");
        goals(sb);
        speed(sb);
        for (MatrixResult.ScenarioResult s : matrix.scenarios()) {
            scenario(sb, s);
        }
        sb.append("<h2>Method</h2><ul>");
        for (String line : METHOD) {
            sb.append("<li>").append(Html.escape(line)).append("</li>");
        }
        sb.append("</ul>\n</body></html>\n");
        return sb.toString();
    }

    private void goals(StringBuilder sb) {
        sb.append("<h2>Goals</h2>\n<table><tr><th>goal</th><th>target</th><th>result</th><th>verdict</th></tr>\n");
        for (GoalCheck g : goals) {
            String cls = switch (g.status()) {
                case MET -> "met";
                case MISSED -> "missed";
                case NOT_APPLICABLE -> "na";
            };
            String label = switch (g.status()) {
                case MET -> "met";
                case MISSED -> "missed";
                case NOT_APPLICABLE -> "n/a";
            };
            sb.append("<tr><td>").append(Html.escape(g.goal())).append("</td><td>").append(Html.escape(g.target()))
                    .append("</td><td>").append(Html.escape(g.actual())).append("</td><td class=\"").append(cls).append("\">")
                    .append(label).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private void speed(StringBuilder sb) {
        if (speed == null) {
            return;
        }
        sb.append("<h2>Speed</h2>\n<p>").append(Html.escape(speed.scenario())).append(" with ")
                .append(Html.escape(speed.scheduler())).append(", ").append(speed.runs())
                .append(" measured runs after ").append(SpeedProbe.WARM_UP).append(" warm-up runs: ")
                .append(fmt("%.3f s", speed.simulatedMicros() / 1e6))
                .append(" simulated in a median ").append(fmt("%.1f ms", speed.medianWallNanos() / 1e6))
                .append(" of wall-clock time (<b>").append(fmt("%.0f", speed.wallRatio())).append("&times;</b> real time)");
        if (speed.medianCpuNanos() > 0) {
            sb.append(" and ").append(fmt("%.1f ms", speed.medianCpuNanos() / 1e6)).append(" of CPU time (<b>")
                    .append(fmt("%.0f", speed.cpuRatio())).append("&times;</b>)");
        }
        sb.append(". On a shared machine the CPU-time ratio is the steadier figure.</p>\n");
    }

    private void scenario(StringBuilder sb, MatrixResult.ScenarioResult s) {
        Scenario sc = s.scenario();
        sb.append("<h2 id=\"").append(Html.escape(sc.name())).append("\">").append(Html.escape(sc.name())).append("</h2>\n");
        sb.append("<p>").append(Html.escape(sc.description())).append(". Workload: ")
                .append(Html.escape(sc.workload().describe())).append("; receive window ").append(sc.receiveWindow())
                .append(" B; congestion control ").append(Html.escape(sc.congestionControl())).append(".</p><ul>");
        for (int i = 0; i < sc.paths().size(); i++) {
            PathSpec p = sc.paths().get(i);
            sb.append("<li>path ").append(i).append(" (").append(Html.escape(p.name())).append("): ")
                    .append(Html.escape(p.describe())).append("</li>");
        }
        sb.append("</ul>\n<table><tr><th>scheduler</th><th>completion</th><th>goodput</th><th>Ben</th>"
                + "<th>spurious retx</th><th>dup bytes</th><th>HOL mean</th><th>retx bytes</th><th>lost pkts</th>"
                + "<th>bytes per path</th><th>failover gap / bound</th><th>abandon / 3 PTO</th><th>intact</th></tr>\n");
        for (MatrixResult.Row r : s.rows()) {
            row(sb, r.result(), r.benefit(), false);
        }
        for (int i = 0; i < s.singlePath().size(); i++) {
            row(sb, s.singlePath().get(i), Double.NaN, true);
        }
        sb.append("</table>\n<div class=\"charts\">");
        List<String> labels = new ArrayList<>();
        List<Double> completion = new ArrayList<>();
        List<Double> benefit = new ArrayList<>();
        for (MatrixResult.Row r : s.rows()) {
            labels.add(r.result().scheduler());
            completion.add(r.result().completed() ? r.result().completionMicros() / 1e6 : Double.NaN);
            benefit.add(r.benefit());
        }
        List<String> withSingles = new ArrayList<>(labels);
        List<Double> completionWithSingles = new ArrayList<>(completion);
        for (int i = 0; i < s.singlePath().size(); i++) {
            RunResult r = s.singlePath().get(i);
            withSingles.add("path " + i + " alone");
            completionWithSingles.add(r.completed() ? r.completionMicros() / 1e6 : Double.NaN);
        }
        sb.append(Svg.bars("completion time", withSingles, completionWithSingles, "s",
                COMPLETION_GOALS.getOrDefault(sc.name(), Double.NaN)));
        if (!s.singlePath().isEmpty()) {
            sb.append(Svg.bars("aggregation benefit Ben", labels, benefit, "", sc.name().equals("two-equal") ? 0.9 : 0));
        }
        List<Svg.Series> curves = new ArrayList<>();
        for (MatrixResult.Row r : s.rows()) {
            curves.add(new Svg.Series(r.result().scheduler(), curve(r.result())));
        }
        for (int i = 0; i < s.singlePath().size(); i++) {
            curves.add(new Svg.Series("path " + i + " alone", curve(s.singlePath().get(i))));
        }
        sb.append(Svg.lines("bytes delivered in order", curves, "time (s)", "MB"));
        sb.append("</div>\n");
        if (sc.firstOutage() >= 0 && !s.rows().isEmpty()) {
            MatrixResult.Row shown = s.best() != null ? s.best() : s.rows().get(0);
            sb.append("<h3>Bonding events (").append(Html.escape(shown.result().scheduler())).append(")</h3><table>"
                    + "<tr><th>time</th><th>server</th><th>client</th></tr>");
            events(sb, shown.result().serverBonding(), true);
            events(sb, shown.result().clientBonding(), false);
            sb.append("</table>\n");
        }
    }

    private static void row(StringBuilder sb, RunResult r, double benefit, boolean single) {
        sb.append(single ? "<tr class=\"single\">" : "<tr>");
        // A single-path run's scenario is named "<scenario>/path<i>".
        String name = single ? "path " + r.scenario().substring(r.scenario().lastIndexOf("/path") + 5) + " alone"
                : r.scheduler();
        sb.append("<td>").append(Html.escape(name)).append("</td>");
        sb.append("<td>").append(r.completed() ? fmt("%.3f s", r.completionMicros() / 1e6) : "not done in "
                + fmt("%.0f s", r.completionMicros() / 1e6)).append("</td>");
        sb.append("<td>").append(fmt("%.2f Mbit/s", r.goodputBitsPerSecond() / 1e6)).append("</td>");
        sb.append("<td>").append(Double.isNaN(benefit) ? "" : fmt("%.3f", benefit)).append("</td>");
        sb.append("<td>").append(r.spuriousRetransmissions()).append("</td>");
        sb.append("<td>").append(r.duplicateBytes()).append("</td>");
        sb.append("<td>").append(fmt("%.1f ms", r.holMeanMicros() / 1000)).append("</td>");
        sb.append("<td>").append(r.retransmittedBytes()).append("</td>");
        sb.append("<td>").append(r.lostPackets()).append("</td>");
        sb.append("<td>").append(Html.escape(r.streamBytesByPath().toString())).append("</td>");
        Failover f = r.failover();
        if (f == null) {
            sb.append("<td></td><td></td>");
        } else {
            sb.append("<td class=\"").append(f.resumedInTime() ? "met" : "missed").append("\">")
                    .append(f.gapMicros() < 0 ? "never" : Units.millis(f.gapMicros())).append(" / ")
                    .append(Units.millis(f.boundMicros())).append("</td>");
            sb.append("<td class=\"").append(f.abandonedInTime() ? "met" : "missed").append("\">")
                    .append(f.abandonDelayMicros() < 0 ? "never" : Units.millis(f.abandonDelayMicros())).append(" / ")
                    .append(Units.millis(3 * f.ptoMicros())).append("</td>");
        }
        if (single && !r.completed()) {
            sb.append("<td>not finished</td></tr>\n"); // a baseline on a path that fails for good
        } else {
            sb.append("<td class=\"").append(r.integrityOk() ? "met\">yes" : "missed\">NO").append("</td></tr>\n");
        }
    }

    private static List<double[]> curve(RunResult r) {
        List<double[]> points = new ArrayList<>(r.progress().size());
        for (long[] p : r.progress()) {
            points.add(new double[] {p[0] / 1e6, p[1] / 1e6});
        }
        return points;
    }

    private static void events(StringBuilder sb, List<Timed<BondingEvent>> events, boolean server) {
        for (Timed<BondingEvent> t : events) {
            String text = Html.escape(RunJson.describe(t.event()));
            sb.append("<tr><td>").append(Units.millis(t.timeMicros())).append("</td><td>").append(server ? text : "")
                    .append("</td><td>").append(server ? "" : text).append("</td></tr>");
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:1300px}"
            + "table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:3px 7px;"
            + "font-size:13px;text-align:left}th{background:#f2f2f2}.met{background:#e6f4e6}.missed{background:#fbe3e3}"
            + ".na{background:#f4f1e0}tr.single td{font-style:italic;color:#555}.meta{color:#555;font-size:13px}"
            + ".charts{display:flex;flex-wrap:wrap;gap:12px}svg{font-size:11px;background:#fcfcfc;border:1px solid #eee}"
            + "svg .t{font-weight:bold;font-size:12px}svg .goal{fill:#d62728}svg .na{fill:#888}";

    private static final String[] METHOD = {
        "Each run: a client and a server, each the real connection core (MultipathConnection: path validation, "
                + "status, abandonment, connection IDs, its own PATH_ACK handling) plus the data layer (streams, flow "
                + "control, per-path RFC 9002 recovery and congestion control with pacing, PATH_ACKs on the lowest-RTT "
                + "path, bonding, the scheduler, failure detection).",
        "Links: drop-tail buffer in front of a fixed-rate transmitter and a fixed one-way delay, per direction; "
                + "random or burst loss; outages black-hole both directions.",
        "Time 0 is the end of the handshake; the client opens its other paths at once and sends its requests on path 0.",
        "Single-path baselines run the same scenario with one path only (the minRTT scheduler, which on one path is "
                + "plain single-path QUIC).",
        "Spurious retransmissions: packets whose data was sent again (lost, reinjected or opportunistically "
                + "retransmitted) and which were acknowledged after all. Duplicate bytes: STREAM bytes that arrived "
                + "more than once. HOL mean: the mean over delivered bytes of the time spent in the receive buffer "
                + "waiting for earlier bytes.",
        "Failover gap: from the outage until in-order delivery resumed after the longest stall that began within 3 PTO "
                + "of the outage; the bound is the failed path's PTO plus the surviving path's smoothed RTT, both as the "
                + "server estimated them when the outage began.",
        "See docs/simulator.md for the models, the choices made and the figures.",
    };
}
