package io.mpqc.ref.sched;

/**
 * Redundant: every packet goes on every available path. The first copy takes the fastest path that can
 * send; {@link #redundant()} tells the data layer to send a copy on each other candidate path that has
 * window space at that moment. Trades capacity for the lowest latency and loss resilience.
 */
public final class RedundantScheduler implements Scheduler {
    @Override
    public String name() {
        return "redundant";
    }

    @Override
    public long select(SchedulingContext context) {
        PathSnapshot p = context.fastestSendable(NONE);
        return p == null ? NONE : p.pathId();
    }

    @Override
    public boolean redundant() {
        return true;
    }
}
