package io.mpqc.conformance.target;

/** The target says it does not implement what was asked (a reserved answer of the shim protocol too). */
public final class UnsupportedByTargetException extends TargetException {
    private static final long serialVersionUID = 1L;

    public UnsupportedByTargetException(String message) {
        super(message);
    }
}
