package io.mpqc.ref.sched;

/** minRTT, the default of Linux MPTCP: the path with the lowest smoothed RTT among those with window space. */
public final class MinRttScheduler implements Scheduler {
    @Override
    public String name() {
        return "minrtt";
    }

    @Override
    public long select(SchedulingContext context) {
        PathSnapshot p = context.fastestSendable(NONE);
        return p == null ? NONE : p.pathId();
    }
}
