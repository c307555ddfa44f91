package io.mpqc.ref.sched;

import java.util.List;

/**
 * The input of one scheduling decision.
 *
 * @param paths the candidate paths (those the bonding layer lets send now), in path ID order
 * @param packetBytes the size of the packet to place
 * @param queuedBytes bytes waiting to be sent (retransmissions and new data the peer's flow control allows);
 *     ECF's k, and BLEST's bound at the end of a transfer
 * @param sendWindowBytes how much more new data flow control allows before the sender blocks; BLEST's
 *     send window
 * @param nowMicros the current time
 */
public record SchedulingContext(List<PathSnapshot> paths, int packetBytes, long queuedBytes, long sendWindowBytes,
        long nowMicros) {

    public SchedulingContext {
        paths = List.copyOf(paths);
    }

    /** The usable path with the lowest smoothed RTT, whether or not it has window space; null if none. */
    public PathSnapshot fastest() {
        PathSnapshot best = null;
        for (PathSnapshot p : paths) {
            if (p.usable() && (best == null || p.smoothedRttMicros() < best.smoothedRttMicros())) {
                best = p;
            }
        }
        return best;
    }

    /** The path with the lowest smoothed RTT among those that can send now, other than {@code except}; null if none. */
    public PathSnapshot fastestSendable(long except) {
        PathSnapshot best = null;
        for (PathSnapshot p : paths) {
            if (p.pathId() != except && p.canSend(packetBytes)
                    && (best == null || p.smoothedRttMicros() < best.smoothedRttMicros())) {
                best = p;
            }
        }
        return best;
    }
}
