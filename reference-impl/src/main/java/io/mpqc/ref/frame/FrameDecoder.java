package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.TransportError.FRAME_ENCODING_ERROR;
import static io.mpqc.ref.frame.TransportError.PROTOCOL_VIOLATION;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the frames of a packet payload for one {@link Dialect}. Strict by construction: every length is
 * checked against the bytes that remain before anything is read or allocated, so the decoder never reads
 * outside the slice it was given, and any input whatsoever yields frames or a {@link FrameDecodeException}
 * carrying the transport error code and offset. Rules that need connection context (path ID limits,
 * packet types, MAX_PATH_ID against the transport parameter) are left to the connection core.
 *
 * <p>Stateless and thread-safe.
 */
public final class FrameDecoder {
    private static final long[] NO_RANGES = new long[0];

    private final Dialect dialect;
    private final Strictness strictness;

    public FrameDecoder(Dialect dialect, Strictness strictness) {
        this.dialect = dialect;
        this.strictness = strictness;
    }

    public FrameDecoder(Dialect dialect) {
        this(dialect, Strictness.STRICT);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Decodes every frame in {@code payload}. */
    public List<Frame> decodeAll(byte[] payload) throws FrameDecodeException {
        return decodeAll(Unpooled.wrappedBuffer(payload));
    }

    /**
     * Decodes frames from the reader index to the writer index. Error offsets count from the reader index
     * at the call; on error the reader index is left at the start of the offending frame.
     */
    public List<Frame> decodeAll(ByteBuf in) throws FrameDecodeException {
        int base = in.readerIndex();
        List<Frame> frames = new ArrayList<>();
        while (in.isReadable()) {
            frames.add(decode(in, base));
        }
        return frames;
    }

    /** Decodes one frame at the reader index and advances past it. */
    public Frame decode(ByteBuf in) throws FrameDecodeException {
        return decode(in, in.readerIndex());
    }

    /**
     * Decodes one frame at the reader index; error offsets are reported relative to {@code base}. On error
     * the reader index is restored to the start of the frame.
     */
    public Frame decode(ByteBuf in, int base) throws FrameDecodeException {
        int start = in.readerIndex();
        try {
            return decodeFrame(in, base);
        } catch (FrameDecodeException e) {
            in.readerIndex(start);
            throw e;
        }
    }

    private Frame decodeFrame(ByteBuf in, int base) throws FrameDecodeException {
        int start = in.readerIndex();
        long type = Varint.read(in);
        if (type < 0) {
            throw error(FRAME_ENCODING_ERROR, start, base, -1, "frame type truncated");
        }
        int typeLength = in.readerIndex() - start;
        FrameType known = type < 0x1f ? null : dialect.multipathType(type);
        if (type >= 0x1f && known == null) {
            throw error(FRAME_ENCODING_ERROR, start, base, type,
                    "unknown frame type 0x" + Long.toHexString(type) + " in " + dialect.id());
        }
        if (strictness == Strictness.STRICT && typeLength != Varint.lengthOf(type)) {
            throw error(PROTOCOL_VIOLATION, start, base, type, "frame type 0x" + Long.toHexString(type)
                    + " encoded in " + typeLength + " bytes, not the shortest form");
        }
        if (known != null) {
            return decodeMultipath(known, type, in, base);
        }
        int t = (int) type;
        switch (t) {
            case 0x00:
                return padding(in);
            case 0x01:
                return new Frame.Ping();
            case 0x02:
            case 0x03: {
                long largest = varint(in, base, type, "Largest Acknowledged");
                long delay = varint(in, base, type, "ACK Delay");
                return ackBody(in, base, type, largest, delay, t == 0x03, -1);
            }
            case 0x04:
                return new Frame.ResetStream(varint(in, base, type, "Stream ID"),
                        varint(in, base, type, "Application Protocol Error Code"),
                        varint(in, base, type, "Final Size"));
            case 0x05:
                return new Frame.StopSending(varint(in, base, type, "Stream ID"),
                        varint(in, base, type, "Application Protocol Error Code"));
            case 0x06: {
                long offset = varint(in, base, type, "Offset");
                Bytes data = lengthPrefixed(in, base, type, "Crypto Data");
                checkEnd(offset, data, in, base, type);
                return new Frame.Crypto(offset, data);
            }
            case 0x07: {
                int at = in.readerIndex();
                Bytes token = lengthPrefixed(in, base, type, "Token");
                if (token.isEmpty()) {
                    throw error(FRAME_ENCODING_ERROR, at, base, type, "NEW_TOKEN with an empty token");
                }
                return new Frame.NewToken(token);
            }
            case 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f:
                return stream(t, in, base);
            case 0x10:
                return new Frame.MaxData(varint(in, base, type, "Maximum Data"));
            case 0x11:
                return new Frame.MaxStreamData(varint(in, base, type, "Stream ID"),
                        varint(in, base, type, "Maximum Stream Data"));
            case 0x12:
            case 0x13:
                return new Frame.MaxStreams(t == 0x12, streamCount(in, base, type, "Maximum Streams"));
            case 0x14:
                return new Frame.DataBlocked(varint(in, base, type, "Maximum Data"));
            case 0x15:
                return new Frame.StreamDataBlocked(varint(in, base, type, "Stream ID"),
                        varint(in, base, type, "Maximum Stream Data"));
            case 0x16:
            case 0x17:
                return new Frame.StreamsBlocked(t == 0x16, streamCount(in, base, type, "Maximum Streams"));
            case 0x18: {
                long seq = varint(in, base, type, "Sequence Number");
                int rptAt = in.readerIndex();
                long rpt = varint(in, base, type, "Retire Prior To");
                return newConnectionId(in, base, type, -1, seq, rpt, rptAt);
            }
            case 0x19:
                return new Frame.RetireConnectionId(varint(in, base, type, "Sequence Number"));
            case 0x1a:
                return new Frame.PathChallenge(eightBytes(in, base, type));
            case 0x1b:
                return new Frame.PathResponse(eightBytes(in, base, type));
            case 0x1c: {
                long code = varint(in, base, type, "Error Code");
                long frameType = varint(in, base, type, "Frame Type");
                return new Frame.ConnectionClose(code, frameType, lengthPrefixed(in, base, type, "Reason Phrase"));
            }
            case 0x1d: {
                long code = varint(in, base, type, "Error Code");
                return new Frame.ApplicationClose(code, lengthPrefixed(in, base, type, "Reason Phrase"));
            }
            case 0x1e:
                return new Frame.HandshakeDone();
            default:
                throw new AssertionError("unreachable frame type " + t);
        }
    }

    private Frame decodeMultipath(FrameType kind, long type, ByteBuf in, int base) throws FrameDecodeException {
        String path = dialect.pathsByDcidSequence() ? "DCID Sequence Number" : "Path Identifier";
        switch (kind) {
            case PATH_ACK:
            case PATH_ACK_ECN: {
                long pathId = varint(in, base, type, path);
                long largest = varint(in, base, type, "Largest Acknowledged");
                long delay = varint(in, base, type, "ACK Delay");
                return ackBody(in, base, type, largest, delay, kind == FrameType.PATH_ACK_ECN, pathId);
            }
            case PATH_ABANDON: {
                long pathId = varint(in, base, type, path);
                long code = varint(in, base, type, "Error Code");
                Bytes reason = dialect.abandonHasReasonPhrase()
                        ? lengthPrefixed(in, base, type, "Reason Phrase") : Bytes.EMPTY;
                return new Frame.PathAbandon(pathId, code, reason);
            }
            case PATH_STATUS_BACKUP:
                return new Frame.PathStatusBackup(varint(in, base, type, path),
                        varint(in, base, type, "Path Status Sequence Number"));
            case PATH_STATUS_AVAILABLE:
                return new Frame.PathStatusAvailable(varint(in, base, type, path),
                        varint(in, base, type, "Path Status Sequence Number"));
            case PATH_NEW_CONNECTION_ID: {
                long pathId = varint(in, base, type, path);
                long seq = varint(in, base, type, "Sequence Number");
                int rptAt = in.readerIndex();
                long rpt = varint(in, base, type, "Retire Prior To");
                return newConnectionId(in, base, type, pathId, seq, rpt, rptAt);
            }
            case PATH_RETIRE_CONNECTION_ID:
                return new Frame.PathRetireConnectionId(varint(in, base, type, path),
                        varint(in, base, type, "Sequence Number"));
            case MAX_PATH_ID:
                return new Frame.MaxPathId(varint(in, base, type, "Maximum Path Identifier"));
            case PATHS_BLOCKED:
                return new Frame.PathsBlocked(varint(in, base, type, "Maximum Path Identifier"));
            case PATH_CIDS_BLOCKED:
                return new Frame.PathCidsBlocked(varint(in, base, type, path),
                        varint(in, base, type, "Next Sequence Number"));
            default:
                throw new AssertionError("not a multipath frame: " + kind);
        }
    }

    private static Frame padding(ByteBuf in) {
        int idx = in.readerIndex();
        int end = in.writerIndex();
        int n = 1;
        while (idx < end && in.getByte(idx) == 0) {
            idx++;
            n++;
        }
        in.readerIndex(idx);
        return new Frame.Padding(n);
    }

    /** The ACK body after Largest Acknowledged and ACK Delay; {@code pathId} < 0 means a plain ACK. */
    private static Frame ackBody(ByteBuf in, int base, long type, long largest, long delay, boolean ecn,
            long pathId) throws FrameDecodeException {
        int countAt = in.readerIndex();
        long count = varint(in, base, type, "ACK Range Count");
        int firstAt = in.readerIndex();
        long first = varint(in, base, type, "First ACK Range");
        if (first > largest) {
            throw error(FRAME_ENCODING_ERROR, firstAt, base, type,
                    "First ACK Range " + first + " exceeds Largest Acknowledged " + largest);
        }
        // Each range takes at least two bytes: checking this first keeps a huge count from allocating.
        if (count > in.readableBytes() / 2) {
            throw error(FRAME_ENCODING_ERROR, countAt, base, type,
                    "ACK Range Count " + count + " exceeds the bytes left");
        }
        long[] pairs = count == 0 ? NO_RANGES : new long[(int) count * 2];
        long smallest = largest - first;
        for (int i = 0; i < pairs.length; i += 2) {
            int at = in.readerIndex();
            long gap = varint(in, base, type, "Gap");
            long len = varint(in, base, type, "ACK Range Length");
            long rangeLargest = smallest - gap - 2;
            smallest = rangeLargest - len;
            if (rangeLargest < 0 || smallest < 0) {
                throw error(FRAME_ENCODING_ERROR, at, base, type,
                        "ACK range " + (i / 2 + 1) + " reaches below packet number 0");
            }
            pairs[i] = gap;
            pairs[i + 1] = len;
        }
        EcnCounts counts = null;
        if (ecn) {
            counts = new EcnCounts(varint(in, base, type, "ECT0 Count"), varint(in, base, type, "ECT1 Count"),
                    varint(in, base, type, "ECN-CE Count"));
        }
        AckRanges ranges = AckRanges.adopt(pairs);
        return pathId < 0 ? new Frame.Ack(largest, delay, first, ranges, counts)
                : new Frame.PathAck(pathId, largest, delay, first, ranges, counts);
    }

    private static Frame stream(int t, ByteBuf in, int base) throws FrameDecodeException {
        long streamId = varint(in, base, t, "Stream ID");
        long offset = (t & 0x04) != 0 ? varint(in, base, t, "Offset") : 0;
        boolean explicitLength = (t & 0x02) != 0;
        Bytes data;
        if (explicitLength) {
            data = lengthPrefixed(in, base, t, "Stream Data");
        } else {
            data = Bytes.readFrom(in, in.readableBytes());
        }
        checkEnd(offset, data, in, base, t);
        return new Frame.Stream(streamId, offset, data, (t & 0x01) != 0, explicitLength);
    }

    private static Frame newConnectionId(ByteBuf in, int base, long type, long pathId, long seq, long rpt,
            int rptAt) throws FrameDecodeException {
        if (rpt > seq) {
            throw error(FRAME_ENCODING_ERROR, rptAt, base, type,
                    "Retire Prior To " + rpt + " exceeds Sequence Number " + seq);
        }
        int lenAt = in.readerIndex();
        if (!in.isReadable()) {
            throw error(FRAME_ENCODING_ERROR, lenAt, base, type, "Length truncated");
        }
        int len = in.readUnsignedByte();
        if (len < 1 || len > Checks.MAX_CID_LENGTH) {
            throw error(FRAME_ENCODING_ERROR, lenAt, base, type, "connection ID Length " + len + " not in 1..20");
        }
        if (in.readableBytes() < len + Checks.RESET_TOKEN_LENGTH) {
            throw error(FRAME_ENCODING_ERROR, in.readerIndex(), base, type,
                    "Connection ID and Stateless Reset Token truncated");
        }
        Bytes cid = Bytes.readFrom(in, len);
        Bytes token = Bytes.readFrom(in, Checks.RESET_TOKEN_LENGTH);
        return pathId < 0 ? new Frame.NewConnectionId(seq, rpt, cid, token)
                : new Frame.PathNewConnectionId(pathId, seq, rpt, cid, token);
    }

    private static long varint(ByteBuf in, int base, long type, String field) throws FrameDecodeException {
        long v = Varint.read(in);
        if (v < 0) {
            throw error(FRAME_ENCODING_ERROR, in.readerIndex(), base, type, field + " truncated");
        }
        return v;
    }

    private static long streamCount(ByteBuf in, int base, long type, String field) throws FrameDecodeException {
        int at = in.readerIndex();
        long v = varint(in, base, type, field);
        if (v > Checks.MAX_STREAM_COUNT) {
            throw error(FRAME_ENCODING_ERROR, at, base, type, field + " " + v + " exceeds 2^60");
        }
        return v;
    }

    private static Bytes lengthPrefixed(ByteBuf in, int base, long type, String field)
            throws FrameDecodeException {
        int at = in.readerIndex();
        // Not varint(in, base, type, field + " Length"): that concatenation would run for every frame, and
        // when escape analysis does not remove it, it allocates a String and its byte[] per STREAM frame.
        long len = Varint.read(in);
        if (len < 0) {
            throw error(FRAME_ENCODING_ERROR, in.readerIndex(), base, type, field + " Length truncated");
        }
        if (len > in.readableBytes()) {
            throw error(FRAME_ENCODING_ERROR, at, base, type,
                    field + " Length " + len + " exceeds the " + in.readableBytes() + " bytes left");
        }
        return Bytes.readFrom(in, (int) len);
    }

    private static long eightBytes(ByteBuf in, int base, long type) throws FrameDecodeException {
        if (in.readableBytes() < 8) {
            throw error(FRAME_ENCODING_ERROR, in.readerIndex(), base, type, "Data (8 bytes) truncated");
        }
        return in.readLong();
    }

    private static void checkEnd(long offset, Bytes data, ByteBuf in, int base, long type)
            throws FrameDecodeException {
        if (offset + data.length() > Varint.MAX) {
            throw error(FRAME_ENCODING_ERROR, in.readerIndex(), base, type, "data would end beyond offset 2^62-1");
        }
    }

    private static FrameDecodeException error(TransportError error, int index, int base, long type, String msg) {
        return new FrameDecodeException(error, index - base, type, msg);
    }
}
