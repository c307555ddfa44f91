package io.mpqc.ref.sim;

/** A time interval [start, end) during which a path black-holes every packet, both ways. */
public record Outage(long startMicros, long endMicros) {
    public Outage {
        if (startMicros < 0 || endMicros <= startMicros) {
            throw new IllegalArgumentException("an outage needs 0 <= start < end");
        }
    }

    /** From {@code startMicros} on, for good. */
    public static Outage from(long startMicros) {
        return new Outage(startMicros, Long.MAX_VALUE);
    }

    boolean covers(long micros) {
        return micros >= startMicros && micros < endMicros;
    }
}
