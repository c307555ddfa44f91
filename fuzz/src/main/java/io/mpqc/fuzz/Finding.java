package io.mpqc.fuzz;

/**
 * A property of a fuzz target that does not hold: what the target reports to Jazzer (libFuzzer writes the
 * input as a crash file) and to JUnit (the replay fails). The message says which property broke and on
 * what; the cause, if any, is the exception that escaped the code under test.
 */
public final class Finding extends AssertionError {
    private static final long serialVersionUID = 1L;

    public Finding(String message) {
        super(message);
    }

    public Finding(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws a finding with {@code message} unless {@code condition} holds. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new Finding(message);
        }
    }
}
