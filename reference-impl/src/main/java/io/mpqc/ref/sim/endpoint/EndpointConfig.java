package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.recovery.CongestionControllers;

/**
 * The data layer's parameters.
 *
 * @param maxPacketSize the QUIC packet size limit (UDP payload), in bytes
 * @param congestionControl the per-path controller ({@code newreno} or {@code cubic})
 * @param receiveWindow the connection-level flow-control window this endpoint grants (initial_max_data)
 * @param maxAckDelayMicros max_ack_delay, both the one this endpoint honours and the one it assumes of its peer
 * @param initialRttMicros the RTT assumed before the first sample (RFC 9002: 333 ms)
 * @param failureDetection whether a path whose oldest packet stays unacknowledged for a PTO is suspected,
 *     its data reinjected elsewhere, and the path abandoned after 3 PTO
 */
public record EndpointConfig(int maxPacketSize, String congestionControl, long receiveWindow, long maxAckDelayMicros,
        long initialRttMicros, boolean failureDetection) {

    public EndpointConfig {
        CongestionControllers.create(congestionControl, maxPacketSize); // fails early on an unknown name
        if (maxPacketSize < 1200 || receiveWindow <= 0) {
            throw new IllegalArgumentException("packet size at least 1200 and a positive window are required");
        }
    }

    public static EndpointConfig defaults() {
        return new EndpointConfig(1200, CongestionControllers.DEFAULT, 16L << 20, 25_000, 333_000, true);
    }

    public EndpointConfig withCongestionControl(String name) {
        return new EndpointConfig(maxPacketSize, name, receiveWindow, maxAckDelayMicros, initialRttMicros,
                failureDetection);
    }

    public EndpointConfig withReceiveWindow(long bytes) {
        return new EndpointConfig(maxPacketSize, congestionControl, bytes, maxAckDelayMicros, initialRttMicros,
                failureDetection);
    }
}
