package io.mpqc.ref.frame;

import java.util.Arrays;

/**
 * The additional ACK ranges of an ACK or PATH_ACK frame after the first range, as (Gap, ACK Range Length)
 * pairs in wire order (RFC 9000 §19.3.1). Immutable; an ACK with no extra range shares {@link #NONE}, so
 * the common case allocates nothing.
 */
public final class AckRanges {
    public static final AckRanges NONE = new AckRanges(new long[0]);

    private final long[] pairs;

    private AckRanges(long[] pairs) {
        this.pairs = pairs;
    }

    /** Ranges from alternating gap and length values. */
    public static AckRanges of(long... gapLengthPairs) {
        if (gapLengthPairs.length % 2 != 0) {
            throw new IllegalArgumentException("ACK ranges come in (gap, length) pairs");
        }
        for (long v : gapLengthPairs) {
            if (!Varint.isValid(v)) {
                throw new IllegalArgumentException("ACK range value out of varint range: " + v);
            }
        }
        return gapLengthPairs.length == 0 ? NONE : new AckRanges(gapLengthPairs.clone());
    }

    /** Takes ownership of an array the decoder filled; not for outside use. */
    static AckRanges adopt(long[] pairs) {
        return pairs.length == 0 ? NONE : new AckRanges(pairs);
    }

    public int count() {
        return pairs.length / 2;
    }

    public long gap(int i) {
        return pairs[2 * i];
    }

    public long length(int i) {
        return pairs[2 * i + 1];
    }

    /**
     * The smallest packet number these ranges acknowledge, given the first range's smallest; negative
     * when a range would reach below packet number 0 (RFC 9000 §19.3.1 makes that FRAME_ENCODING_ERROR).
     */
    public long smallestAcked(long firstRangeSmallest) {
        long smallest = firstRangeSmallest;
        for (int i = 0; i < pairs.length && smallest >= 0; i += 2) {
            long largest = smallest - pairs[i] - 2;
            smallest = largest - pairs[i + 1];
        }
        return smallest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AckRanges other && Arrays.equals(pairs, other.pairs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pairs);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("gap=").append(pairs[i]).append(" len=").append(pairs[i + 1]);
        }
        return sb.append(']').toString();
    }
}
