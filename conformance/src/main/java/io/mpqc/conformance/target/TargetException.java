package io.mpqc.conformance.target;

/**
 * The target failed as a program: it crashed, hung, answered nonsense or could not be reached. A case
 * that meets one gets the verdict ERROR with this message as the diagnosis.
 */
public class TargetException extends Exception {
    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
