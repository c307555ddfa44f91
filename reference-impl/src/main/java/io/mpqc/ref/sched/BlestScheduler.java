package io.mpqc.ref.sched;

/**
 * BLEST (Ferlin, Alay, Mehani, Boreli: "BLEST: Blocking Estimation-based MPTCP Scheduler for Heterogeneous
 * Networks", IFIP Networking 2016). The fastest path (lowest RTT) is used whenever it has window space.
 * Otherwise the slower path xs is used only if what the fast path xf could send during one RTT of xs,
 *
 * <pre>  X = MSS * (cwnd_f + (rtt_s / rtt_f - 1) / 2) * rtt_s / rtt_f   (cwnd_f in packets)</pre>
 *
 * still fits in the send window after the packet placed on xs: {@code lambda * X <= sendWindow - MSS}.
 * Otherwise sending on xs risks head-of-line blocking at the receiver, and the scheduler waits for xf.
 *
 * <p>The send window of the paper is MPTCP's; here it is the flow-control credit left for new data
 * (which already accounts for the data in flight on both paths). lambda starts at 1 and adapts as in the
 * paper: it grows by 0.1 at each decision taken while the window is exhausted (the estimate was too
 * optimistic: the sender is blocked) and shrinks by 0.01 towards 1 otherwise.
 */
public final class BlestScheduler implements Scheduler {
    private static final double LAMBDA_STEP = 0.1;
    private static final double LAMBDA_MIN = 1.0;
    private static final double LAMBDA_MAX = 4.0;
    private double lambda = 1.0;

    @Override
    public String name() {
        return "blest";
    }

    @Override
    public long select(SchedulingContext context) {
        PathSnapshot fast = context.fastest();
        if (fast == null) {
            return NONE;
        }
        int mss = context.packetBytes();
        boolean blocked = context.sendWindowBytes() < mss;
        lambda = Math.max(LAMBDA_MIN, Math.min(LAMBDA_MAX, lambda + (blocked ? LAMBDA_STEP : -LAMBDA_STEP / 10)));
        if (fast.canSend(mss)) {
            return fast.pathId();
        }
        PathSnapshot slow = context.fastestSendable(fast.pathId());
        if (slow == null) {
            return NONE;
        }
        double ratio = (double) Math.max(slow.smoothedRttMicros(), 1) / Math.max(fast.smoothedRttMicros(), 1);
        double cwndFastPackets = (double) fast.window() / mss;
        double x = mss * (cwndFastPackets + (ratio - 1) / 2) * ratio;
        if (lambda * x > context.sendWindowBytes() - mss) {
            return NONE;
        }
        return slow.pathId();
    }

    /** The current lambda, for tests and reports. */
    public double lambda() {
        return lambda;
    }
}
