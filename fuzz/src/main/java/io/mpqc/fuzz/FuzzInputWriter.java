package io.mpqc.fuzz;

import java.io.ByteArrayOutputStream;

/**
 * Writes the bytes that make a {@link FuzzInput} read given values, call for call in the same order: the
 * inverse of FuzzInput, used to write seed inputs that mean a chosen session.
 */
final class FuzzInputWriter {
    private final ByteArrayOutputStream front = new ByteArrayOutputStream();
    /** End bytes in the order FuzzInput reads them (the last byte of the input first). */
    private final ByteArrayOutputStream back = new ByteArrayOutputStream();

    FuzzInputWriter bool(boolean v) {
        back.write(v ? 1 : 0);
        return this;
    }

    FuzzInputWriter integer(long min, long max, long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " not in " + min + ".." + max);
        }
        raw(max - min, value - min);
        return this;
    }

    FuzzInputWriter anyLong(long value) {
        raw(-1L, value - Long.MIN_VALUE);
        return this;
    }

    /** Bytes for a consumeBytes(max) call with max at least {@code b.length}. */
    FuzzInputWriter bytes(byte[] b) {
        front.write(b, 0, b.length);
        return this;
    }

    private void raw(long range, long value) {
        int n = 0;
        while (n < 8 && (range >>> (8 * n)) != 0) {
            n++;
        }
        // Read order: most significant of the n bytes first.
        for (int i = n - 1; i >= 0; i--) {
            back.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    byte[] toByteArray() {
        byte[] f = front.toByteArray();
        byte[] b = back.toByteArray();
        byte[] out = new byte[f.length + b.length];
        System.arraycopy(f, 0, out, 0, f.length);
        for (int i = 0; i < b.length; i++) {
            out[out.length - 1 - i] = b[i];
        }
        return out;
    }
}
