package io.mpqc.ref.tp;

import io.mpqc.ref.frame.TransportError;

/**
 * Transport parameters that a receiver must refuse (RFC 9000 §7.4, §18.2; multipath §2.1). The error is
 * always TRANSPORT_PARAMETER_ERROR; it is carried anyway so callers treat this like a
 * {@link io.mpqc.ref.frame.FrameDecodeException} when closing the connection. The offset points at what
 * is wrong, counted from the start of the decoded input:
 * <ul>
 *   <li>the parameter's id, for a duplicate, a server-only parameter from a client or a truncated id;</li>
 *   <li>the length field, when it is truncated or runs past the input;</li>
 *   <li>the value's first byte when the value as a whole is wrong (out of range, wrong size, a flag that
 *       is not empty);</li>
 *   <li>the offending byte inside the value for a structural problem (bytes after an integer's varint, a
 *       field of preferred_address).</li>
 * </ul>
 */
public final class TransportParameterException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final long parameterId;

    public TransportParameterException(int offset, long parameterId, String message) {
        // No stack trace: rejected parameters are expected results (fuzzers produce millions) and the
        // offset locates the problem better than a trace would.
        super(message, null, false, false);
        this.offset = offset;
        this.parameterId = parameterId;
    }

    /** The transport error code to close the connection with. */
    public TransportError error() {
        return TransportError.TRANSPORT_PARAMETER_ERROR;
    }

    /** Offset of the offending byte from the start of the decoded input. */
    public int offset() {
        return offset;
    }

    /** The id of the parameter being decoded, or -1 when the id itself was unreadable. */
    public long parameterId() {
        return parameterId;
    }

    @Override
    public String toString() {
        return error().name() + " at offset " + offset + ": " + getMessage();
    }
}
