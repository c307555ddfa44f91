package io.mpqc.conformance.target;

/** How the target closed the connection: error code and reason. */
public record CloseInfo(long errorCode, String reason) {
}
