package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.TransportError.FRAME_ENCODING_ERROR;
import static io.mpqc.ref.frame.TransportError.PROTOCOL_VIOLATION;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the frames of a packet payload for one {@link Dialect}. Strict by construction: every length is
 * checked against the bytes that remain before anything is read or allocated, so the decoder never reads
 * outside the slice it was given, and any input whatsoever yields frames or a {@link FrameDecodeException}
 * carrying the transport error code and offset. Rules that need connection context (path ID limits,
 * packet types, MAX_PATH_ID against the transport parameter) are left to the connection core.
 *
 * <p>Zero-copy on heap buffers: the byte fields of frames decoded from a buffer with an accessible array
 * (connection IDs, tokens, stream and crypto data, reason phrases) are {@link Bytes} views of that array,
 * so decoding allocates the frame objects and nothing else. Keep the buffer's bytes unchanged while the
 * frames are in use, or {@link Bytes#compact} what outlives it. Other buffers (direct, composite) are
 * copied from.
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
        if (in.hasArray()) {
            // The array, its offset and the end are fixed for the whole payload: look them up once.
            byte[] a = in.array();
            int off = in.arrayOffset();
            int end = off + in.writerIndex();
            int rel = off + base;
            for (int p = off + base; p < end; p = off + in.readerIndex()) {
                frames.add(decodeAt(in, a, p, end, off, rel));
            }
            return frames;
        }
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
        if (in.hasArray()) {
            return decodeArray(in, base);
        }
        int start = in.readerIndex();
        try {
            return decodeFrame(in, base);
        } catch (FrameDecodeException e) {
            in.readerIndex(start);
            throw e;
        }
    }

    // ---- Heap buffers: decoded straight from the backing array ----
    //
    // Same rules, messages and offsets as the ByteBuf path below (the tests run every case on heap, sliced,
    // direct and composite buffers), but every read is a plain array access with a local int cursor between
    // the reader and writer index, instead of a checked ByteBuf accessor per byte or field. The reader index
    // is set once per frame, on success only, so on error it still sits at the start of the frame. Array
    // positions p become error offsets as p - rel, with rel = arrayOffset + base.

    private static final VarHandle SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Frame decodeArray(ByteBuf in, int base) throws FrameDecodeException {
        int ri = in.readerIndex();
        int wi = in.writerIndex();
        if (ri >= wi) {
            throw error(FRAME_ENCODING_ERROR, ri - base, -1, "frame type truncated");
        }
        int off = in.arrayOffset();
        return decodeAt(in, in.array(), off + ri, off + wi, off, off + base);
    }

    /** The frame at array position {@code p}, which is before {@code end}. */
    private Frame decodeAt(ByteBuf in, byte[] a, int p, int end, int off, int rel) throws FrameDecodeException {
        int first = a[p] & 0xff;
        if (first < 0x1f) {
            return rfc9000(in, a, p + 1, end, off, rel, first);
        }
        return otherType(in, a, p, end, off, rel);
    }

    /** A frame type that is multipath, unknown, or not in its shortest (one-byte) form. */
    private Frame otherType(ByteBuf in, byte[] a, int start, int end, int off, int rel)
            throws FrameDecodeException {
        if (!fits(a, start, end)) {
            throw error(FRAME_ENCODING_ERROR, start - rel, -1, "frame type truncated");
        }
        long type = varintAt(a, start);
        int typeLength = next(a, start) - start;
        FrameType known = type < 0x1f ? null : dialect.multipathType(type);
        if (type >= 0x1f && known == null) {
            throw error(FRAME_ENCODING_ERROR, start - rel, type,
                    "unknown frame type 0x" + Long.toHexString(type) + " in " + dialect.id());
        }
        if (strictness == Strictness.STRICT && typeLength != Varint.lengthOf(type)) {
            throw error(PROTOCOL_VIOLATION, start - rel, type, "frame type 0x" + Long.toHexString(type)
                    + " encoded in " + typeLength + " bytes, not the shortest form");
        }
        int p = start + typeLength;
        if (known != null) {
            return multipath(known, type, in, a, p, end, off, rel);
        }
        return rfc9000(in, a, p, end, off, rel, (int) type);
    }

    /** The RFC 9000 frame of type {@code t} (0x00 to 0x1e) whose body starts at {@code p}. */
    private static Frame rfc9000(ByteBuf in, byte[] a, int p, int end, int off, int rel, int t)
            throws FrameDecodeException {
        switch (t) {
            case 0x00:
                return padding(in, a, p, end, off);
            case 0x01:
                return done(in, p, off, new Frame.Ping());
            case 0x02:
            case 0x03:
                return ack(in, a, p, end, off, rel, t, t == 0x03, -1);
            case 0x04:
                return resetStream(in, a, p, end, off, rel, t);
            case 0x05:
                return stopSending(in, a, p, end, off, rel, t);
            case 0x06:
                return crypto(in, a, p, end, off, rel, t);
            case 0x07:
                return newToken(in, a, p, end, off, rel, t);
            case 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f:
                return stream(in, a, p, end, off, rel, t);
            case 0x10:
            case 0x14:
            case 0x19: {
                long v = varint(a, p, end, rel, t, t == 0x19 ? "Sequence Number" : "Maximum Data");
                p = next(a, p);
                Frame f = t == 0x10 ? new Frame.MaxData(v)
                        : t == 0x14 ? new Frame.DataBlocked(v) : new Frame.RetireConnectionId(v);
                return done(in, p, off, f);
            }
            case 0x11:
            case 0x15:
                return streamIdAndMaximum(in, a, p, end, off, rel, t);
            case 0x12:
            case 0x13:
            case 0x16:
            case 0x17: {
                long v = streamCount(a, p, end, rel, t);
                p = next(a, p);
                Frame f = t <= 0x13 ? new Frame.MaxStreams(t == 0x12, v) : new Frame.StreamsBlocked(t == 0x16, v);
                return done(in, p, off, f);
            }
            case 0x18:
                return newConnectionId(in, a, p, end, off, rel, t, -1);
            case 0x1a:
            case 0x1b: {
                if (end - p < 8) {
                    throw error(FRAME_ENCODING_ERROR, p - rel, t, "Data (8 bytes) truncated");
                }
                long data = (long) LONG.get(a, p);
                Frame f = t == 0x1a ? new Frame.PathChallenge(data) : new Frame.PathResponse(data);
                return done(in, p + 8, off, f);
            }
            case 0x1c:
            case 0x1d:
                return close(in, a, p, end, off, rel, t);
            case 0x1e:
                return done(in, p, off, new Frame.HandshakeDone());
            default:
                throw new AssertionError("unreachable frame type " + t);
        }
    }

    /** Sets the reader index past the frame; the frame is built first so that nothing moves on error. */
    private static Frame done(ByteBuf in, int p, int off, Frame frame) {
        in.readerIndex(p - off);
        return frame;
    }

    private static Frame padding(ByteBuf in, byte[] a, int p, int end, int off) {
        int n = 1;
        while (p < end && a[p] == 0) {
            p++;
            n++;
        }
        return done(in, p, off, new Frame.Padding(n));
    }

    private static Frame resetStream(ByteBuf in, byte[] a, int p, int end, int off, int rel, long type)
            throws FrameDecodeException {
        long streamId = varint(a, p, end, rel, type, "Stream ID");
        p = next(a, p);
        long code = varint(a, p, end, rel, type, "Application Protocol Error Code");
        p = next(a, p);
        long finalSize = varint(a, p, end, rel, type, "Final Size");
        p = next(a, p);
        return done(in, p, off, new Frame.ResetStream(streamId, code, finalSize));
    }

    private static Frame stopSending(ByteBuf in, byte[] a, int p, int end, int off, int rel, long type)
            throws FrameDecodeException {
        long streamId = varint(a, p, end, rel, type, "Stream ID");
        p = next(a, p);
        long code = varint(a, p, end, rel, type, "Application Protocol Error Code");
        p = next(a, p);
        return done(in, p, off, new Frame.StopSending(streamId, code));
    }

    private static Frame crypto(ByteBuf in, byte[] a, int p, int end, int off, int rel, long type)
            throws FrameDecodeException {
        long offset = varint(a, p, end, rel, type, "Offset");
        p = next(a, p);
        Bytes data = lengthPrefixed(a, p, end, rel, type, "Crypto Data");
        p = next(a, p) + data.length();
        checkEnd(offset, data, p, rel, type);
        return done(in, p, off, new Frame.Crypto(offset, data));
    }

    private static Frame newToken(ByteBuf in, byte[] a, int p, int end, int off, int rel, long type)
            throws FrameDecodeException {
        Bytes token = lengthPrefixed(a, p, end, rel, type, "Token");
        if (token.isEmpty()) {
            throw error(FRAME_ENCODING_ERROR, p - rel, type, "NEW_TOKEN with an empty token");
        }
        return done(in, next(a, p) + token.length(), off, new Frame.NewToken(token));
    }

    private static Frame stream(ByteBuf in, byte[] a, int p, int end, int off, int rel, int t)
            throws FrameDecodeException {
        long streamId = varint(a, p, end, rel, t, "Stream ID");
        p = next(a, p);
        long offset = 0;
        if ((t & 0x04) != 0) {
            offset = varint(a, p, end, rel, t, "Offset");
            p = next(a, p);
        }
        boolean explicitLength = (t & 0x02) != 0;
        Bytes data;
        if (explicitLength) {
            data = lengthPrefixed(a, p, end, rel, t, "Stream Data");
            p = next(a, p);
        } else {
            data = Bytes.view(a, p, end - p);
        }
        p += data.length();
        checkEnd(offset, data, p, rel, t);
        return done(in, p, off, new Frame.Stream(streamId, offset, data, (t & 0x01) != 0, explicitLength));
    }

    private static Frame streamIdAndMaximum(ByteBuf in, byte[] a, int p, int end, int off, int rel, int t)
            throws FrameDecodeException {
        long streamId = varint(a, p, end, rel, t, "Stream ID");
        p = next(a, p);
        long maximum = varint(a, p, end, rel, t, "Maximum Stream Data");
        p = next(a, p);
        Frame f = t == 0x11 ? new Frame.MaxStreamData(streamId, maximum)
                : new Frame.StreamDataBlocked(streamId, maximum);
        return done(in, p, off, f);
    }

    private static long streamCount(byte[] a, int p, int end, int rel, long type) throws FrameDecodeException {
        long v = varint(a, p, end, rel, type, "Maximum Streams");
        if (v > Checks.MAX_STREAM_COUNT) {
            throw error(FRAME_ENCODING_ERROR, p - rel, type, "Maximum Streams " + v + " exceeds 2^60");
        }
        return v;
    }

    private static Frame close(ByteBuf in, byte[] a, int p, int end, int off, int rel, int t)
            throws FrameDecodeException {
        long code = varint(a, p, end, rel, t, "Error Code");
        p = next(a, p);
        long frameType = 0;
        if (t == 0x1c) {
            frameType = varint(a, p, end, rel, t, "Frame Type");
            p = next(a, p);
        }
        Bytes reason = lengthPrefixed(a, p, end, rel, t, "Reason Phrase");
        p = next(a, p) + reason.length();
        Frame f = t == 0x1c ? new Frame.ConnectionClose(code, frameType, reason)
                : new Frame.ApplicationClose(code, reason);
        return done(in, p, off, f);
    }

    /** ACK or PATH_ACK from Largest Acknowledged on; {@code pathId} < 0 means a plain ACK. */
    private static Frame ack(ByteBuf in, byte[] a, int p, int end, int off, int rel, long type, boolean ecn,
            long pathId) throws FrameDecodeException {
        long largest = varint(a, p, end, rel, type, "Largest Acknowledged");
        p = next(a, p);
        long delay = varint(a, p, end, rel, type, "ACK Delay");
        p = next(a, p);
        int countAt = p;
        long count = varint(a, p, end, rel, type, "ACK Range Count");
        p = next(a, p);
        int firstAt = p;
        long first = varint(a, p, end, rel, type, "First ACK Range");
        p = next(a, p);
        if (first > largest) {
            throw firstRangeTooLarge(firstAt - rel, type, first, largest);
        }
        // Each range takes at least two bytes: checking this first keeps a huge count from allocating.
        if (count > (end - p) / 2) {
            throw rangeCountTooLarge(countAt - rel, type, count);
        }
        AckRanges ranges = AckRanges.NONE;
        if (count != 0) {
            // Constant lengths for the common counts: the JIT zeroes those inline instead of by a loop.
            long[] pairs = count == 1 ? new long[2] : count == 2 ? new long[4] : new long[(int) count * 2];
            long smallest = largest - first;
            for (int i = 0; i < pairs.length; i += 2) {
                int at = p;
                long gap = varint(a, p, end, rel, type, "Gap");
                p = next(a, p);
                long len = varint(a, p, end, rel, type, "ACK Range Length");
                p = next(a, p);
                long rangeLargest = smallest - gap - 2;
                smallest = rangeLargest - len;
                if (rangeLargest < 0 || smallest < 0) {
                    throw rangeBelowZero(at - rel, type, i / 2 + 1);
                }
                pairs[i] = gap;
                pairs[i + 1] = len;
            }
            ranges = AckRanges.adopt(pairs);
        }
        EcnCounts counts = null;
        if (ecn) {
            long ect0 = varint(a, p, end, rel, type, "ECT0 Count");
            p = next(a, p);
            long ect1 = varint(a, p, end, rel, type, "ECT1 Count");
            p = next(a, p);
            long ce = varint(a, p, end, rel, type, "ECN-CE Count");
            p = next(a, p);
            counts = new EcnCounts(ect0, ect1, ce);
        }
        Frame f = pathId < 0 ? new Frame.Ack(largest, delay, first, ranges, counts)
                : new Frame.PathAck(pathId, largest, delay, first, ranges, counts);
        return done(in, p, off, f);
    }

    // The ACK errors, out of line so that ack() stays small enough for the JIT to inline.
    private static FrameDecodeException firstRangeTooLarge(int offset, long type, long first, long largest) {
        return error(FRAME_ENCODING_ERROR, offset, type,
                "First ACK Range " + first + " exceeds Largest Acknowledged " + largest);
    }

    private static FrameDecodeException rangeCountTooLarge(int offset, long type, long count) {
        return error(FRAME_ENCODING_ERROR, offset, type, "ACK Range Count " + count + " exceeds the bytes left");
    }

    private static FrameDecodeException rangeBelowZero(int offset, long type, int range) {
        return error(FRAME_ENCODING_ERROR, offset, type, "ACK range " + range + " reaches below packet number 0");
    }

    /** NEW_CONNECTION_ID or PATH_NEW_CONNECTION_ID from Sequence Number on; {@code pathId} < 0 means the former. */
    private static Frame newConnectionId(ByteBuf in, byte[] a, int p, int end, int off, int rel, long type,
            long pathId) throws FrameDecodeException {
        long seq = varint(a, p, end, rel, type, "Sequence Number");
        p = next(a, p);
        int rptAt = p;
        long rpt = varint(a, p, end, rel, type, "Retire Prior To");
        p = next(a, p);
        if (rpt > seq) {
            throw error(FRAME_ENCODING_ERROR, rptAt - rel, type,
                    "Retire Prior To " + rpt + " exceeds Sequence Number " + seq);
        }
        if (p >= end) {
            throw error(FRAME_ENCODING_ERROR, p - rel, type, "Length truncated");
        }
        int len = a[p] & 0xff;
        if (len < 1 || len > Checks.MAX_CID_LENGTH) {
            throw error(FRAME_ENCODING_ERROR, p - rel, type, "connection ID Length " + len + " not in 1..20");
        }
        p++;
        if (end - p < len + Checks.RESET_TOKEN_LENGTH) {
            throw error(FRAME_ENCODING_ERROR, p - rel, type, "Connection ID and Stateless Reset Token truncated");
        }
        Bytes cid = Bytes.view(a, p, len);
        Bytes token = Bytes.view(a, p + len, Checks.RESET_TOKEN_LENGTH);
        p += len + Checks.RESET_TOKEN_LENGTH;
        Frame f = pathId < 0 ? new Frame.NewConnectionId(seq, rpt, cid, token)
                : new Frame.PathNewConnectionId(pathId, seq, rpt, cid, token);
        return done(in, p, off, f);
    }

    private Frame multipath(FrameType kind, long type, ByteBuf in, byte[] a, int p, int end, int off, int rel)
            throws FrameDecodeException {
        String path = dialect.pathsByDcidSequence() ? "DCID Sequence Number" : "Path Identifier";
        long pathId = varint(a, p, end, rel, type, kind == FrameType.MAX_PATH_ID || kind == FrameType.PATHS_BLOCKED
                ? "Maximum Path Identifier" : path);
        p = next(a, p);
        switch (kind) {
            case PATH_ACK:
            case PATH_ACK_ECN:
                return ack(in, a, p, end, off, rel, type, kind == FrameType.PATH_ACK_ECN, pathId);
            case PATH_ABANDON: {
                long code = varint(a, p, end, rel, type, "Error Code");
                p = next(a, p);
                Bytes reason = Bytes.EMPTY;
                if (dialect.abandonHasReasonPhrase()) {
                    reason = lengthPrefixed(a, p, end, rel, type, "Reason Phrase");
                    p = next(a, p) + reason.length();
                }
                return done(in, p, off, new Frame.PathAbandon(pathId, code, reason));
            }
            case PATH_STATUS_BACKUP:
            case PATH_STATUS_AVAILABLE: {
                long seq = varint(a, p, end, rel, type, "Path Status Sequence Number");
                p = next(a, p);
                Frame f = kind == FrameType.PATH_STATUS_BACKUP ? new Frame.PathStatusBackup(pathId, seq)
                        : new Frame.PathStatusAvailable(pathId, seq);
                return done(in, p, off, f);
            }
            case PATH_NEW_CONNECTION_ID:
                return newConnectionId(in, a, p, end, off, rel, type, pathId);
            case PATH_RETIRE_CONNECTION_ID:
            case PATH_CIDS_BLOCKED: {
                boolean retire = kind == FrameType.PATH_RETIRE_CONNECTION_ID;
                long seq = varint(a, p, end, rel, type, retire ? "Sequence Number" : "Next Sequence Number");
                p = next(a, p);
                Frame f = retire ? new Frame.PathRetireConnectionId(pathId, seq)
                        : new Frame.PathCidsBlocked(pathId, seq);
                return done(in, p, off, f);
            }
            case MAX_PATH_ID:
                return done(in, p, off, new Frame.MaxPathId(pathId));
            case PATHS_BLOCKED:
                return done(in, p, off, new Frame.PathsBlocked(pathId));
            default:
                throw new AssertionError("not a multipath frame: " + kind);
        }
    }

    /**
     * The varint at {@code p}, which must end by {@code end}; otherwise "{@code field} truncated" at
     * {@code p}. The caller moves past it with {@link #next}.
     */
    private static long varint(byte[] a, int p, int end, int rel, long type, String field)
            throws FrameDecodeException {
        if (!fits(a, p, end)) {
            throw error(FRAME_ENCODING_ERROR, p - rel, type, field + " truncated");
        }
        return varintAt(a, p);
    }

    /** True when a whole varint starts at {@code p} and ends by {@code end}. */
    private static boolean fits(byte[] a, int p, int end) {
        return p < end && end - p >= 1 << ((a[p] & 0xff) >>> 6);
    }

    /** The varint at {@code p}, known to fit. */
    private static long varintAt(byte[] a, int p) {
        int b = a[p];
        switch ((b & 0xff) >>> 6) {
            case 0:
                return b;
            case 1:
                return (short) SHORT.get(a, p) & 0x3fff;
            case 2:
                return (int) INT.get(a, p) & 0x3fffffffL;
            default:
                return (long) LONG.get(a, p) & Varint.MAX;
        }
    }

    /** The position after the varint at {@code p}. */
    private static int next(byte[] a, int p) {
        return p + (1 << ((a[p] & 0xff) >>> 6));
    }

    /**
     * A length-prefixed field whose Length varint starts at {@code p}; the data ends at
     * {@code next(a, p) + length}.
     */
    private static Bytes lengthPrefixed(byte[] a, int p, int end, int rel, long type, String field)
            throws FrameDecodeException {
        if (!fits(a, p, end)) {
            throw error(FRAME_ENCODING_ERROR, p - rel, type, field + " Length truncated");
        }
        long len = varintAt(a, p);
        int data = next(a, p);
        if (len > end - data) {
            throw error(FRAME_ENCODING_ERROR, p - rel, type,
                    field + " Length " + len + " exceeds the " + (end - data) + " bytes left");
        }
        return Bytes.view(a, data, (int) len);
    }

    private static void checkEnd(long offset, Bytes data, int p, int rel, long type) throws FrameDecodeException {
        if (offset + data.length() > Varint.MAX) {
            throw error(FRAME_ENCODING_ERROR, p - rel, type, "data would end beyond offset 2^62-1");
        }
    }

    // ---- Other buffers (direct, composite, read-only): through the ByteBuf accessors ----

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

    private static FrameDecodeException error(TransportError error, int offset, long type, String msg) {
        return new FrameDecodeException(error, offset, type, msg);
    }
}
