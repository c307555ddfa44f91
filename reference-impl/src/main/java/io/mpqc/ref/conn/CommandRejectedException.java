package io.mpqc.ref.conn;

/**
 * A local command the connection cannot carry out (a server opening a path, a status for an abandoned
 * path, a path ID above the peer's limit ...). Nothing changed when it is thrown.
 */
public final class CommandRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandRejectedException(String message) {
        super(message);
    }
}
