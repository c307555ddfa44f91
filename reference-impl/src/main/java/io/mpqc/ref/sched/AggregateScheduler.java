package io.mpqc.ref.sched;

import java.util.List;

/**
 * Round robin over the paths with window space: each decision takes the next path after the last one
 * chosen (in path ID order) that can send. Paths with larger windows get more packets simply because they
 * have room more often.
 */
public final class AggregateScheduler implements Scheduler {
    private long last = NONE;

    @Override
    public String name() {
        return "aggregate";
    }

    @Override
    public long select(SchedulingContext context) {
        List<PathSnapshot> paths = context.paths();
        int n = paths.size();
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (paths.get(i).pathId() > last) {
                start = i;
                break;
            }
        }
        for (int k = 0; k < n; k++) {
            PathSnapshot p = paths.get((start + k) % n);
            if (p.canSend(context.packetBytes())) {
                last = p.pathId();
                return last;
            }
        }
        return NONE;
    }

    @Override
    public void pathRemoved(long pathId) {
        if (pathId == last) {
            last = NONE;
        }
    }
}
