package io.mpqc.ref.sim.endpoint;

import java.util.Map;
import java.util.TreeMap;

/** A set of byte offsets as disjoint half-open ranges [start, end), merged on insertion. */
final class RangeSet {
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private long size;

    /** Adds [start, end); returns how many of those bytes were not in the set before. */
    long add(long start, long end) {
        if (start >= end) {
            return 0;
        }
        Map.Entry<Long, Long> last = ranges.lastEntry();
        if (last != null && start >= last.getKey() && start <= last.getValue()) {
            // The common case, data arriving in order: extend the last range in place.
            long grown = Math.max(0, end - last.getValue());
            if (grown > 0) {
                ranges.put(last.getKey(), end);
                size += grown;
            }
            return grown;
        }
        long added = end - start;
        Map.Entry<Long, Long> below = ranges.floorEntry(start);
        if (below != null && below.getValue() >= start) {
            if (below.getValue() >= end) {
                return 0;
            }
            added -= below.getValue() - start;
            start = below.getKey();
            ranges.remove(below.getKey());
        }
        Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            long overlap = Math.min(next.getValue(), end) - next.getKey();
            added -= overlap;
            end = Math.max(end, next.getValue());
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(start);
        }
        ranges.put(start, end);
        size += added;
        return added;
    }

    /** Removes [start, end). */
    void remove(long start, long end) {
        if (start >= end) {
            return;
        }
        Map.Entry<Long, Long> below = ranges.lowerEntry(start);
        if (below != null && below.getValue() > start) {
            long bEnd = below.getValue();
            ranges.put(below.getKey(), start);
            size -= bEnd - start;
            if (bEnd > end) {
                ranges.put(end, bEnd);
                size += bEnd - end;
                return;
            }
        }
        Map.Entry<Long, Long> e = ranges.ceilingEntry(start);
        while (e != null && e.getKey() < end) {
            ranges.remove(e.getKey());
            size -= e.getValue() - e.getKey();
            if (e.getValue() > end) {
                ranges.put(end, e.getValue());
                size += e.getValue() - end;
                return;
            }
            e = ranges.ceilingEntry(start);
        }
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Total bytes in the set. */
    long size() {
        return size;
    }

    boolean contains(long offset) {
        Map.Entry<Long, Long> e = ranges.floorEntry(offset);
        return e != null && e.getValue() > offset;
    }

    /** The end of the range that contains {@code offset}, or {@code offset} if none does. */
    long coveredUpTo(long offset) {
        Map.Entry<Long, Long> e = ranges.floorEntry(offset);
        return e != null && e.getValue() > offset ? e.getValue() : offset;
    }

    /** The start of the first range at or after {@code offset}, or Long.MAX_VALUE. */
    long nextStartFrom(long offset) {
        Long k = ranges.ceilingKey(offset);
        return k == null ? Long.MAX_VALUE : k;
    }

    /** The first range, or null. */
    Map.Entry<Long, Long> first() {
        return ranges.firstEntry();
    }
}
