package io.mpqc.ref.frame;

/**
 * A QUIC frame: one immutable record per frame kind of RFC 9000 and draft-ietf-quic-multipath. Records
 * check their own invariants (varint ranges, CID lengths, Retire Prior To) so that every frame that
 * exists can be encoded; the decoder checks the same rules first and reports them as typed errors.
 *
 * <p>Multipath frames carry a path identifier field named {@code pathId}; in the draft-06 dialect that
 * field holds the Destination Connection ID sequence number that named a path in that generation.
 */
public sealed interface Frame {

    /** The kind of frame. */
    FrameType type();

    /** A run of PADDING bytes (0x00); consecutive padding decodes as one frame. */
    record Padding(int length) implements Frame {
        public Padding {
            if (length < 1) {
                throw new IllegalArgumentException("padding length must be at least 1");
            }
        }

        @Override
        public FrameType type() {
            return FrameType.PADDING;
        }
    }

    record Ping() implements Frame {
        @Override
        public FrameType type() {
            return FrameType.PING;
        }
    }

    /** ACK (0x02), or ACK with ECN counts (0x03) when {@code ecn} is not null. */
    record Ack(long largest, long ackDelay, long firstRange, AckRanges ranges, EcnCounts ecn) implements Frame {
        public Ack {
            Checks.ackBody(largest, ackDelay, firstRange, ranges);
        }

        @Override
        public FrameType type() {
            return ecn == null ? FrameType.ACK : FrameType.ACK_ECN;
        }
    }

    record ResetStream(long streamId, long errorCode, long finalSize) implements Frame {
        public ResetStream {
            Checks.varints(streamId, errorCode, finalSize);
        }

        @Override
        public FrameType type() {
            return FrameType.RESET_STREAM;
        }
    }

    record StopSending(long streamId, long errorCode) implements Frame {
        public StopSending {
            Checks.varints(streamId, errorCode);
        }

        @Override
        public FrameType type() {
            return FrameType.STOP_SENDING;
        }
    }

    record Crypto(long offset, Bytes data) implements Frame {
        public Crypto {
            Checks.varints(offset);
            Checks.endOffset(offset, data);
        }

        @Override
        public FrameType type() {
            return FrameType.CRYPTO;
        }
    }

    record NewToken(Bytes token) implements Frame {
        public NewToken {
            if (token.isEmpty()) {
                throw new IllegalArgumentException("NEW_TOKEN token must not be empty");
            }
        }

        @Override
        public FrameType type() {
            return FrameType.NEW_TOKEN;
        }
    }

    /**
     * STREAM (0x08-0x0f). The OFF bit is set when {@code offset} is not 0; {@code explicitLength} is the LEN
     * bit (without it the data runs to the end of the packet).
     */
    record Stream(long streamId, long offset, Bytes data, boolean fin, boolean explicitLength) implements Frame {
        public Stream {
            Checks.varints(streamId, offset);
            Checks.endOffset(offset, data);
        }

        @Override
        public FrameType type() {
            return FrameType.STREAM;
        }
    }

    record MaxData(long maximum) implements Frame {
        public MaxData {
            Checks.varints(maximum);
        }

        @Override
        public FrameType type() {
            return FrameType.MAX_DATA;
        }
    }

    record MaxStreamData(long streamId, long maximum) implements Frame {
        public MaxStreamData {
            Checks.varints(streamId, maximum);
        }

        @Override
        public FrameType type() {
            return FrameType.MAX_STREAM_DATA;
        }
    }

    /** MAX_STREAMS; the count is at most 2^60 (RFC 9000 §19.11). */
    record MaxStreams(boolean bidirectional, long maximum) implements Frame {
        public MaxStreams {
            Checks.streamCount(maximum);
        }

        @Override
        public FrameType type() {
            return bidirectional ? FrameType.MAX_STREAMS_BIDI : FrameType.MAX_STREAMS_UNI;
        }
    }

    record DataBlocked(long limit) implements Frame {
        public DataBlocked {
            Checks.varints(limit);
        }

        @Override
        public FrameType type() {
            return FrameType.DATA_BLOCKED;
        }
    }

    record StreamDataBlocked(long streamId, long limit) implements Frame {
        public StreamDataBlocked {
            Checks.varints(streamId, limit);
        }

        @Override
        public FrameType type() {
            return FrameType.STREAM_DATA_BLOCKED;
        }
    }

    /** STREAMS_BLOCKED; the count is at most 2^60 (RFC 9000 §19.14). */
    record StreamsBlocked(boolean bidirectional, long limit) implements Frame {
        public StreamsBlocked {
            Checks.streamCount(limit);
        }

        @Override
        public FrameType type() {
            return bidirectional ? FrameType.STREAMS_BLOCKED_BIDI : FrameType.STREAMS_BLOCKED_UNI;
        }
    }

    /** NEW_CONNECTION_ID; always path 0 once multipath is negotiated (draft-21 §4.4). */
    record NewConnectionId(long sequence, long retirePriorTo, Bytes connectionId, Bytes resetToken)
            implements Frame {
        public NewConnectionId {
            Checks.newConnectionId(sequence, retirePriorTo, connectionId, resetToken);
        }

        @Override
        public FrameType type() {
            return FrameType.NEW_CONNECTION_ID;
        }
    }

    record RetireConnectionId(long sequence) implements Frame {
        public RetireConnectionId {
            Checks.varints(sequence);
        }

        @Override
        public FrameType type() {
            return FrameType.RETIRE_CONNECTION_ID;
        }
    }

    /** PATH_CHALLENGE; the 8 data bytes as a big-endian long, so the frame needs no array. */
    record PathChallenge(long data) implements Frame {
        @Override
        public FrameType type() {
            return FrameType.PATH_CHALLENGE;
        }
    }

    /** PATH_RESPONSE; the 8 data bytes as a big-endian long. */
    record PathResponse(long data) implements Frame {
        @Override
        public FrameType type() {
            return FrameType.PATH_RESPONSE;
        }
    }

    /** CONNECTION_CLOSE of the transport (0x1c), naming the frame type that caused it (0 if none). */
    record ConnectionClose(long errorCode, long frameType, Bytes reason) implements Frame {
        public ConnectionClose {
            Checks.varints(errorCode, frameType);
            Checks.notNull(reason);
        }

        @Override
        public FrameType type() {
            return FrameType.CONNECTION_CLOSE;
        }
    }

    /** CONNECTION_CLOSE of the application (0x1d). */
    record ApplicationClose(long errorCode, Bytes reason) implements Frame {
        public ApplicationClose {
            Checks.varints(errorCode);
            Checks.notNull(reason);
        }

        @Override
        public FrameType type() {
            return FrameType.CONNECTION_CLOSE_APP;
        }
    }

    record HandshakeDone() implements Frame {
        @Override
        public FrameType type() {
            return FrameType.HANDSHAKE_DONE;
        }
    }

    // ---- multipath frames (draft-21 §4) ----

    /** PATH_ACK (0x3e), or PATH_ACK_ECN (0x3f) when {@code ecn} is not null; ACK_MP in draft-06. */
    record PathAck(long pathId, long largest, long ackDelay, long firstRange, AckRanges ranges, EcnCounts ecn)
            implements Frame {
        public PathAck {
            Checks.varints(pathId);
            Checks.ackBody(largest, ackDelay, firstRange, ranges);
        }

        @Override
        public FrameType type() {
            return ecn == null ? FrameType.PATH_ACK : FrameType.PATH_ACK_ECN;
        }
    }

    /**
     * PATH_ABANDON. The reason phrase exists only in dialects before draft-11 (draft-06 here); it is empty
     * otherwise.
     */
    record PathAbandon(long pathId, long errorCode, Bytes reasonPhrase) implements Frame {
        public PathAbandon {
            Checks.varints(pathId, errorCode);
            Checks.notNull(reasonPhrase);
        }

        /** A PATH_ABANDON without reason phrase, as draft-11 and later send it. */
        public PathAbandon(long pathId, long errorCode) {
            this(pathId, errorCode, Bytes.EMPTY);
        }

        @Override
        public FrameType type() {
            return FrameType.PATH_ABANDON;
        }
    }

    /** PATH_STATUS_BACKUP (draft-21 0x3e76); PATH_STANDBY in draft-06. */
    record PathStatusBackup(long pathId, long sequence) implements Frame {
        public PathStatusBackup {
            Checks.varints(pathId, sequence);
        }

        @Override
        public FrameType type() {
            return FrameType.PATH_STATUS_BACKUP;
        }
    }

    /** PATH_STATUS_AVAILABLE (draft-21 0x3e77); PATH_AVAILABLE in draft-06. */
    record PathStatusAvailable(long pathId, long sequence) implements Frame {
        public PathStatusAvailable {
            Checks.varints(pathId, sequence);
        }

        @Override
        public FrameType type() {
            return FrameType.PATH_STATUS_AVAILABLE;
        }
    }

    record PathNewConnectionId(long pathId, long sequence, long retirePriorTo, Bytes connectionId,
            Bytes resetToken) implements Frame {
        public PathNewConnectionId {
            Checks.varints(pathId);
            Checks.newConnectionId(sequence, retirePriorTo, connectionId, resetToken);
        }

        @Override
        public FrameType type() {
            return FrameType.PATH_NEW_CONNECTION_ID;
        }
    }

    record PathRetireConnectionId(long pathId, long sequence) implements Frame {
        public PathRetireConnectionId {
            Checks.varints(pathId, sequence);
        }

        @Override
        public FrameType type() {
            return FrameType.PATH_RETIRE_CONNECTION_ID;
        }
    }

    /** MAX_PATH_ID. Values above 2^32-1 decode: rejecting them needs connection context. */
    record MaxPathId(long maximum) implements Frame {
        public MaxPathId {
            Checks.varints(maximum);
        }

        @Override
        public FrameType type() {
            return FrameType.MAX_PATH_ID;
        }
    }

    record PathsBlocked(long maximum) implements Frame {
        public PathsBlocked {
            Checks.varints(maximum);
        }

        @Override
        public FrameType type() {
            return FrameType.PATHS_BLOCKED;
        }
    }

    record PathCidsBlocked(long pathId, long nextSequence) implements Frame {
        public PathCidsBlocked {
            Checks.varints(pathId, nextSequence);
        }

        @Override
        public FrameType type() {
            return FrameType.PATH_CIDS_BLOCKED;
        }
    }
}
