package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.TransportError;

/**
 * How a connection ended: the error code, the frame type that caused it (0 if none), a reason, and
 * whether the peer closed it (we received CONNECTION_CLOSE) or we did.
 */
public record CloseReason(long errorCode, long frameType, String reason, boolean byPeer) {

    /** The error code's name in {@code dialect}, e.g. "PROTOCOL_VIOLATION (0xa)". */
    public String describe(Dialect dialect) {
        return TransportError.describe(errorCode, dialect) + (byPeer ? " from the peer" : "") + ": " + reason;
    }
}
