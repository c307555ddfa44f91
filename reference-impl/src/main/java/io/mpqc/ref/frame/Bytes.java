package io.mpqc.ref.frame;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A run of bytes with value equality: connection IDs, reset tokens, stream data, reason phrases. Frames
 * hold these instead of arrays so that a frame record compares by content.
 *
 * <p>Ownership. A value made by {@link #of}, {@link #ofHex}, {@link #readFrom} or {@link #compact} owns its
 * array. A value the {@link FrameDecoder} returns from a heap buffer is a <em>view</em> of that buffer's
 * array, the way a Netty slice is: decoding copies nothing, so a decoded frame costs only its record and
 * its views. The caller must then leave those bytes of the buffer unchanged while it uses the frames, and
 * call {@link #compact} on anything it keeps longer than the buffer (the connection core does this for
 * the connection IDs and tokens it stores). No method of this class writes to the array.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] array;
    private final int from;
    private final int length;

    private Bytes(byte[] array, int from, int length) {
        this.array = array;
        this.from = from;
        this.length = length;
    }

    /** A copy of {@code bytes}. */
    public static Bytes of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone(), 0, bytes.length);
    }

    /** Parses hex digits, ignoring spaces. */
    public static Bytes ofHex(String hex) {
        String compact = hex.replace(" ", "");
        if (compact.isEmpty()) {
            return EMPTY;
        }
        byte[] b = HEX.parseHex(compact);
        return new Bytes(b, 0, b.length);
    }

    /** Reads {@code length} bytes at the reader index into a fresh value; the caller checks bounds. */
    public static Bytes readFrom(ByteBuf buf, int length) {
        if (length == 0) {
            return EMPTY;
        }
        byte[] b = new byte[length];
        buf.readBytes(b);
        return new Bytes(b, 0, length);
    }

    /**
     * A view of {@code length} bytes of {@code array} from {@code from}, sharing the array (see the class
     * comment on ownership).
     */
    public static Bytes wrap(byte[] array, int from, int length) {
        java.util.Objects.checkFromIndexSize(from, length, array.length);
        return view(array, from, length);
    }

    /** {@link #wrap} for the decoder, which has checked the bounds already. */
    static Bytes view(byte[] array, int from, int length) {
        return length == 0 ? EMPTY : new Bytes(array, from, length);
    }

    /** This value if it owns exactly its array, else a copy that does: what to keep beyond a packet buffer. */
    public Bytes compact() {
        return from == 0 && length == array.length ? this : new Bytes(toByteArray(), 0, length);
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public byte get(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " of " + length + " bytes");
        }
        return array[from + index];
    }

    public byte[] toByteArray() {
        return Arrays.copyOfRange(array, from, from + length);
    }

    public void writeTo(ByteBuf buf) {
        buf.writeBytes(array, from, length);
    }

    public String hex() {
        return HEX.formatHex(array, from, from + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other
                && Arrays.equals(array, from, from + length, other.array, other.from, other.from + other.length);
    }

    @Override
    public int hashCode() {
        // The same value as Arrays.hashCode of the bytes, whatever array they sit in.
        int h = 1;
        for (int i = from, end = from + length; i < end; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return hex();
    }
}
