package io.mpqc.ref.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Shared fixtures of the codec tests: hex helpers, decode helpers that fail loudly, and frame samples for
 * every frame kind. Not a test class itself.
 */
final class CodecFixtures {
    static final long MAX = Varint.MAX;
    static final long PATH_ID_MAX = (1L << 32) - 1;
    static final long PATH_ID_TOO_BIG = 1L << 32;

    /** Codepoints of the draft-21 multipath frames, written out from digest §1.2 / §2.2. */
    static final long[] DRAFT_21_CODEPOINTS = {0x3e, 0x3f, 0x3e75, 0x3e76, 0x3e77, 0x3e78, 0x3e79, 0x3e7a, 0x3e7b,
        0x3e7c};
    /** Codepoints of the draft-18 multipath frames, from digest appendix A. */
    static final long[] DRAFT_18_CODEPOINTS = {0x15228c00L, 0x15228c01L, 0x15228c05L, 0x15228c07L, 0x15228c08L,
        0x15228c09L, 0x15228c0aL, 0x15228c0cL, 0x15228c0dL, 0x15228c0eL};
    /** Codepoints of the draft-06 multipath frames (-1: no such frame), from digest appendix A. */
    static final long[] DRAFT_06_CODEPOINTS = {0x15228c00L, 0x15228c01L, 0x15228c05L, 0x15228c07L, 0x15228c08L,
        -1, -1, -1, -1, -1};
    /** The multipath kinds in the order of the codepoint arrays above. */
    static final FrameType[] MP_KINDS = {FrameType.PATH_ACK, FrameType.PATH_ACK_ECN, FrameType.PATH_ABANDON,
        FrameType.PATH_STATUS_BACKUP, FrameType.PATH_STATUS_AVAILABLE, FrameType.PATH_NEW_CONNECTION_ID,
        FrameType.PATH_RETIRE_CONNECTION_ID, FrameType.MAX_PATH_ID, FrameType.PATHS_BLOCKED,
        FrameType.PATH_CIDS_BLOCKED};

    static final Bytes CID8 = Bytes.ofHex("0102030405060708");
    static final Bytes TOKEN16 = Bytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");

    private CodecFixtures() {
    }

    /**
     * The ByteBuf shapes a decoder meets: heap (with and without an array offset), direct, and composite
     * (no single backing array, components split mid-input). Readers may take a different path for each.
     */
    enum BufferKind {
        HEAP, HEAP_SLICE, DIRECT, COMPOSITE;

        /**
         * A buffer holding all of {@code backing} (so bytes past the writer index really exist) with the given
         * reader and writer indexes.
         */
        ByteBuf wrap(byte[] backing, int readerIndex, int writerIndex) {
            ByteBuf buf = switch (this) {
                case HEAP -> Unpooled.wrappedBuffer(backing);
                case HEAP_SLICE -> {
                    byte[] shifted = new byte[backing.length + 5];
                    System.arraycopy(backing, 0, shifted, 5, backing.length);
                    yield Unpooled.wrappedBuffer(shifted).slice(5, backing.length);
                }
                case DIRECT -> Unpooled.directBuffer(backing.length).writeBytes(backing);
                case COMPOSITE -> {
                    int half = backing.length / 2;
                    yield Unpooled.wrappedBuffer(Arrays.copyOfRange(backing, 0, half),
                            Arrays.copyOfRange(backing, half, backing.length));
                }
            };
            return buf.setIndex(readerIndex, writerIndex);
        }
    }

    static byte[] hex(String s) {
        String compact = s.replace(" ", "");
        return HexFormat.of().parseHex(compact);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] repeat(int value, int count) {
        byte[] b = new byte[count];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** The expected codepoint table of {@code dialect}, written independently of {@link Dialect}. */
    static long[] expectedCodepoints(Dialect dialect) {
        return switch (dialect) {
            case DRAFT_21 -> DRAFT_21_CODEPOINTS;
            case DRAFT_18 -> DRAFT_18_CODEPOINTS;
            case DRAFT_06 -> DRAFT_06_CODEPOINTS;
        };
    }

    static long expectedCodepoint(Dialect dialect, FrameType kind) {
        for (int i = 0; i < MP_KINDS.length; i++) {
            if (MP_KINDS[i] == kind) {
                return expectedCodepoints(dialect)[i];
            }
        }
        throw new IllegalArgumentException("not multipath: " + kind);
    }

    /** Decodes {@code bytes} as exactly one frame: fails if the frame does not consume every byte. */
    static Frame decodeOne(Dialect dialect, Strictness strictness, byte[] bytes) throws FrameDecodeException {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        Frame f = new FrameDecoder(dialect, strictness).decode(buf);
        assertThat(buf.readableBytes()).as("bytes left after one frame of %s", hex(bytes)).isZero();
        return f;
    }

    static Frame decodeOne(Dialect dialect, byte[] bytes) throws FrameDecodeException {
        return decodeOne(dialect, Strictness.STRICT, bytes);
    }

    static Frame decodeOne(Dialect dialect, String hexBytes) throws FrameDecodeException {
        return decodeOne(dialect, Strictness.STRICT, hex(hexBytes));
    }

    /** Decodes every frame of {@code bytes} and returns the exception, failing if decoding succeeds. */
    static FrameDecodeException decodeError(Dialect dialect, Strictness strictness, byte[] bytes) {
        FrameDecoder decoder = new FrameDecoder(dialect, strictness);
        FrameDecodeException e = catchThrowableOfType(FrameDecodeException.class, () -> decoder.decodeAll(bytes));
        assertThat(e).as("decoding %s in %s must fail", hex(bytes), dialect).isNotNull();
        return e;
    }

    static FrameDecodeException decodeError(Dialect dialect, String hexBytes) {
        return decodeError(dialect, Strictness.STRICT, hex(hexBytes));
    }

    /** Asserts the error code, offset and frame type of a decode failure. */
    static void assertError(FrameDecodeException e, TransportError error, int offset, long frameType) {
        assertThat(e.error()).as("error of %s", e).isEqualTo(error);
        assertThat(e.offset()).as("offset of %s", e).isEqualTo(offset);
        assertThat(e.frameType()).as("frame type of %s", e).isEqualTo(frameType);
    }

    static byte[] encode(Dialect dialect, Frame frame) {
        return new FrameEncoder(dialect).encode(frame);
    }

    // ---- frame samples ----

    static Bytes bytes(String ascii) {
        return Bytes.of(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static Bytes cid(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (0xc0 + i);
        }
        return Bytes.of(b);
    }

    /**
     * One representative frame of {@code kind} for {@code dialect}, with multi-byte varints wherever a field
     * allows them so that truncation hits the inside of varints too. Null if the dialect lacks the kind.
     */
    static Frame sample(Dialect dialect, FrameType kind) {
        if (!dialect.supports(kind)) {
            return null;
        }
        return switch (kind) {
            case PADDING -> new Frame.Padding(3);
            case PING -> new Frame.Ping();
            case ACK -> new Frame.Ack(1000, 25, 3, AckRanges.of(2, 10, 0, 5), null);
            case ACK_ECN -> new Frame.Ack(1000, 25, 3, AckRanges.of(2, 10), new EcnCounts(17, 0, 300));
            case RESET_STREAM -> new Frame.ResetStream(4, 0x100, 70000);
            case STOP_SENDING -> new Frame.StopSending(8, 17);
            case CRYPTO -> new Frame.Crypto(1200, bytes("hello"));
            case NEW_TOKEN -> new Frame.NewToken(bytes("tok3n"));
            case STREAM -> new Frame.Stream(4, 1000, bytes("data"), true, true);
            case MAX_DATA -> new Frame.MaxData(1L << 40);
            case MAX_STREAM_DATA -> new Frame.MaxStreamData(4, 65536);
            case MAX_STREAMS_BIDI -> new Frame.MaxStreams(true, 100);
            case MAX_STREAMS_UNI -> new Frame.MaxStreams(false, 1L << 60);
            case DATA_BLOCKED -> new Frame.DataBlocked(16384);
            case STREAM_DATA_BLOCKED -> new Frame.StreamDataBlocked(8, 16383);
            case STREAMS_BLOCKED_BIDI -> new Frame.StreamsBlocked(true, 64);
            case STREAMS_BLOCKED_UNI -> new Frame.StreamsBlocked(false, 1L << 30);
            case NEW_CONNECTION_ID -> new Frame.NewConnectionId(70, 2, CID8, TOKEN16);
            case RETIRE_CONNECTION_ID -> new Frame.RetireConnectionId(300);
            case PATH_CHALLENGE -> new Frame.PathChallenge(0x0123456789abcdefL);
            case PATH_RESPONSE -> new Frame.PathResponse(0xfedcba9876543210L);
            case CONNECTION_CLOSE -> new Frame.ConnectionClose(0x0a, 0x3e75, bytes("bad"));
            case CONNECTION_CLOSE_APP -> new Frame.ApplicationClose(0x100, bytes("bye"));
            case HANDSHAKE_DONE -> new Frame.HandshakeDone();
            case PATH_ACK -> new Frame.PathAck(1, 5000, 10, 4, AckRanges.of(1, 2), null);
            case PATH_ACK_ECN -> new Frame.PathAck(70, 5000, 10, 4, AckRanges.of(1, 2), new EcnCounts(1, 2, 3));
            case PATH_ABANDON -> dialect.abandonHasReasonPhrase()
                    ? new Frame.PathAbandon(2, 0x1001d76d3ded42f3L, bytes("gone"))
                    : new Frame.PathAbandon(1, dialect == Dialect.DRAFT_18 ? 0x004150504142414eL : 0x3e76);
            case PATH_STATUS_BACKUP -> new Frame.PathStatusBackup(2, 700);
            case PATH_STATUS_AVAILABLE -> new Frame.PathStatusAvailable(2, 800);
            case PATH_NEW_CONNECTION_ID -> new Frame.PathNewConnectionId(100, 3, 1, CID8, TOKEN16);
            case PATH_RETIRE_CONNECTION_ID -> new Frame.PathRetireConnectionId(100, 0);
            case MAX_PATH_ID -> new Frame.MaxPathId(PATH_ID_MAX);
            case PATHS_BLOCKED -> new Frame.PathsBlocked(400);
            case PATH_CIDS_BLOCKED -> new Frame.PathCidsBlocked(3, 70000);
        };
    }

    /** A wider set of frames per kind, with boundary values, for round trips. */
    static List<Frame> variants(Dialect dialect) {
        List<Frame> out = new ArrayList<>();
        for (FrameType kind : FrameType.values()) {
            Frame s = sample(dialect, kind);
            if (s != null) {
                out.add(s);
            }
        }
        out.add(new Frame.Padding(1));
        out.add(new Frame.Padding(1200));
        out.add(new Frame.Ack(0, 0, 0, AckRanges.NONE, null));
        out.add(new Frame.Ack(MAX, MAX, MAX, AckRanges.NONE, new EcnCounts(MAX, MAX, MAX)));
        out.add(new Frame.Ack(MAX, 0, 0, AckRanges.of(MAX - 2, 0), null));
        out.add(new Frame.Ack(5, 0, 2, AckRanges.of(1, 0), new EcnCounts(0, 0, 0)));
        out.add(new Frame.ResetStream(MAX, MAX, MAX));
        out.add(new Frame.StopSending(0, 0));
        out.add(new Frame.Crypto(0, Bytes.EMPTY));
        out.add(new Frame.Crypto(MAX - 3, bytes("abc")));
        out.add(new Frame.Crypto(0, Bytes.of(repeat(0x5a, 300))));
        out.add(new Frame.NewToken(Bytes.of((byte) 0)));
        for (int bits = 0; bits < 8; bits++) {
            boolean off = (bits & 4) != 0;
            boolean len = (bits & 2) != 0;
            boolean fin = (bits & 1) != 0;
            out.add(new Frame.Stream(bits * 4L, off ? 64 : 0, bytes("s" + bits), fin, len));
        }
        out.add(new Frame.Stream(MAX, MAX, Bytes.EMPTY, true, true));
        out.add(new Frame.Stream(0, 0, Bytes.EMPTY, false, false));
        out.add(new Frame.MaxData(0));
        out.add(new Frame.MaxData(MAX));
        out.add(new Frame.MaxStreamData(MAX, MAX));
        out.add(new Frame.MaxStreams(true, 0));
        out.add(new Frame.MaxStreams(true, 1L << 60));
        out.add(new Frame.DataBlocked(MAX));
        out.add(new Frame.StreamDataBlocked(0, 0));
        out.add(new Frame.StreamsBlocked(true, 1L << 60));
        out.add(new Frame.StreamsBlocked(false, 0));
        out.add(new Frame.NewConnectionId(0, 0, cid(1), TOKEN16));
        out.add(new Frame.NewConnectionId(MAX, MAX, cid(20), TOKEN16));
        out.add(new Frame.RetireConnectionId(0));
        out.add(new Frame.RetireConnectionId(MAX));
        out.add(new Frame.PathChallenge(0));
        out.add(new Frame.PathChallenge(-1));
        out.add(new Frame.PathResponse(Long.MIN_VALUE));
        out.add(new Frame.ConnectionClose(0, 0, Bytes.EMPTY));
        out.add(new Frame.ConnectionClose(MAX, MAX, Bytes.of(repeat(0x41, 100))));
        out.add(new Frame.ApplicationClose(MAX, Bytes.EMPTY));
        if (dialect.supports(FrameType.PATH_ACK)) {
            out.add(new Frame.PathAck(0, 0, 0, 0, AckRanges.NONE, null));
            out.add(new Frame.PathAck(PATH_ID_MAX, 5, 0, 5, AckRanges.NONE, null));
            out.add(new Frame.PathAck(PATH_ID_TOO_BIG, 5, 0, 5, AckRanges.NONE, new EcnCounts(1, 0, 0)));
            out.add(new Frame.PathAck(MAX, MAX, MAX, 10, AckRanges.of(0, 0, 3, 7, MAX - 100, 0), null));
            out.add(new Frame.PathAbandon(0, 0));
            out.add(new Frame.PathAbandon(PATH_ID_MAX, MAX));
            out.add(new Frame.PathStatusBackup(0, 0));
            out.add(new Frame.PathStatusBackup(MAX, MAX));
            out.add(new Frame.PathStatusAvailable(0, 0));
            out.add(new Frame.PathStatusAvailable(PATH_ID_TOO_BIG, MAX));
        }
        if (dialect.abandonHasReasonPhrase()) {
            out.add(new Frame.PathAbandon(7, 0, Bytes.of(repeat(0x72, 70))));
        }
        if (dialect.supports(FrameType.MAX_PATH_ID)) {
            out.add(new Frame.PathNewConnectionId(0, 0, 0, cid(1), TOKEN16));
            out.add(new Frame.PathNewConnectionId(MAX, MAX, MAX, cid(20), TOKEN16));
            out.add(new Frame.PathRetireConnectionId(MAX, MAX));
            out.add(new Frame.MaxPathId(0));
            out.add(new Frame.MaxPathId(PATH_ID_TOO_BIG));
            out.add(new Frame.MaxPathId(MAX));
            out.add(new Frame.PathsBlocked(0));
            out.add(new Frame.PathsBlocked(MAX));
            out.add(new Frame.PathCidsBlocked(0, 0));
            out.add(new Frame.PathCidsBlocked(MAX, MAX));
        }
        return out;
    }
}
