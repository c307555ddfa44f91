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
 * The send window of the paper is MPTCP's; here it is the flow-control credit left for new data (which
 * already accounts for the data in flight on both paths).
 *
 * <p>The paper's model is a sender that always has data: only the window can run out. A finite transfer
 * runs out of data first, and then the same blocking happens at the receiver, at the end of the transfer:
 * if xf can deliver everything still queued before a packet sent now on xs arrives, that packet arrives
 * last and the transfer waits for it. So the queue is a second bound, judged with the same estimate. X /
 * rtt_s is BLEST's sending rate of xf; a packet sent now on xs arrives rtt_s - rtt_f later than one sent
 * now on xf (the ACKs of both paths come back on the same path, {@link AckPathPolicy}, so the return trip
 * cancels out). xs is not used either when
 *
 * <pre>  lambda * X * (rtt_s - rtt_f) / rtt_s > queued - MSS</pre>
 *
 * that is, when xf could send what would be left after this packet within rtt_s - rtt_f (lambda keeping
 * its part of a safety margin on X): all of it would arrive before this packet. Without this bound, a
 * 256 kB transfer under a 16 MiB window never holds back and BLEST is minRTT. On paths of equal RTT it
 * never holds back: a packet on either path arrives as early.
 *
 * <p>lambda starts at 1 and adapts as in the paper: it grows by 0.1 at each decision taken while the
 * flow-control window is exhausted (the estimate was too optimistic: the sender is blocked) and shrinks by
 * 0.01 towards 1 otherwise. An empty queue does not move it: running out of data is the end of a
 * transfer, not evidence that X was underestimated.
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
        double headStart = (ratio - 1) / ratio; // (rtt_s - rtt_f) / rtt_s
        if (lambda * x * headStart > context.queuedBytes() - mss) {
            return NONE;
        }
        return slow.pathId();
    }

    /** The current lambda, for tests and reports. */
    public double lambda() {
        return lambda;
    }
}
