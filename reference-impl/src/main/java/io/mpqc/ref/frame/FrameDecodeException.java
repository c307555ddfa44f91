package io.mpqc.ref.frame;

/**
 * A frame that cannot be decoded, with the QUIC transport error a receiver closes the connection with,
 * the byte offset where the problem was found (relative to the start of the input given to the decoder)
 * and the frame type being decoded (-1 if the type itself could not be read).
 */
public final class FrameDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final TransportError error;
    private final int offset;
    private final long frameType;

    public FrameDecodeException(TransportError error, int offset, long frameType, String message) {
        // No stack trace: decode errors are expected results (fuzzers produce millions) and the offset
        // locates the problem better than a trace would.
        super(message, null, false, false);
        this.error = error;
        this.offset = offset;
        this.frameType = frameType;
    }

    /** The transport error code to close the connection with. */
    public TransportError error() {
        return error;
    }

    /** Offset of the offending byte from the start of the decoded input. */
    public int offset() {
        return offset;
    }

    /** The codepoint of the frame being decoded, or -1 when the frame type was unreadable. */
    public long frameType() {
        return frameType;
    }

    @Override
    public String toString() {
        return error.name() + " at offset " + offset + ": " + getMessage();
    }
}
