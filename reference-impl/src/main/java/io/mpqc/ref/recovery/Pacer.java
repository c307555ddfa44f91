package io.mpqc.ref.recovery;

/**
 * Pacing of one path (RFC 9002 §7.7): a token bucket filled at 1.25 * cwnd / smoothed_rtt, so that a
 * window is spread over most of a round trip instead of leaving in one burst that overflows the
 * bottleneck queue. The bucket holds at most ten datagrams (never less than two, never more than the
 * window), which lets a path that was idle start with a small burst.
 */
public final class Pacer {
    private static final double GAIN = 1.25;
    private static final int BURST_DATAGRAMS = 10;

    private final int maxDatagramSize;
    private double tokens;
    private long lastRefill = Long.MIN_VALUE;

    public Pacer(int maxDatagramSize) {
        this.maxDatagramSize = maxDatagramSize;
        this.tokens = (double) BURST_DATAGRAMS * maxDatagramSize;
    }

    /** The earliest time at or after {@code now} when a packet of {@code bytes} may leave. */
    public long nextSendTime(long now, long window, long smoothedRttMicros, int bytes) {
        refill(now, window, smoothedRttMicros);
        if (tokens >= bytes) {
            return now;
        }
        double rate = rate(window, smoothedRttMicros);
        return now + (long) Math.ceil((bytes - tokens) / rate);
    }

    public void onSent(long now, long window, long smoothedRttMicros, int bytes) {
        refill(now, window, smoothedRttMicros);
        tokens -= bytes;
    }

    private void refill(long now, long window, long smoothedRttMicros) {
        double capacity = Math.max(2.0 * maxDatagramSize, Math.min(window, (double) BURST_DATAGRAMS * maxDatagramSize));
        if (lastRefill != Long.MIN_VALUE && now > lastRefill) {
            tokens += (now - lastRefill) * rate(window, smoothedRttMicros);
        }
        tokens = Math.min(tokens, capacity);
        lastRefill = Math.max(lastRefill, now);
    }

    /** Bytes per microsecond. */
    private static double rate(long window, long smoothedRttMicros) {
        return GAIN * window / Math.max(1, smoothedRttMicros);
    }
}
