package io.mpqc.conformance.cli;

/**
 * An expected failure of a command, reported as one line ({@code mpqc: <message>}) with a definite exit
 * code and no stack trace: a usage problem found after parsing, or an I/O error.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage error (exit code 2). */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message, null);
    }

    /** A target or I/O error (exit code 3). */
    public static CliException io(String message, Throwable cause) {
        return new CliException(ExitCodes.ERROR, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
