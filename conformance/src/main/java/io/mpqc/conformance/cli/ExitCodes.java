package io.mpqc.conformance.cli;

/**
 * The exit codes of every {@code mpqc} command. They are part of the CLI's contract (scripts and CI gates
 * test them), so they are listed in {@code --help} and in the README.
 */
public final class ExitCodes {
    /** Everything ran and everything passed (or decoded). */
    public static final int OK = 0;
    /** The command ran, and at least one check failed (or one payload did not decode). */
    public static final int FAILURES = 1;
    /** The command line was wrong: unknown option, bad hex, unknown dialect... Nothing was run. */
    public static final int USAGE = 2;
    /** The target or the environment failed: I/O errors (e.g. an unwritable report directory), internal errors. */
    public static final int ERROR = 3;

    /** The exit code list for picocli's usage help, shared by all commands. */
    static final String[] HELP_LIST = {
        "0:success: no FAIL or ERROR (or no difference from --baseline), all payloads decoded",
        "1:conformance failures: a case FAILed or ended in ERROR, a baseline differs, a payload did not decode",
        "2:usage error: bad option, unknown target or dialect, bad hex, no case selected",
        "3:target or I/O error: the target cannot be started, the report directory is not writable, internal error",
    };

    private ExitCodes() {
    }
}
