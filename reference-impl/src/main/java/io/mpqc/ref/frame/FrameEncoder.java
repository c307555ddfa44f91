package io.mpqc.ref.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * Writes frames in the canonical form of one {@link Dialect}: minimal varints, the STREAM OFF bit only
 * for a non-zero offset. A frame the dialect cannot express (MAX_PATH_ID in draft-06, a reason phrase in
 * a draft-21 PATH_ABANDON) is an {@link IllegalArgumentException}: the encoder never writes something the
 * decoder of the same dialect would read differently. Stateless and thread-safe.
 */
public final class FrameEncoder {
    private final Dialect dialect;

    public FrameEncoder(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The frame's bytes. */
    public byte[] encode(Frame frame) {
        ByteBuf buf = Unpooled.buffer(64);
        encode(frame, buf);
        return ByteBufUtil.getBytes(buf);
    }

    /** The bytes of several frames, one after the other, as a packet payload. */
    public byte[] encodeAll(List<? extends Frame> frames) {
        ByteBuf buf = Unpooled.buffer(64 * Math.max(1, frames.size()));
        for (Frame f : frames) {
            encode(f, buf);
        }
        return ByteBufUtil.getBytes(buf);
    }

    /** Appends the frame at the writer index. */
    public void encode(Frame frame, ByteBuf out) {
        FrameType type = frame.type();
        switch (type) {
            case PADDING -> out.writeZero(((Frame.Padding) frame).length());
            case PING, HANDSHAKE_DONE -> writeType(type, out);
            case ACK, ACK_ECN -> {
                Frame.Ack f = (Frame.Ack) frame;
                writeType(type, out);
                Varint.write(out, f.largest());
                Varint.write(out, f.ackDelay());
                ackRest(f.firstRange(), f.ranges(), f.ecn(), out);
            }
            case RESET_STREAM -> {
                Frame.ResetStream f = (Frame.ResetStream) frame;
                writeType(type, out);
                Varint.write(out, f.streamId());
                Varint.write(out, f.errorCode());
                Varint.write(out, f.finalSize());
            }
            case STOP_SENDING -> {
                Frame.StopSending f = (Frame.StopSending) frame;
                writeType(type, out);
                Varint.write(out, f.streamId());
                Varint.write(out, f.errorCode());
            }
            case CRYPTO -> {
                Frame.Crypto f = (Frame.Crypto) frame;
                writeType(type, out);
                Varint.write(out, f.offset());
                lengthPrefixed(f.data(), out);
            }
            case NEW_TOKEN -> {
                writeType(type, out);
                lengthPrefixed(((Frame.NewToken) frame).token(), out);
            }
            case STREAM -> stream((Frame.Stream) frame, out);
            case MAX_DATA -> oneValue(type, ((Frame.MaxData) frame).maximum(), out);
            case MAX_STREAM_DATA -> {
                Frame.MaxStreamData f = (Frame.MaxStreamData) frame;
                writeType(type, out);
                Varint.write(out, f.streamId());
                Varint.write(out, f.maximum());
            }
            case MAX_STREAMS_BIDI, MAX_STREAMS_UNI -> oneValue(type, ((Frame.MaxStreams) frame).maximum(), out);
            case DATA_BLOCKED -> oneValue(type, ((Frame.DataBlocked) frame).limit(), out);
            case STREAM_DATA_BLOCKED -> {
                Frame.StreamDataBlocked f = (Frame.StreamDataBlocked) frame;
                writeType(type, out);
                Varint.write(out, f.streamId());
                Varint.write(out, f.limit());
            }
            case STREAMS_BLOCKED_BIDI, STREAMS_BLOCKED_UNI ->
                    oneValue(type, ((Frame.StreamsBlocked) frame).limit(), out);
            case NEW_CONNECTION_ID -> {
                Frame.NewConnectionId f = (Frame.NewConnectionId) frame;
                writeType(type, out);
                cidBody(f.sequence(), f.retirePriorTo(), f.connectionId(), f.resetToken(), out);
            }
            case RETIRE_CONNECTION_ID -> oneValue(type, ((Frame.RetireConnectionId) frame).sequence(), out);
            case PATH_CHALLENGE -> {
                writeType(type, out);
                out.writeLong(((Frame.PathChallenge) frame).data());
            }
            case PATH_RESPONSE -> {
                writeType(type, out);
                out.writeLong(((Frame.PathResponse) frame).data());
            }
            case CONNECTION_CLOSE -> {
                Frame.ConnectionClose f = (Frame.ConnectionClose) frame;
                writeType(type, out);
                Varint.write(out, f.errorCode());
                Varint.write(out, f.frameType());
                lengthPrefixed(f.reason(), out);
            }
            case CONNECTION_CLOSE_APP -> {
                Frame.ApplicationClose f = (Frame.ApplicationClose) frame;
                writeType(type, out);
                Varint.write(out, f.errorCode());
                lengthPrefixed(f.reason(), out);
            }
            case PATH_ACK, PATH_ACK_ECN -> {
                Frame.PathAck f = (Frame.PathAck) frame;
                writeType(type, out);
                Varint.write(out, f.pathId());
                Varint.write(out, f.largest());
                Varint.write(out, f.ackDelay());
                ackRest(f.firstRange(), f.ranges(), f.ecn(), out);
            }
            case PATH_ABANDON -> pathAbandon((Frame.PathAbandon) frame, out);
            case PATH_STATUS_BACKUP -> {
                Frame.PathStatusBackup f = (Frame.PathStatusBackup) frame;
                twoValues(type, f.pathId(), f.sequence(), out);
            }
            case PATH_STATUS_AVAILABLE -> {
                Frame.PathStatusAvailable f = (Frame.PathStatusAvailable) frame;
                twoValues(type, f.pathId(), f.sequence(), out);
            }
            case PATH_NEW_CONNECTION_ID -> {
                Frame.PathNewConnectionId f = (Frame.PathNewConnectionId) frame;
                writeType(type, out);
                Varint.write(out, f.pathId());
                cidBody(f.sequence(), f.retirePriorTo(), f.connectionId(), f.resetToken(), out);
            }
            case PATH_RETIRE_CONNECTION_ID -> {
                Frame.PathRetireConnectionId f = (Frame.PathRetireConnectionId) frame;
                twoValues(type, f.pathId(), f.sequence(), out);
            }
            case MAX_PATH_ID -> oneValue(type, ((Frame.MaxPathId) frame).maximum(), out);
            case PATHS_BLOCKED -> oneValue(type, ((Frame.PathsBlocked) frame).maximum(), out);
            case PATH_CIDS_BLOCKED -> {
                Frame.PathCidsBlocked f = (Frame.PathCidsBlocked) frame;
                twoValues(type, f.pathId(), f.nextSequence(), out);
            }
            default -> throw new AssertionError("unhandled frame type " + type);
        }
    }

    private void writeType(FrameType type, ByteBuf out) {
        long code = dialect.codepoint(type);
        if (code < 0) {
            throw new IllegalArgumentException(type + " does not exist in " + dialect.id());
        }
        Varint.write(out, code);
    }

    private void oneValue(FrameType type, long value, ByteBuf out) {
        writeType(type, out);
        Varint.write(out, value);
    }

    private void twoValues(FrameType type, long a, long b, ByteBuf out) {
        writeType(type, out);
        Varint.write(out, a);
        Varint.write(out, b);
    }

    private static void ackRest(long firstRange, AckRanges ranges, EcnCounts ecn, ByteBuf out) {
        Varint.write(out, ranges.count());
        Varint.write(out, firstRange);
        for (int i = 0; i < ranges.count(); i++) {
            Varint.write(out, ranges.gap(i));
            Varint.write(out, ranges.length(i));
        }
        if (ecn != null) {
            Varint.write(out, ecn.ect0());
            Varint.write(out, ecn.ect1());
            Varint.write(out, ecn.ce());
        }
    }

    private static void cidBody(long seq, long rpt, Bytes cid, Bytes token, ByteBuf out) {
        Varint.write(out, seq);
        Varint.write(out, rpt);
        out.writeByte(cid.length());
        cid.writeTo(out);
        token.writeTo(out);
    }

    private static void lengthPrefixed(Bytes data, ByteBuf out) {
        Varint.write(out, data.length());
        data.writeTo(out);
    }

    private void stream(Frame.Stream f, ByteBuf out) {
        int type = 0x08 | (f.offset() != 0 ? 0x04 : 0) | (f.explicitLength() ? 0x02 : 0) | (f.fin() ? 0x01 : 0);
        Varint.write(out, type);
        Varint.write(out, f.streamId());
        if (f.offset() != 0) {
            Varint.write(out, f.offset());
        }
        if (f.explicitLength()) {
            Varint.write(out, f.data().length());
        }
        f.data().writeTo(out);
    }

    private void pathAbandon(Frame.PathAbandon f, ByteBuf out) {
        if (!dialect.abandonHasReasonPhrase() && !f.reasonPhrase().isEmpty()) {
            throw new IllegalArgumentException("PATH_ABANDON has no reason phrase in " + dialect.id());
        }
        writeType(FrameType.PATH_ABANDON, out);
        Varint.write(out, f.pathId());
        Varint.write(out, f.errorCode());
        if (dialect.abandonHasReasonPhrase()) {
            lengthPrefixed(f.reasonPhrase(), out);
        }
    }
}
