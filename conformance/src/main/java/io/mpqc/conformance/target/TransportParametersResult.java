package io.mpqc.conformance.target;

/**
 * What a codec target made of a transport parameters block: accepted (with the multipath limit it read,
 * -1 when absent, and its active_connection_id_limit), or rejected with an error code.
 */
public sealed interface TransportParametersResult {
    record Accepted(long initialMaxPathId, long activeConnectionIdLimit) implements TransportParametersResult {
    }

    record Rejected(long errorCode, int offset, String message) implements TransportParametersResult {
    }
}
