package io.mpqc.ref.sim;

import io.mpqc.ref.sched.Schedulers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every scheduler on every scenario, plus each multipath scenario on each of its paths alone (with
 * minRTT, which on one path is plain single-path QUIC) for the aggregation benefit.
 */
public final class Matrix {
    /** The scheduler of the single-path baselines; on one path all schedulers are the same. */
    static final String BASELINE = "minrtt";

    private Matrix() {
    }

    public static MatrixResult run(long seed) {
        return run(Scenarios.all(), Schedulers.names(), seed, r -> { });
    }

    /** Runs the matrix; {@code progress} hears of every finished run (the CLI prints them). */
    public static MatrixResult run(List<Scenario> scenarios, List<String> schedulers, long seed,
            Consumer<RunResult> progress) {
        List<MatrixResult.ScenarioResult> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            List<RunResult> singles = new ArrayList<>();
            if (s.multipath()) {
                for (int i = 0; i < s.paths().size(); i++) {
                    RunResult r = Simulation.run(s.onlyPath(i), BASELINE, seed);
                    progress.accept(r);
                    singles.add(r);
                }
            }
            List<Double> gi = singles.stream().map(RunResult::goodputBitsPerSecond).toList();
            List<MatrixResult.Row> rows = new ArrayList<>();
            for (String scheduler : schedulers) {
                RunResult r = Simulation.run(s, scheduler, seed);
                progress.accept(r);
                rows.add(new MatrixResult.Row(r, gi.isEmpty() ? Double.NaN : Benefit.of(r.goodputBitsPerSecond(), gi)));
            }
            out.add(new MatrixResult.ScenarioResult(s, singles, rows));
        }
        return new MatrixResult(seed, out);
    }
}
