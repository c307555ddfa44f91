package io.mpqc.ref.sim;

import java.util.List;

/** Every scheduler on every scenario, with each scenario's single-path baselines. */
public record MatrixResult(long seed, List<ScenarioResult> scenarios) {
    public MatrixResult {
        scenarios = List.copyOf(scenarios);
    }

    /** The results of one scenario, or null. */
    public ScenarioResult scenario(String name) {
        for (ScenarioResult s : scenarios) {
            if (s.scenario().name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** One scenario: the single-path runs (path i alone, in path order) and one run per scheduler. */
    public record ScenarioResult(Scenario scenario, List<RunResult> singlePath, List<Row> rows) {
        public ScenarioResult {
            singlePath = List.copyOf(singlePath);
            rows = List.copyOf(rows);
        }

        public List<Double> singlePathGoodputs() {
            return singlePath.stream().map(RunResult::goodputBitsPerSecond).toList();
        }

        /** The fastest single path's run. */
        public RunResult bestSinglePath() {
            RunResult best = null;
            for (RunResult r : singlePath) {
                if (best == null || r.goodputBitsPerSecond() > best.goodputBitsPerSecond()) {
                    best = r;
                }
            }
            return best;
        }

        public Row row(String scheduler) {
            for (Row r : rows) {
                if (r.result().scheduler().equals(scheduler)) {
                    return r;
                }
            }
            return null;
        }

        /** The completed run with the shortest completion time (the best scheduler here), or null. */
        public Row best() {
            Row best = null;
            for (Row r : rows) {
                if (r.result().completed() && (best == null || r.result().completionMicros() < best.result().completionMicros())) {
                    best = r;
                }
            }
            return best;
        }
    }

    /** One scheduler's run in a scenario and its aggregation benefit (NaN for a single-path scenario). */
    public record Row(RunResult result, double benefit) {
    }
}
