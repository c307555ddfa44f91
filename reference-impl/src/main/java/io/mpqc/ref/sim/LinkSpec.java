package io.mpqc.ref.sim;

/**
 * One direction of a path: bottleneck rate, one-way propagation delay, drop-tail buffer size in bytes
 * (including the packet being transmitted) and random loss.
 */
public record LinkSpec(long bitsPerSecond, long delayMicros, long queueBytes, LossModel loss) {
    public LinkSpec {
        if (bitsPerSecond <= 0 || delayMicros < 0 || queueBytes <= 0 || loss == null) {
            throw new IllegalArgumentException("a link needs a positive rate and buffer, a delay and a loss model");
        }
    }
}
