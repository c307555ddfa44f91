package io.mpqc.ref.conn;

/**
 * A received frame that breaks a rule and closes the connection. Thrown by the check phase of a frame
 * handler, before anything changed, and turned into the connection close by the dispatcher.
 */
final class ConnectionError extends Exception {
    private static final long serialVersionUID = 1L;

    private final long code;
    private final String requirement;

    ConnectionError(long code, String requirement, String message) {
        super(message, null, false, false);
        this.code = code;
        this.requirement = requirement;
    }

    long code() {
        return code;
    }

    /** The catalog ID of the rule that was broken, e.g. MP-4-3. */
    String requirement() {
        return requirement;
    }
}
