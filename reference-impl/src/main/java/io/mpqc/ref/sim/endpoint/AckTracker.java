package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Frame;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The packets received on one path and when they must be acknowledged (RFC 9000 §13.2): after every
 * second ack-eliciting packet, at once when a packet arrives out of order (a gap, or below the largest),
 * and at the latest max_ack_delay after the first unacknowledged ack-eliciting packet.
 *
 * <p>Like the core's ReceivedPackets it keeps the newest 32 ranges, but a PATH_ACK carries only the newest
 * {@link #ACK_RANGES}: older ranges were reported by earlier ACKs already (RFC 9000 §13.2.3 lets a receiver
 * limit the ranges it sends), and a frame that grows with every loss of the connection costs bytes and
 * time on every acknowledgement.
 */
final class AckTracker {
    static final long NONE = Long.MAX_VALUE;
    static final int ACK_RANGES = 8;
    private static final int KEPT_RANGES = 32;

    /** Range start -> range end, both inclusive. */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private final long maxAckDelayMicros;
    private long largest = -1;
    private long largestAt;
    /** Start of the range that ends at {@code largest}, when that range is the newest one (else -1). */
    private long newestStart = -1;
    private int unackedEliciting;
    private boolean immediate;
    private long firstUnackedAt = NONE;

    AckTracker(long maxAckDelayMicros) {
        this.maxAckDelayMicros = maxAckDelayMicros;
    }

    /** Records a packet; false for a duplicate, which is to be dropped. */
    boolean onReceived(long packetNumber, boolean ackEliciting, long now) {
        if (packetNumber == largest + 1 && newestStart >= 0) {
            // The common case, the next packet in order: the newest range grows, nothing else changes.
            ranges.put(newestStart, packetNumber);
            largest = packetNumber;
            largestAt = now;
            if (ackEliciting) {
                unackedEliciting++;
                if (firstUnackedAt == NONE) {
                    firstUnackedAt = now;
                }
            }
            return true;
        }
        Map.Entry<Long, Long> below = ranges.floorEntry(packetNumber);
        if (below != null && below.getValue() >= packetNumber) {
            return false;
        }
        long start = packetNumber;
        long end = packetNumber;
        if (below != null && below.getValue() == packetNumber - 1) {
            start = below.getKey();
        }
        Long aboveStart = ranges.higherKey(packetNumber);
        if (aboveStart != null && aboveStart == packetNumber + 1) {
            end = ranges.remove(aboveStart);
        }
        ranges.put(start, end);
        if (ranges.size() > KEPT_RANGES) {
            ranges.pollFirstEntry();
        }
        boolean inOrder = largest < 0 || packetNumber == largest + 1;
        if (packetNumber > largest) {
            largest = packetNumber;
            largestAt = now;
        }
        Map.Entry<Long, Long> newest = ranges.lastEntry();
        newestStart = newest.getValue() == largest ? newest.getKey() : -1;
        if (ackEliciting) {
            unackedEliciting++;
            if (firstUnackedAt == NONE) {
                firstUnackedAt = now;
            }
            immediate |= !inOrder;
        }
        return true;
    }

    /** Ack-eliciting packets wait for an acknowledgement. */
    boolean pending() {
        return unackedEliciting > 0;
    }

    /** An acknowledgement must go out now. */
    boolean due(long now) {
        return unackedEliciting >= 2 || unackedEliciting > 0 && (immediate || now >= firstUnackedAt + maxAckDelayMicros);
    }

    /** When the delayed acknowledgement must go at the latest, or {@link #NONE}. */
    long deadline() {
        return unackedEliciting > 0 ? firstUnackedAt + maxAckDelayMicros : NONE;
    }

    /**
     * The PATH_ACK for this path's packets, its ACK Delay encoded with the default exponent 3; counts the
     * acknowledgement as sent.
     */
    Frame.PathAck takeFrame(long pathId, long now) {
        long delay = Math.max(0, now - largestAt) >> 3;
        Iterator<Map.Entry<Long, Long>> it = ranges.descendingMap().entrySet().iterator();
        Map.Entry<Long, Long> first = it.next();
        long firstRange = first.getValue() - first.getKey();
        long previousStart = first.getKey();
        int n = Math.min(ranges.size() - 1, ACK_RANGES - 1);
        long[] pairs = new long[2 * n];
        for (int i = 0; i < n; i++) {
            Map.Entry<Long, Long> e = it.next();
            pairs[2 * i] = previousStart - e.getValue() - 2;
            pairs[2 * i + 1] = e.getValue() - e.getKey();
            previousStart = e.getKey();
        }
        unackedEliciting = 0;
        immediate = false;
        firstUnackedAt = NONE;
        return new Frame.PathAck(pathId, first.getValue(), delay, firstRange, n == 0 ? AckRanges.NONE : AckRanges.of(pairs),
                null);
    }
}
