package io.mpqc.ref.sched;

import java.util.List;

/**
 * Where acknowledgements go: PATH_ACK frames may travel on any path (draft-21 §4.1), so they take the path
 * with the lowest smoothed RTT, which returns them to the sender soonest and keeps its RTT samples and
 * loss detection timely.
 */
public final class AckPathPolicy {
    private AckPathPolicy() {
    }

    /** The usable path with the lowest smoothed RTT (lowest ID on ties), or {@link Scheduler#NONE}. */
    public static long lowestRtt(List<PathSnapshot> paths) {
        PathSnapshot best = null;
        for (PathSnapshot p : paths) {
            if (p.usable() && (best == null || p.smoothedRttMicros() < best.smoothedRttMicros())) {
                best = p;
            }
        }
        return best == null ? Scheduler.NONE : best.pathId();
    }
}
