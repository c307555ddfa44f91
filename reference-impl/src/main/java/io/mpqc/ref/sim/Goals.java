package io.mpqc.ref.sim;

import io.mpqc.ref.sim.GoalCheck.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The goals of the simulator's issue, checked against a matrix. Timing goals are reported here, not
 * asserted in unit tests: they are properties of the models and parameters, and a miss is a finding to
 * report, with its size.
 */
public final class Goals {
    /** The scenarios whose paths differ (break has its own goals). */
    public static final List<String> HETEROGENEOUS = List.of("wifi-lte", "sat-plus", "short");
    /**
     * Ben is a ratio of goodputs; a multipath run that never uses its second path still pays a few bytes of
     * ACK and control traffic on it (microseconds over a transfer), which shows as Ben = -0.0001. Values
     * above -0.001 count as 0; the actual value is always shown.
     */
    static final double BEN_TOLERANCE = 0.001;

    private Goals() {
    }

    public static List<GoalCheck> evaluate(MatrixResult m) {
        List<GoalCheck> out = new ArrayList<>();
        completionBelow(out, m, "two-equal", 1.06);
        completionBelow(out, m, "wifi-lte", 1.65);
        benefitAtLeast(out, m);
        for (String name : HETEROGENEOUS) {
            MatrixResult.ScenarioResult s = m.scenario(name);
            if (s == null) {
                continue;
            }
            for (String sched : List.of("blest", "ecf")) {
                MatrixResult.Row r = s.row(sched);
                if (r == null) {
                    continue;
                }
                out.add(new GoalCheck(name + ": " + sched + " aggregation benefit", "Ben >= 0 (tolerance " + BEN_TOLERANCE + ")",
                        fmt("%.4f", r.benefit()), r.benefit() >= -BEN_TOLERANCE ? Status.MET : Status.MISSED));
                MatrixResult.Row min = s.row("minrtt");
                if (min != null) {
                    long x = r.result().spuriousRetransmissions();
                    long y = min.result().spuriousRetransmissions();
                    Status st = x < y ? Status.MET : x == 0 && y == 0 ? Status.NOT_APPLICABLE : Status.MISSED;
                    out.add(new GoalCheck(name + ": " + sched + " spurious retransmissions", "fewer than minRTT",
                            x + " vs " + y + (st == Status.NOT_APPLICABLE ? " (none to avoid)" : ""), st));
                }
            }
        }
        breakGoals(out, m);
        shortGoal(out, m);
        boolean integrity = true;
        int runs = 0;
        for (MatrixResult.ScenarioResult s : m.scenarios()) {
            for (MatrixResult.Row r : s.rows()) {
                runs++;
                integrity &= r.result().integrityOk();
            }
        }
        out.add(new GoalCheck("every multipath run: every byte delivered exactly once, intact", "all runs",
                integrity ? runs + " of " + runs : "violations", integrity ? Status.MET : Status.MISSED));
        return out;
    }

    private static void completionBelow(List<GoalCheck> out, MatrixResult m, String name, double seconds) {
        MatrixResult.ScenarioResult s = m.scenario(name);
        if (s == null) {
            return;
        }
        MatrixResult.Row best = s.best();
        double t = best == null ? Double.NaN : best.result().completionMicros() / 1e6;
        out.add(new GoalCheck(name + ": completion time, best scheduler", fmt("< %.2f s", seconds),
                best == null ? "no run completed" : fmt("%.3f s (%s)", t, best.result().scheduler()),
                best != null && t < seconds ? Status.MET : Status.MISSED));
    }

    private static void benefitAtLeast(List<GoalCheck> out, MatrixResult m) {
        MatrixResult.ScenarioResult s = m.scenario("two-equal");
        if (s == null) {
            return;
        }
        MatrixResult.Row best = null;
        for (MatrixResult.Row r : s.rows()) {
            if (best == null || r.benefit() > best.benefit()) {
                best = r;
            }
        }
        out.add(new GoalCheck("two-equal: aggregation benefit, best scheduler", "Ben >= 0.9",
                fmt("%.3f (%s)", best.benefit(), best.result().scheduler()), best.benefit() >= 0.9 ? Status.MET : Status.MISSED));
    }

    private static void breakGoals(List<GoalCheck> out, MatrixResult m) {
        MatrixResult.ScenarioResult s = m.scenario("break");
        if (s == null) {
            return;
        }
        int resumed = 0;
        int abandoned = 0;
        int intact = 0;
        long worstGap = 0;
        long worstBound = 0;
        long worstGapMargin = Long.MIN_VALUE;
        long worstAbandon = 0;
        long worstThreePto = 0;
        long worstAbandonMargin = Long.MIN_VALUE;
        for (MatrixResult.Row r : s.rows()) {
            Failover f = r.result().failover();
            if (f == null) {
                continue;
            }
            resumed += f.resumedInTime() ? 1 : 0;
            abandoned += f.abandonedInTime() ? 1 : 0;
            intact += r.result().integrityOk() ? 1 : 0;
            // A gap or abandonment that never happened is the worst of all.
            long gapMargin = f.gapMicros() < 0 ? Long.MAX_VALUE : f.gapMicros() - f.boundMicros();
            if (gapMargin > worstGapMargin) {
                worstGapMargin = gapMargin;
                worstGap = f.gapMicros();
                worstBound = f.boundMicros();
            }
            long abandonMargin = f.abandonDelayMicros() < 0 ? Long.MAX_VALUE : f.abandonDelayMicros() - 3 * f.ptoMicros();
            if (abandonMargin > worstAbandonMargin) {
                worstAbandonMargin = abandonMargin;
                worstAbandon = f.abandonDelayMicros();
                worstThreePto = 3 * f.ptoMicros();
            }
        }
        int n = s.rows().size();
        out.add(new GoalCheck("break: delivery resumes after the outage", "<= PTO(failed) + RTT(surviving), every scheduler",
                resumed + " of " + n + "; worst " + (worstGap < 0 ? "never" : Units.millis(worstGap)) + " vs "
                        + Units.millis(worstBound),
                resumed == n ? Status.MET : Status.MISSED));
        out.add(new GoalCheck("break: the failed path is abandoned with PATH_ABANDON", "<= 3 PTO after the outage, every scheduler",
                abandoned + " of " + n + "; worst " + (worstAbandon < 0 ? "never" : Units.millis(worstAbandon)) + " vs "
                        + Units.millis(worstThreePto),
                abandoned == n ? Status.MET : Status.MISSED));
        out.add(new GoalCheck("break: every byte arrives exactly once", "every scheduler", intact + " of " + n,
                intact == n ? Status.MET : Status.MISSED));
    }

    private static void shortGoal(List<GoalCheck> out, MatrixResult m) {
        MatrixResult.ScenarioResult s = m.scenario("short");
        if (s == null || s.singlePath().isEmpty()) {
            return;
        }
        MatrixResult.Row best = s.best();
        RunResult single = s.bestSinglePath();
        double ratio = best == null ? Double.NaN : (double) best.result().completionMicros() / single.completionMicros();
        out.add(new GoalCheck("short: completion vs the best single path, best scheduler", "within 5%",
                best == null ? "no run completed" : fmt("%.3f s (%s) vs %.3f s: %+.1f%%", best.result().completionMicros() / 1e6,
                        best.result().scheduler(), single.completionMicros() / 1e6, 100 * (ratio - 1)),
                ratio <= 1.05 ? Status.MET : Status.MISSED));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
