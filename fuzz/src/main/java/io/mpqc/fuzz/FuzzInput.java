package io.mpqc.fuzz;

/**
 * Structured values read from a fuzzer's bytes, with the semantics of libFuzzer's FuzzedDataProvider:
 * integers are taken from the end of the input (most significant byte first, only as many bytes as the
 * range needs, reduced modulo the range), byte arrays from the front, and an exhausted input yields the
 * minimum of each range. Same bytes, same values, in the standalone driver, in JUnit and in
 * {@link CorpusGenerator}, which writes inputs the other way round with {@link FuzzInputWriter}.
 *
 * <p>The targets read their input through this class rather than Jazzer's FuzzedDataProvider so that an
 * input file means the same thing everywhere without Jazzer's native runtime (JUnit replays, benchmarks).
 */
final class FuzzInput {
    private final byte[] data;
    private int front;
    private int end;

    FuzzInput(byte[] data) {
        this.data = data;
        this.end = data.length;
    }

    int remainingBytes() {
        return end - front;
    }

    /** The lowest bit of one byte. */
    boolean consumeBoolean() {
        return (consumeRaw(0xff) & 1) == 1;
    }

    int consumeInt(int min, int max) {
        return (int) consumeLong(min, max);
    }

    long consumeLong(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        return min + consumeRaw(max - min);
    }

    /** Any long (eight bytes). */
    long consumeLong() {
        return Long.MIN_VALUE + consumeRaw(-1L);
    }

    /** Up to {@code max} bytes from the front (fewer when the input runs out). */
    byte[] consumeBytes(int max) {
        int n = Math.max(0, Math.min(max, remainingBytes()));
        byte[] out = java.util.Arrays.copyOfRange(data, front, front + n);
        front += n;
        return out;
    }

    /** A value in 0..range (range taken as unsigned), from as many end bytes as the range needs. */
    private long consumeRaw(long range) {
        long result = 0;
        int offset = 0;
        while (offset < 64 && (range >>> offset) != 0 && end > front) {
            end--;
            result = (result << 8) | (data[end] & 0xff);
            offset += 8;
        }
        if (range != -1L) {
            result = Long.remainderUnsigned(result, range + 1);
        }
        return result;
    }
}
