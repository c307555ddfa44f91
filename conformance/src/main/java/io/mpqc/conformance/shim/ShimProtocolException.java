package io.mpqc.conformance.shim;

/** A message that breaks the shim protocol (missing field, wrong type, bad hex, unknown operation). */
public final class ShimProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public ShimProtocolException(String message) {
        super(message);
    }
}
