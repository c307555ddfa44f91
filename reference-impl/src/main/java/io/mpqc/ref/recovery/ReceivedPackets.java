package io.mpqc.ref.recovery;

import io.mpqc.ref.frame.AckRanges;
import java.util.Map;
import java.util.TreeMap;

/**
 * The packet numbers received on one path, as ranges, for building ACK and PATH_ACK frames. Keeps at most
 * {@link #MAX_RANGES} ranges (the oldest are forgotten) so a peer that skips numbers cannot grow it.
 */
public final class ReceivedPackets {
    public static final int MAX_RANGES = 32;

    /** Range start -> range end, both inclusive. */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private boolean ackPending;
    private long largestReceivedAt;

    /** Records a packet; returns false for a duplicate. */
    public boolean onReceived(long packetNumber, boolean ackEliciting, long nowMicros) {
        Map.Entry<Long, Long> below = ranges.floorEntry(packetNumber);
        if (below != null && below.getValue() >= packetNumber) {
            return false;
        }
        long start = packetNumber;
        long end = packetNumber;
        if (below != null && below.getValue() == packetNumber - 1) {
            start = below.getKey();
            ranges.remove(below.getKey());
        }
        Long aboveStart = ranges.higherKey(packetNumber);
        if (aboveStart != null && aboveStart == packetNumber + 1) {
            end = ranges.remove(aboveStart);
        }
        ranges.put(start, end);
        while (ranges.size() > MAX_RANGES) {
            ranges.pollFirstEntry();
        }
        if (packetNumber == largest()) {
            largestReceivedAt = nowMicros;
        }
        ackPending |= ackEliciting;
        return true;
    }

    public boolean isAckPending() {
        return ackPending;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public long largest() {
        return ranges.isEmpty() ? -1 : ranges.lastEntry().getValue();
    }

    public long largestReceivedAtMicros() {
        return largestReceivedAt;
    }

    /** The First ACK Range value for the current ranges. */
    public long firstRange() {
        Map.Entry<Long, Long> last = ranges.lastEntry();
        return last.getValue() - last.getKey();
    }

    /** The additional ranges below the first, in wire order (descending). */
    public AckRanges additionalRanges() {
        if (ranges.size() <= 1) {
            return AckRanges.NONE;
        }
        long[] pairs = new long[(ranges.size() - 1) * 2];
        int i = 0;
        long previousStart = ranges.lastKey();
        for (Map.Entry<Long, Long> e : ranges.descendingMap().tailMap(previousStart, false).entrySet()) {
            pairs[i++] = previousStart - e.getValue() - 2;
            pairs[i++] = e.getValue() - e.getKey();
            previousStart = e.getKey();
        }
        return AckRanges.of(pairs);
    }

    /** Called once an ACK for the current state has been queued. */
    public void onAckSent() {
        ackPending = false;
    }
}
