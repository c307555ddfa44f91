package io.mpqc.ref.frame;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * QUIC variable-length integers (RFC 9000 §16): the two high bits of the first byte give the length
 * (1, 2, 4 or 8 bytes), the rest is the big-endian value. Readers accept non-minimal encodings because
 * RFC 9000 allows them in every field but the frame type; writers always emit the shortest form unless
 * asked for a given length.
 */
public final class Varint {
    /** 2^62-1, the largest value a varint can hold. */
    public static final long MAX = (1L << 62) - 1;
    /** Returned by the readers when the input ends inside a varint. Never a valid value. */
    public static final long TRUNCATED = -1;

    private Varint() {
    }

    /** Length in bytes of the minimal encoding of {@code value}. */
    public static int lengthOf(long value) {
        if ((value >>> 62) != 0) {
            throw new IllegalArgumentException("not a varint value: " + Long.toUnsignedString(value));
        }
        if (value <= 63) {
            return 1;
        }
        if (value <= 16383) {
            return 2;
        }
        return value <= 1073741823 ? 4 : 8;
    }

    /** Length of the varint whose first byte is {@code first}. */
    public static int lengthFromFirstByte(int first) {
        return 1 << ((first & 0xff) >>> 6);
    }

    /** True when {@code value} fits a varint. */
    public static boolean isValid(long value) {
        return value >= 0 && value <= MAX;
    }

    /**
     * Reads one varint at the reader index and advances past it; returns {@link #TRUNCATED} and leaves the
     * index unchanged when fewer bytes remain than the varint needs. Never reads past the writer index.
     */
    public static long read(ByteBuf buf) {
        int readable = buf.readableBytes();
        if (readable == 0) {
            return TRUNCATED;
        }
        int idx = buf.readerIndex();
        int first = buf.getUnsignedByte(idx);
        int len = 1 << (first >>> 6);
        if (readable < len) {
            return TRUNCATED;
        }
        long value;
        switch (len) {
            case 1 -> value = first & 0x3f;
            case 2 -> value = buf.getUnsignedShort(idx) & 0x3fff;
            case 4 -> value = buf.getUnsignedInt(idx) & 0x3fffffffL;
            default -> value = buf.getLong(idx) & MAX;
        }
        buf.readerIndex(idx + len);
        return value;
    }

    /** Writes the minimal encoding of {@code value}. */
    public static void write(ByteBuf buf, long value) {
        // The encoder's hot path: one range test, then the length, without the checks of the fixed-length
        // writer below (its length is chosen here, so it always fits).
        if ((value >>> 62) != 0) {
            throw new IllegalArgumentException("not a varint value: " + Long.toUnsignedString(value));
        }
        if (value <= 63) {
            buf.writeByte((int) value);
        } else if (value <= 16383) {
            buf.writeShort((int) value | 0x4000);
        } else if (value <= 1073741823) {
            buf.writeInt((int) value | 0x80000000);
        } else {
            buf.writeLong(value | 0xC000000000000000L);
        }
    }

    /**
     * Writes {@code value} in exactly {@code length} bytes (1, 2, 4 or 8), which may be longer than minimal:
     * tests and attack cases need non-minimal encodings.
     */
    public static void write(ByteBuf buf, long value, int length) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("not a varint value: " + Long.toUnsignedString(value));
        }
        switch (length) {
            case 1 -> {
                requireFits(value, 63, length);
                buf.writeByte((int) value);
            }
            case 2 -> {
                requireFits(value, 16383, length);
                buf.writeShort((int) value | 0x4000);
            }
            case 4 -> {
                requireFits(value, 1073741823, length);
                buf.writeInt((int) value | 0x80000000);
            }
            case 8 -> buf.writeLong(value | 0xC000000000000000L);
            default -> throw new IllegalArgumentException("varint length must be 1, 2, 4 or 8: " + length);
        }
    }

    private static void requireFits(long value, long max, int length) {
        if (value > max) {
            throw new IllegalArgumentException(value + " does not fit a " + length + "-byte varint");
        }
    }

    /** The minimal encoding of {@code value} as a new array. */
    public static byte[] encode(long value) {
        int len = lengthOf(value);
        byte[] out = new byte[len];
        long tag = switch (len) {
            case 1 -> 0L;
            case 2 -> 0x4000L;
            case 4 -> 0x80000000L;
            default -> 0xC000000000000000L;
        };
        long v = value | tag;
        for (int i = len - 1; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }

    /**
     * Reads one varint from {@code bytes} at {@code offset}; returns {@link #TRUNCATED} if the array ends
     * first.
     */
    public static long read(byte[] bytes, int offset) {
        if (offset < 0 || offset >= bytes.length) {
            return TRUNCATED;
        }
        int len = lengthFromFirstByte(bytes[offset]);
        if (bytes.length - offset < len) {
            return TRUNCATED;
        }
        long v = bytes[offset] & 0x3f;
        for (int i = 1; i < len; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xff);
        }
        return v;
    }

    /** Reads one varint at the buffer's position and advances it; {@link #TRUNCATED} leaves it unchanged. */
    public static long read(ByteBuffer buf) {
        if (!buf.hasRemaining()) {
            return TRUNCATED;
        }
        int pos = buf.position();
        int len = lengthFromFirstByte(buf.get(pos));
        if (buf.remaining() < len) {
            return TRUNCATED;
        }
        long v = buf.get(pos) & 0x3f;
        for (int i = 1; i < len; i++) {
            v = (v << 8) | (buf.get(pos + i) & 0xff);
        }
        buf.position(pos + len);
        return v;
    }

    /** Writes the minimal encoding of {@code value} at the buffer's position. */
    public static void write(ByteBuffer buf, long value) {
        buf.put(encode(value));
    }
}
