package io.mpqc.ref.recovery;

/**
 * RTT estimation of one path (RFC 9002 §5): latest, minimum, smoothed RTT and its variation, and the PTO
 * they give. Times are microseconds of the injected clock.
 */
public final class RttEstimator {
    /** kGranularity of RFC 9002 §6.1.2. */
    public static final long GRANULARITY_MICROS = 1_000;

    private final long initialRtt;
    private long latest;
    private long min = Long.MAX_VALUE;
    private long smoothed;
    private long variation;
    private boolean hasSample;

    public RttEstimator(long initialRttMicros) {
        this.initialRtt = initialRttMicros;
        this.smoothed = initialRttMicros;
        this.variation = initialRttMicros / 2;
    }

    /** Takes one RTT sample; {@code ackDelay} is already decoded to microseconds and capped by the caller. */
    public void onSample(long rttMicros, long ackDelayMicros) {
        latest = rttMicros;
        if (!hasSample) {
            hasSample = true;
            min = rttMicros;
            smoothed = rttMicros;
            variation = rttMicros / 2;
            return;
        }
        min = Math.min(min, rttMicros);
        long adjusted = rttMicros;
        if (rttMicros >= min + ackDelayMicros) {
            adjusted = rttMicros - ackDelayMicros;
        }
        variation = (3 * variation + Math.abs(smoothed - adjusted)) / 4;
        smoothed = (7 * smoothed + adjusted) / 8;
    }

    /** The probe timeout: smoothed + max(4 * variation, granularity) + max_ack_delay (RFC 9002 §6.2.1). */
    public long pto(long maxAckDelayMicros) {
        return smoothed + Math.max(4 * variation, GRANULARITY_MICROS) + maxAckDelayMicros;
    }

    public boolean hasSample() {
        return hasSample;
    }

    public long smoothed() {
        return smoothed;
    }

    public long variation() {
        return variation;
    }

    public long latest() {
        return hasSample ? latest : initialRtt;
    }

    /** The minimum RTT seen, or the initial RTT before the first sample. */
    public long min() {
        return hasSample ? min : initialRtt;
    }
}
