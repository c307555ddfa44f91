package io.mpqc.conformance.shim;

/** Text that is not the JSON a shim message must be. */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
