package io.mpqc.ref.sim;

import java.util.List;

/**
 * The aggregation benefit of a multipath run (Kaspar, Evensen, Engelstad, Hansen 2010, as used by Paasch
 * and Raiciu): Ben = (G - Gmax) / (sum Gi - Gmax), where G is the multipath goodput and the Gi are the
 * goodputs of the same scenario on each single path. 1 means perfect aggregation, 0 means no better than
 * the best single path, below 0 worse than it.
 */
public final class Benefit {
    private Benefit() {
    }

    /** The benefit, or NaN when the single paths leave nothing to aggregate (sum Gi = Gmax). */
    public static double of(double goodput, List<Double> singlePathGoodputs) {
        double max = 0;
        double sum = 0;
        for (double g : singlePathGoodputs) {
            max = Math.max(max, g);
            sum += g;
        }
        double room = sum - max;
        return room <= 0 ? Double.NaN : (goodput - max) / room;
    }
}
