package io.mpqc.conformance.cases;

/** Thrown inside a case when the target lacks what the case needs; the verdict is UNSUPPORTED. */
public final class CaseUnsupportedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CaseUnsupportedException(String message) {
        super(message);
    }
}
