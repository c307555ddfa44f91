package io.mpqc.ref.sched;

/**
 * ECF, Earliest Completion First (Lim, Nahum, Towsley, Gibbens: "ECF: An MPTCP Path Scheduler to Manage
 * Heterogeneous Paths", CoNEXT 2017), with the clamps of the authors' Linux implementation (mptcp_ecf.c).
 * The fastest path xf is used whenever it has window space. Otherwise, with k the bytes waiting,
 * delta = max(rttvar_f, rttvar_s) and beta = 0.25:
 *
 * <pre>
 *   n = 1 + max(k, cwnd_f) / cwnd_f                      rounds xf needs for everything
 *   if n * rtt_f < (1 + waiting * beta) * (rtt_s + delta):
 *       if max(k, cwnd_s) / cwnd_s * rtt_s >= 2 * rtt_f + delta: wait for xf (waiting = 1)
 *       else: send on xs
 *   else: send on xs (waiting = 0)
 * </pre>
 *
 * that is: wait for the fast path when it would finish the remaining data before the slow path could
 * deliver its share (which takes at least one of its round trips).
 *
 * <p>One deviation: while the fast path is in slow start its window doubles every round trip, so its
 * rounds are 1 + log2(1 + max(k, cwnd_f) / cwnd_f). The linear estimate sends the start of every short
 * transfer onto the slow path, which then decides its completion time.
 */
public final class EcfScheduler implements Scheduler {
    private static final double BETA = 0.25;
    private boolean waiting;

    @Override
    public String name() {
        return "ecf";
    }

    @Override
    public long select(SchedulingContext context) {
        PathSnapshot fast = context.fastest();
        if (fast == null) {
            return NONE;
        }
        int mss = context.packetBytes();
        if (fast.canSend(mss)) {
            return fast.pathId();
        }
        PathSnapshot slow = context.fastestSendable(fast.pathId());
        if (slow == null) {
            return NONE;
        }
        double k = Math.max(context.queuedBytes(), mss);
        double rttF = Math.max(fast.smoothedRttMicros(), 1);
        double rttS = Math.max(slow.smoothedRttMicros(), 1);
        double delta = Math.max(fast.rttVarMicros(), slow.rttVarMicros());
        double cwndF = Math.max(fast.window(), mss);
        double cwndS = Math.max(slow.window(), mss);
        double windowsF = Math.max(k, cwndF) / cwndF;
        double n = 1 + (fast.slowStart() ? Math.log1p(windowsF) / Math.log(2) : windowsF);
        if (n * rttF < (1 + (waiting ? BETA : 0)) * (rttS + delta)) {
            if (Math.max(k, cwndS) / cwndS * rttS >= 2 * rttF + delta) {
                waiting = true;
                return NONE;
            }
            return slow.pathId();
        }
        waiting = false;
        return slow.pathId();
    }
}
