package io.mpqc.ref.sched;

import java.util.HashMap;
import java.util.Map;

/**
 * Weighted fair sharing by the bonding weights (cwnd / srtt shares): every path has a virtual time that
 * advances by packet size / weight when it carries a packet, and the sendable path with the smallest
 * virtual time goes next. A path that joins (or rejoins) starts at the smallest virtual time in use, so it
 * gets its share from then on, not a burst for the time it was away.
 */
public final class WeightedScheduler implements Scheduler {
    /** A floor for weights, so that a path with weight 0 is only chosen when nothing else can send. */
    private static final double MIN_WEIGHT = 1e-6;
    private final Map<Long, Double> virtualTime = new HashMap<>();

    @Override
    public String name() {
        return "weighted";
    }

    @Override
    public long select(SchedulingContext context) {
        double floor = Double.MAX_VALUE;
        for (PathSnapshot p : context.paths()) {
            Double vt = virtualTime.get(p.pathId());
            if (vt != null && p.usable()) {
                floor = Math.min(floor, vt);
            }
        }
        if (floor == Double.MAX_VALUE) {
            floor = 0;
        }
        PathSnapshot best = null;
        double bestRank = Double.MAX_VALUE;
        for (PathSnapshot p : context.paths()) {
            if (p.usable()) {
                virtualTime.putIfAbsent(p.pathId(), floor); // a newcomer starts level with the others
            }
            if (!p.canSend(context.packetBytes())) {
                continue;
            }
            double vt = virtualTime.get(p.pathId());
            // Paths of weight 0 (not sendable by bonding) come only after every weighted path.
            double rank = p.weight() < MIN_WEIGHT ? vt + 1e12 : vt;
            if (best == null || rank < bestRank) {
                best = p;
                bestRank = rank;
            }
        }
        if (best == null) {
            return NONE;
        }
        virtualTime.merge(best.pathId(), context.packetBytes() / Math.max(best.weight(), MIN_WEIGHT), Double::sum);
        return best.pathId();
    }

    @Override
    public void pathAdded(long pathId) {
        virtualTime.remove(pathId);
    }

    @Override
    public void pathRemoved(long pathId) {
        virtualTime.remove(pathId);
    }
}
