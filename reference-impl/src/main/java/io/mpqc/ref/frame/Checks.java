package io.mpqc.ref.frame;

/** Invariants shared by the frame records' constructors; the decoder tests the same rules before building. */
final class Checks {
    /** The largest stream count MAX_STREAMS and STREAMS_BLOCKED may carry (RFC 9000 §19.11). */
    static final long MAX_STREAM_COUNT = 1L << 60;
    static final int RESET_TOKEN_LENGTH = 16;
    static final int MAX_CID_LENGTH = 20;

    private Checks() {
    }

    // Fixed arities rather than varargs: the decode path must not allocate an array per frame.
    static void varints(long a) {
        if (!Varint.isValid(a)) {
            throw new IllegalArgumentException("value out of varint range: " + Long.toUnsignedString(a));
        }
    }

    // One test for all values: a varint is 0 to 2^62-1, so its top two bits are clear, and a negative long
    // has the sign bit set. The per-value test (with its message) runs only when that test fails.
    static void varints(long a, long b) {
        if (((a | b) >>> 62) != 0) {
            varints(a);
            varints(b);
        }
    }

    static void varints(long a, long b, long c) {
        if (((a | b | c) >>> 62) != 0) {
            varints(a);
            varints(b);
            varints(c);
        }
    }

    static void notNull(Object o) {
        if (o == null) {
            throw new NullPointerException("frame field must not be null");
        }
    }

    static void streamCount(long count) {
        if (count < 0 || count > MAX_STREAM_COUNT) {
            throw new IllegalArgumentException("stream count above 2^60: " + count);
        }
    }

    static void endOffset(long offset, Bytes data) {
        notNull(data);
        if (offset + data.length() > Varint.MAX) {
            throw new IllegalArgumentException("data would end beyond offset 2^62-1");
        }
    }

    static void ackBody(long largest, long ackDelay, long firstRange, AckRanges ranges) {
        varints(largest, ackDelay, firstRange);
        notNull(ranges);
        if (firstRange > largest || ranges.smallestAcked(largest - firstRange) < 0) {
            throw new IllegalArgumentException("ACK ranges reach below packet number 0");
        }
    }

    static void newConnectionId(long sequence, long retirePriorTo, Bytes cid, Bytes token) {
        varints(sequence, retirePriorTo);
        notNull(cid);
        notNull(token);
        if (retirePriorTo > sequence) {
            throw new IllegalArgumentException("Retire Prior To above Sequence Number");
        }
        if (cid.length() < 1 || cid.length() > MAX_CID_LENGTH) {
            throw new IllegalArgumentException("connection ID length must be 1..20: " + cid.length());
        }
        if (token.length() != RESET_TOKEN_LENGTH) {
            throw new IllegalArgumentException("stateless reset token must be 16 bytes");
        }
    }
}
