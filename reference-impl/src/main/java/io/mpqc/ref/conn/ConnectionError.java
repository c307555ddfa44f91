package io.mpqc.ref.conn;

/**
 * A received frame that breaks a rule and closes the connection. Thrown by the check phase of a frame
 * handler, before anything changed, and turned into the connection close by the dispatcher.
 */
final class ConnectionError extends Exception {
    private static final long serialVersionUID = 1L;

    private final long code;

    /** The message starts with {@code requirement}, the catalog ID of the broken rule (e.g. MP-4-3). */
    ConnectionError(long code, String requirement, String message) {
        super(requirement + ": " + message, null, false, false);
        this.code = code;
    }

    long code() {
        return code;
    }
}
