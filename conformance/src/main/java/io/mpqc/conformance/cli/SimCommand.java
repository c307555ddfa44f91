package io.mpqc.conformance.cli;

import io.mpqc.conformance.report.Json;
import io.mpqc.conformance.report.ReportDirectory;
import io.mpqc.conformance.sim.RunJson;
import io.mpqc.conformance.sim.SimReport;
import io.mpqc.conformance.sim.SpeedProbe;
import io.mpqc.ref.recovery.CongestionControllers;
import io.mpqc.ref.sched.Schedulers;
import io.mpqc.ref.sim.Benefit;
import io.mpqc.ref.sim.Failover;
import io.mpqc.ref.sim.GoalCheck;
import io.mpqc.ref.sim.Goals;
import io.mpqc.ref.sim.Matrix;
import io.mpqc.ref.sim.MatrixResult;
import io.mpqc.ref.sim.RunResult;
import io.mpqc.ref.sim.Scenario;
import io.mpqc.ref.sim.Scenarios;
import io.mpqc.ref.sim.Simulation;
import io.mpqc.ref.sim.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mpqc sim}: the deterministic multipath network simulator. One scenario with one scheduler
 * ({@code --scenario NAME --scheduler NAME}), printed as text or JSON; or every scheduler on every scenario
 * ({@code --matrix}), with the goals checked and a self-contained HTML report in
 * {@code <report-dir>/sim-<timestamp>/index.html}.
 *
 * <p>Exit codes: 0 when every run delivered every byte exactly once and intact (and, for one run, finished
 * in time); 1 otherwise; 2 for usage errors. Goals that are missed are reported, not turned into an exit
 * code: they are findings about models and parameters, not failures of the command.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run the deterministic multipath network simulator: two endpoints (connection core + data layer) over",
            "simulated links, with bonding, per-path recovery and congestion control, and a packet scheduler.",
            "",
            "  mpqc sim --scenario two-equal --scheduler minrtt     one run, as text",
            "  mpqc sim --scenario break --scheduler ecf --json     one run, as one JSON object",
            "  mpqc sim --matrix                                    every scheduler on every scenario, HTML report",
            "",
        })
final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", completionCandidates = ScenarioNames.class,
            description = "The scenario to run: ${COMPLETION-CANDIDATES}.")
    String scenario;

    @Option(names = "--scheduler", paramLabel = "NAME", completionCandidates = SchedulerNames.class,
            description = "The packet scheduler: ${COMPLETION-CANDIDATES}.")
    String scheduler;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the random loss and of the connection IDs (default: ${DEFAULT-VALUE}); "
                    + "the same seed gives the same run.")
    long seed;

    @Option(names = "--cc", paramLabel = "NAME", completionCandidates = ControllerNames.class,
            description = "Congestion controller instead of the scenario's: ${COMPLETION-CANDIDATES}.")
    String congestionControl;

    @Option(names = "--json", description = "Print the run as one JSON object instead of text.")
    boolean json;

    @Option(names = "--matrix", description = "Run every scheduler on every scenario and write the HTML report.")
    boolean matrix;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where --matrix writes sim-<timestamp>/ (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--speed-runs", paramLabel = "N", defaultValue = "50",
            description = "Measured runs of wifi-lte for the speed figure of --matrix, after 100 warm-up runs "
                    + "(default: ${DEFAULT-VALUE}; 0 skips the measurement).")
    int speedRuns;

    @Option(names = "--list", description = "List the scenarios and schedulers, and exit.")
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Scenario s : Scenarios.all()) {
                out.println("scenario  " + s.name() + ": " + s.description());
            }
            out.println("schedulers: " + String.join(", ", Schedulers.names()));
            out.println("congestion controllers: " + String.join(", ", CongestionControllers.names()));
            out.flush();
            return ExitCodes.OK;
        }
        if (speedRuns < 0) {
            throw CliException.usage("--speed-runs must not be negative");
        }
        if (congestionControl != null && !CongestionControllers.names().contains(congestionControl)) {
            throw CliException.usage("unknown congestion controller '" + congestionControl + "' (known: "
                    + String.join(", ", CongestionControllers.names()) + ")");
        }
        if (matrix) {
            if (scenario != null || scheduler != null || json) {
                throw CliException.usage("--matrix runs every scenario and scheduler: drop --scenario, --scheduler "
                        + "and --json");
            }
            return runMatrix(out);
        }
        if (scenario == null || scheduler == null) {
            throw CliException.usage("give --scenario NAME and --scheduler NAME, or --matrix (see 'mpqc sim --list')");
        }
        return runOne(out);
    }

    private Scenario scenario(String name) {
        try {
            Scenario s = Scenarios.byName(name);
            return congestionControl == null ? s : s.withCongestionControl(congestionControl);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private int runOne(PrintWriter out) {
        Scenario s = scenario(scenario);
        if (!Schedulers.names().contains(scheduler)) {
            throw CliException.usage("unknown scheduler '" + scheduler + "' (known: " + String.join(", ",
                    Schedulers.names()) + ")");
        }
        RunResult r = Simulation.run(s, scheduler, seed);
        double ben = Double.NaN;
        List<RunResult> singles = new ArrayList<>();
        if (s.multipath()) {
            for (int i = 0; i < s.paths().size(); i++) {
                singles.add(Simulation.run(s.onlyPath(i), "minrtt", seed));
            }
            ben = Benefit.of(r.goodputBitsPerSecond(), singles.stream().map(RunResult::goodputBitsPerSecond).toList());
        }
        if (json) {
            Map<String, Object> o = RunJson.of(r, ben);
            List<Object> single = new ArrayList<>();
            for (RunResult sr : singles) {
                single.add(RunJson.of(sr, Double.NaN));
            }
            o.put("single_path", single);
            out.println(Json.write(o));
        } else {
            printText(out, s, r, ben, singles);
        }
        out.flush();
        return r.completed() && r.integrityOk() ? ExitCodes.OK : ExitCodes.FAILURES;
    }

    private static void printText(PrintWriter out, Scenario s, RunResult r, double ben, List<RunResult> singles) {
        out.println("scenario   " + s.name() + ": " + s.description());
        for (int i = 0; i < s.paths().size(); i++) {
            out.println("  path " + i + "   " + s.paths().get(i).name() + ": " + s.paths().get(i).describe());
        }
        out.println("workload   " + s.workload().describe() + ", receive window " + s.receiveWindow() + " B, "
                + s.congestionControl());
        out.println("scheduler  " + r.scheduler() + ", seed " + r.seed());
        out.println("completion " + (r.completed() ? Units.seconds(r.completionMicros())
                : "not finished by " + Units.seconds(r.completionMicros())));
        out.println(fmt("goodput    %.2f Mbit/s", r.goodputBitsPerSecond() / 1e6));
        for (int i = 0; i < singles.size(); i++) {
            RunResult sr = singles.get(i);
            out.println(fmt("  path %d alone: %s, %.2f Mbit/s", i, sr.completed() ? Units.seconds(sr.completionMicros())
                    : "not finished", sr.goodputBitsPerSecond() / 1e6));
        }
        if (!Double.isNaN(ben)) {
            out.println(fmt("benefit    Ben = %.3f", ben));
        }
        out.println("spurious   " + r.spuriousRetransmissions() + " retransmissions; duplicate bytes " + r.duplicateBytes()
                + "; retransmitted bytes " + r.retransmittedBytes() + "; lost packets " + r.lostPackets());
        out.println(fmt("HOL mean   %.2f ms", r.holMeanMicros() / 1000));
        out.println("per path   " + r.streamBytesByPath() + " STREAM bytes sent by the server");
        Failover f = r.failover();
        if (f != null) {
            out.println("failover   outage at " + Units.millis(f.outageMicros()) + "; delivery resumed after "
                    + (f.gapMicros() < 0 ? "never" : Units.millis(f.gapMicros())) + " (bound " + Units.millis(f.boundMicros())
                    + " = PTO " + Units.millis(f.ptoMicros()) + " + RTT " + Units.millis(f.survivingRttMicros()) + "); "
                    + "PATH_ABANDON after " + (f.abandonDelayMicros() < 0 ? "never" : Units.millis(f.abandonDelayMicros()))
                    + " (3 PTO = " + Units.millis(3 * f.ptoMicros()) + ")");
        }
        for (var t : r.serverBonding()) {
            out.println("bonding    " + Units.millis(t.timeMicros()) + " server: " + RunJson.describe(t.event()));
        }
        out.println("integrity  " + (r.integrityOk() ? "every byte delivered exactly once, intact" : "VIOLATED"));
        out.println(fmt("speed      %s simulated in %.1f ms of wall-clock time (%.0fx real time; %d events)",
                Units.seconds(r.simulatedMicros()), r.wallNanos() / 1e6, r.speedup(), r.events()));
    }

    private int runMatrix(PrintWriter out) {
        Instant start = Instant.now();
        // The speed is measured first, in a JVM that has run nothing else: afterwards every scheduler and
        // controller has run, and the JIT no longer inlines those calls (the JMH benchmark forks for the same
        // reason).
        SpeedProbe speed = null;
        if (speedRuns > 0) {
            speed = SpeedProbe.measure(scenario("wifi-lte"), "minrtt", speedRuns);
            out.println(fmt("speed: wifi-lte (minrtt) %s simulated in %.1f ms wall-clock, %.1f ms CPU (medians of %d runs)",
                    Units.seconds(speed.simulatedMicros()), speed.medianWallNanos() / 1e6, speed.medianCpuNanos() / 1e6,
                    speed.runs()));
        }
        long t0 = System.nanoTime();
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            scenarios.add(congestionControl == null ? s : s.withCongestionControl(congestionControl));
        }
        MatrixResult m = Matrix.run(scenarios, Schedulers.names(), seed, r -> out.println(fmt(
                "  %-22s %-10s %s  %7.2f Mbit/s%s", r.scenario(), r.scheduler(),
                r.completed() ? Units.seconds(r.completionMicros()) : "not done", r.goodputBitsPerSecond() / 1e6,
                r.integrityOk() ? "" : "  INTEGRITY VIOLATED")));
        long matrixWall = System.nanoTime() - t0;
        List<GoalCheck> goals = new ArrayList<>(Goals.evaluate(m));
        if (speed != null) {
            double ratio = Math.max(speed.wallRatio(), 0);
            goals.add(new GoalCheck("speed: wifi-lte simulated faster than real time", ">= 50x",
                    fmt("%.0fx wall-clock, %.0fx CPU (median of %d runs)", ratio, speed.cpuRatio(), speed.runs()),
                    ratio >= 50 ? GoalCheck.Status.MET : GoalCheck.Status.MISSED));
        }
        out.println();
        for (GoalCheck g : goals) {
            out.println(fmt("%-7s %s: %s (target %s)", g.status() == GoalCheck.Status.MET ? "met"
                    : g.status() == GoalCheck.Status.MISSED ? "MISSED" : "n/a", g.goal(), g.actual(), g.target()));
        }
        String command = "mpqc sim --matrix --seed " + seed + (congestionControl == null ? "" : " --cc " + congestionControl);
        SimReport report = new SimReport(m, goals, speed, command, VersionProvider.version(), start, matrixWall);
        try {
            Path dir = report.write(reportDir);
            out.println("report: " + dir.resolve("index.html"));
        } catch (IOException e) {
            throw CliException.io("cannot write the report: " + ReportDirectory.reason(e), e);
        }
        out.flush();
        boolean intact = m.scenarios().stream().allMatch(s -> s.rows().stream().allMatch(r -> r.result().integrityOk()));
        return intact ? ExitCodes.OK : ExitCodes.FAILURES;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Scenario names for help and completion. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Scenarios.names().iterator();
        }
    }

    /** Scheduler names for help and completion. */
    static final class SchedulerNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Schedulers.names().iterator();
        }
    }

    /** Congestion controller names for help and completion. */
    static final class ControllerNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CongestionControllers.names().iterator();
        }
    }
}
