package io.mpqc.conformance.catalog;

/** How a requirement can be tested: on bytes, on an endpoint fed frames, or on the wire over UDP. */
public enum Level {
    CODEC,
    ENDPOINT,
    WIRE
}
