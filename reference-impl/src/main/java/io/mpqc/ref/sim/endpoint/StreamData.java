package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.frame.Bytes;
import java.util.Arrays;

/**
 * The content of every simulated stream: byte {@code o} of stream {@code s} is {@code (o + 7 s) mod 251}, so
 * a receiver can check each STREAM frame against the offset it claims (a chunk in the wrong place or a
 * corrupted copy is detected). A slice depends only on its phase (offset mod 251) and length, so slices are
 * kept in a small direct-mapped cache per simulation: steady-state sending allocates no payload, and a
 * receiver's check of a frame built from the same cache is an identity comparison.
 */
public final class StreamData {
    private static final int PERIOD = 251;
    private static final int SLOTS = 4096;
    /** The pattern from phase 0, long enough for a slice of any datagram's length from any phase. */
    private static final byte[] PATTERN = new byte[PERIOD + 65_536];

    static {
        for (int i = 0; i < PATTERN.length; i++) {
            PATTERN[i] = (byte) (i % PERIOD);
        }
    }

    private final Bytes[] slices = new Bytes[SLOTS];
    private final long[] keys = new long[SLOTS];

    static int phase(long streamId, long offset) {
        return (int) ((offset + 7 * streamId) % PERIOD);
    }

    /** The bytes [offset, offset + length) of a stream. */
    public Bytes slice(long streamId, long offset, int length) {
        int phase = phase(streamId, offset);
        long key = (long) length << 8 | phase;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 52);
        Bytes b = slices[slot];
        if (b != null && keys[slot] == key) {
            return b;
        }
        b = Bytes.of(Arrays.copyOfRange(PATTERN, phase, phase + length));
        slices[slot] = b;
        keys[slot] = key;
        return b;
    }

    /** Whether {@code data} is what the stream holds at {@code offset}. */
    public boolean matches(long streamId, long offset, Bytes data) {
        return slice(streamId, offset, data.length()).equals(data);
    }
}
