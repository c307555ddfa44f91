package io.mpqc.ref.frame;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of bytes with value equality: connection IDs, reset tokens, stream data, reason
 * phrases. Frames hold these instead of arrays so that a frame record really is immutable and compares
 * by content.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Bytes of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** Parses hex digits, ignoring spaces. */
    public static Bytes ofHex(String hex) {
        String compact = hex.replace(" ", "");
        return compact.isEmpty() ? EMPTY : new Bytes(HEX.parseHex(compact));
    }

    /** Reads {@code length} bytes at the reader index into a fresh value; the caller checks bounds. */
    public static Bytes readFrom(ByteBuf buf, int length) {
        if (length == 0) {
            return EMPTY;
        }
        byte[] b = new byte[length];
        buf.readBytes(b);
        return new Bytes(b);
    }

    /**
     * Copies {@code length} bytes of {@code array} from {@code from} into a fresh value; the caller checks
     * bounds. Not for outside use: the frame decoder's array path.
     */
    static Bytes copyOf(byte[] array, int from, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(array, from, from + length));
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public byte get(int index) {
        return bytes[index];
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public void writeTo(ByteBuf buf) {
        buf.writeBytes(bytes);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
