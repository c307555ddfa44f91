package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.recovery.LossRecovery;

/**
 * Decides when a path is suspected of failing and when it is abandoned.
 *
 * <p>A path is suspected when its oldest ack-eliciting packet has gone unacknowledged for one PTO and, in
 * addition, no acknowledgement has brought progress on the path for half a PTO: a path whose queue is
 * growing (RTT rising faster than the PTO follows) keeps delivering, and its acknowledgements keep coming,
 * in order; a black-holed path delivers nothing. The verdict also wants evidence that the peer is
 * acknowledging at all, an ACK frame arriving after that deadline: without one (the peer or its ACK path
 * may be the problem) the path is suspected only a PTO later.
 *
 * <p>A suspected path recovers only when a packet sent after the suspicion began is acknowledged: late
 * acknowledgements of older packets show that it worked, not that it works. It is abandoned three PTO
 * after its oldest unacknowledged packet left, when another path can take over.
 */
final class FailureDetector {
    static final long NONE = LossRecovery.NONE;

    private long lastAckAt = -1;

    /** An ACK or PATH_ACK frame arrived. */
    void onAckFrame(long now) {
        lastAckAt = now;
    }

    /** When the path should become suspected, or {@link #NONE}; only for a path not suspected yet. */
    long suspectAt(PathPlane p) {
        long oldest = p.recovery.oldestSentTime();
        if (oldest == NONE) {
            return NONE;
        }
        long pto = p.recovery.basePto();
        long deadline = Math.max(oldest + pto, p.lastProgressAt + pto / 2);
        return lastAckAt >= deadline ? deadline : deadline + pto;
    }

    /** When a suspected path should be abandoned: 3 PTO after its oldest unacknowledged packet. */
    static long abandonAt(PathPlane p) {
        return p.suspectOldest + 3 * p.suspectPto;
    }
}
