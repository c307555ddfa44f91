package io.mpqc.ref.sched;

/**
 * One path as a scheduler sees it at a decision: whether it may carry data at all ({@code usable}: validated,
 * not closing, not abandoned), whether it is a standby path, its RTT estimates, its window, the bytes in
 * flight against it and whether the window is still in slow start, and its bonding weight.
 */
public record PathSnapshot(long pathId, boolean usable, boolean standby, long smoothedRttMicros, long rttVarMicros,
        long minRttMicros, long window, long bytesInFlight, boolean slowStart, double weight) {

    public PathSnapshot {
        if (weight < 0 || Double.isNaN(weight)) {
            throw new IllegalArgumentException("weights are never negative: " + weight);
        }
    }

    /** Room left in the congestion window. */
    public long windowSpace() {
        return Math.max(0, window - bytesInFlight);
    }

    /** Usable and with room for a packet of {@code bytes}. */
    public boolean canSend(int bytes) {
        return usable && window - bytesInFlight >= bytes;
    }
}
