package io.mpqc.ref.recovery;

import java.util.List;

/**
 * What one ACK or PATH_ACK frame did to a path's recovery: the packets it newly acknowledged, the packets
 * that are now lost (by packet or time threshold), and the packets it acknowledged after they had been
 * declared lost ({@code lateAcked}: each one is a spurious loss, its retransmission was not needed).
 */
public record AckResult<P>(List<TrackedPacket<P>> acked, List<TrackedPacket<P>> lost, List<TrackedPacket<P>> lateAcked,
        boolean rttSampled) {
    private static final AckResult<?> NOTHING = new AckResult<>(List.of(), List.of(), List.of(), false);

    @SuppressWarnings("unchecked")
    static <P> AckResult<P> nothing() {
        return (AckResult<P>) NOTHING;
    }
}
