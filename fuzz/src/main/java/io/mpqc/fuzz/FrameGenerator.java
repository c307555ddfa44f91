package io.mpqc.fuzz;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.frame.Varint;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds frames of every kind a dialect has from fuzzer bytes. Field values lean towards what makes a
 * connection react (small path IDs and sequence numbers, values at the path ID limits, connection IDs
 * from a small pool so that they collide) while any varint remains reachable. Every frame built is valid
 * on the wire (the records' own invariants hold), so what the connection sees could come from a peer.
 */
final class FrameGenerator {
    /** Path IDs above this are not valid in a packet context (draft-21 §2.1: 32 bits). */
    static final long MAX_PATH_ID = 0xFFFF_FFFFL;

    static final int CID_POOL_SIZE = 10;
    static final int TOKEN_POOL_SIZE = 3;
    private static final Bytes[] CID_POOL = new Bytes[CID_POOL_SIZE];
    private static final Bytes[] TOKEN_POOL = new Bytes[TOKEN_POOL_SIZE];

    static {
        for (int i = 0; i < 8; i++) {
            byte[] b = new byte[8];
            for (int j = 0; j < b.length; j++) {
                b[j] = (byte) (0xa0 + i);
            }
            CID_POOL[i] = Bytes.of(b);
        }
        // The handshake CIDs both roles use by default: a peer re-announcing one is worth trying.
        CID_POOL[8] = Bytes.ofHex("5e5e5e5e5e5e5e5e");
        CID_POOL[9] = Bytes.ofHex("c1c1c1c1c1c1c1c1");
        for (int i = 0; i < TOKEN_POOL.length; i++) {
            byte[] t = new byte[16];
            java.util.Arrays.fill(t, (byte) (0x10 * (i + 1)));
            TOKEN_POOL[i] = Bytes.of(t);
        }
    }

    static Bytes poolCid(int i) {
        return CID_POOL[i];
    }

    static Bytes poolToken(int i) {
        return TOKEN_POOL[i];
    }

    static int cidPoolIndex(Bytes cid) {
        return java.util.Arrays.asList(CID_POOL).indexOf(cid);
    }

    static int tokenPoolIndex(Bytes token) {
        return java.util.Arrays.asList(TOKEN_POOL).indexOf(token);
    }

    private final FuzzInput in;
    private final Dialect dialect;
    private final FrameType[] kinds;
    private final long localMaxHint;
    private final long peerMaxHint;
    private final long[] abandonCodes;

    /**
     * @param localMaxHint the receiving side's path ID limit, for values at and just above it
     * @param peerMaxHint the sending side's limit
     */
    FrameGenerator(FuzzInput in, Dialect dialect, long localMaxHint, long peerMaxHint) {
        this.in = in;
        this.dialect = dialect;
        List<FrameType> supported = new ArrayList<>();
        for (FrameType t : FrameType.values()) {
            if (dialect.supports(t)) {
                supported.add(t);
            }
        }
        this.kinds = supported.toArray(new FrameType[0]);
        this.localMaxHint = Math.max(0, localMaxHint);
        this.peerMaxHint = Math.max(0, peerMaxHint);
        this.abandonCodes = dialect.multipathErrors().keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Any frame kind of the dialect, with fuzzed fields. */
    Frame frame() {
        return frame(kinds[in.consumeInt(0, kinds.length - 1)]);
    }

    Frame frame(FrameType kind) {
        return switch (kind) {
            case PADDING -> new Frame.Padding(in.consumeInt(1, 64));
            case PING -> new Frame.Ping();
            case ACK, ACK_ECN -> {
                long largest = packetNumber();
                long first = in.consumeLong(0, largest);
                yield new Frame.Ack(largest, varint(), first, ranges(largest - first),
                        kind == FrameType.ACK_ECN ? new EcnCounts(small(), small(), small()) : null);
            }
            case RESET_STREAM -> new Frame.ResetStream(varint(), varint(), varint());
            case STOP_SENDING -> new Frame.StopSending(varint(), varint());
            case CRYPTO -> {
                Bytes data = data();
                yield new Frame.Crypto(in.consumeLong(0, Varint.MAX - data.length()), data);
            }
            case NEW_TOKEN -> new Frame.NewToken(nonEmpty());
            case STREAM -> {
                Bytes data = data();
                yield new Frame.Stream(varint(), in.consumeLong(0, Varint.MAX - data.length()), data,
                        in.consumeBoolean(), in.consumeBoolean());
            }
            case MAX_DATA -> new Frame.MaxData(varint());
            case MAX_STREAM_DATA -> new Frame.MaxStreamData(varint(), varint());
            case MAX_STREAMS_BIDI, MAX_STREAMS_UNI ->
                    new Frame.MaxStreams(kind == FrameType.MAX_STREAMS_BIDI, in.consumeLong(0, 1L << 60));
            case DATA_BLOCKED -> new Frame.DataBlocked(varint());
            case STREAM_DATA_BLOCKED -> new Frame.StreamDataBlocked(varint(), varint());
            case STREAMS_BLOCKED_BIDI, STREAMS_BLOCKED_UNI ->
                    new Frame.StreamsBlocked(kind == FrameType.STREAMS_BLOCKED_BIDI, in.consumeLong(0, 1L << 60));
            case NEW_CONNECTION_ID -> {
                long seq = sequence();
                yield new Frame.NewConnectionId(seq, retirePriorTo(seq), cid(), token());
            }
            case RETIRE_CONNECTION_ID -> new Frame.RetireConnectionId(sequence());
            case PATH_CHALLENGE -> new Frame.PathChallenge(in.consumeLong());
            case PATH_RESPONSE -> new Frame.PathResponse(in.consumeLong());
            case CONNECTION_CLOSE -> new Frame.ConnectionClose(errorCode(), in.consumeBoolean() ? 0 : varint(),
                    Bytes.of(in.consumeBytes(in.consumeInt(0, 8))));
            case CONNECTION_CLOSE_APP -> new Frame.ApplicationClose(varint(), Bytes.of(in.consumeBytes(in.consumeInt(0, 8))));
            case HANDSHAKE_DONE -> new Frame.HandshakeDone();
            case PATH_ACK, PATH_ACK_ECN -> {
                long path = pathId();
                long largest = packetNumber();
                long first = in.consumeLong(0, largest);
                yield new Frame.PathAck(path, largest, varint(), first, ranges(largest - first),
                        kind == FrameType.PATH_ACK_ECN ? new EcnCounts(small(), small(), small()) : null);
            }
            case PATH_ABANDON -> new Frame.PathAbandon(pathId(), abandonCode(),
                    dialect.abandonHasReasonPhrase() ? Bytes.of(in.consumeBytes(in.consumeInt(0, 8))) : Bytes.EMPTY);
            case PATH_STATUS_BACKUP -> new Frame.PathStatusBackup(pathId(), sequence());
            case PATH_STATUS_AVAILABLE -> new Frame.PathStatusAvailable(pathId(), sequence());
            case PATH_NEW_CONNECTION_ID -> {
                long path = pathId();
                long seq = sequence();
                yield new Frame.PathNewConnectionId(path, seq, retirePriorTo(seq), cid(), token());
            }
            case PATH_RETIRE_CONNECTION_ID -> new Frame.PathRetireConnectionId(pathId(), sequence());
            case MAX_PATH_ID -> new Frame.MaxPathId(limitValue());
            case PATHS_BLOCKED -> new Frame.PathsBlocked(limitValue());
            case PATH_CIDS_BLOCKED -> new Frame.PathCidsBlocked(pathId(), sequence());
        };
    }

    /** A path ID for a frame field: mostly small, sometimes at the limits or anywhere in varint range. */
    long pathId() {
        int mode = in.consumeInt(0, 15);
        if (mode < 11) {
            return mode < 6 ? mode : in.consumeLong(0, 8);
        }
        return switch (mode) {
            case 11 -> localMaxHint + in.consumeInt(0, 1);
            case 12 -> peerMaxHint + in.consumeInt(0, 1);
            case 13 -> MAX_PATH_ID + in.consumeInt(0, 1);
            case 14 -> in.consumeLong(0, MAX_PATH_ID);
            default -> varint();
        };
    }

    /** A path ID for a packet (at most 2^32-1). */
    long packetPathId() {
        int mode = in.consumeInt(0, 15);
        if (mode < 13) {
            return mode < 8 ? Math.min(mode, 3) : in.consumeLong(0, 8);
        }
        return switch (mode) {
            case 13 -> localMaxHint;
            case 14 -> MAX_PATH_ID;
            default -> in.consumeLong(0, MAX_PATH_ID);
        };
    }

    /** A value for MAX_PATH_ID / PATHS_BLOCKED. */
    long limitValue() {
        int mode = in.consumeInt(0, 7);
        return switch (mode) {
            case 0, 1, 2 -> in.consumeLong(0, 12);
            case 3 -> Math.max(0, localMaxHint + in.consumeInt(-1, 1));
            case 4 -> peerMaxHint + in.consumeInt(0, 2);
            case 5 -> MAX_PATH_ID + in.consumeInt(0, 1);
            default -> varint();
        };
    }

    long sequence() {
        int mode = in.consumeInt(0, 7);
        return mode < 6 ? in.consumeLong(0, 9) : mode == 6 ? in.consumeLong(0, 1000) : varint();
    }

    private long retirePriorTo(long seq) {
        return in.consumeBoolean() ? 0 : in.consumeLong(0, seq);
    }

    long packetNumber() {
        return in.consumeBoolean() ? in.consumeLong(0, 16) : varint();
    }

    long varint() {
        return in.consumeBoolean() ? in.consumeLong(0, 64) : in.consumeLong(0, Varint.MAX);
    }

    private long small() {
        return in.consumeLong(0, 1000);
    }

    /** A connection ID: one of a small pool (collisions across paths), or fuzzed bytes of 1..20. */
    Bytes cid() {
        int pick = in.consumeInt(0, CID_POOL.length + 1);
        if (pick < CID_POOL.length) {
            return CID_POOL[pick];
        }
        byte[] b = in.consumeBytes(in.consumeInt(1, 20));
        return b.length == 0 ? CID_POOL[0] : Bytes.of(b);
    }

    private Bytes token() {
        int pick = in.consumeInt(0, TOKEN_POOL.length);
        if (pick < TOKEN_POOL.length) {
            return TOKEN_POOL[pick];
        }
        byte[] b = java.util.Arrays.copyOf(in.consumeBytes(16), 16);
        return Bytes.of(b);
    }

    private Bytes data() {
        return Bytes.of(in.consumeBytes(in.consumeInt(0, 16)));
    }

    private Bytes nonEmpty() {
        byte[] b = in.consumeBytes(in.consumeInt(1, 16));
        return b.length == 0 ? Bytes.of((byte) 1) : Bytes.of(b);
    }

    /** A CONNECTION_CLOSE error code: a transport error, a dialect's multipath code, or any varint. */
    long errorCode() {
        int mode = in.consumeInt(0, 3);
        return switch (mode) {
            case 0, 1 -> in.consumeLong(0, TransportError.NO_VIABLE_PATH.code());
            case 2 -> abandonCode();
            default -> varint();
        };
    }

    /** A PATH_ABANDON error code: NO_ERROR, one of the dialect's multipath codes, or any varint. */
    long abandonCode() {
        int mode = in.consumeInt(0, 5);
        if (mode == 0) {
            return 0;
        }
        if (mode <= 4) {
            return abandonCodes.length == 0 ? 0 : abandonCodes[(mode - 1) % abandonCodes.length];
        }
        return varint();
    }

    /** ACK ranges below {@code smallest}, never reaching below packet number 0. */
    private AckRanges ranges(long smallest) {
        int count = in.consumeInt(0, 3);
        long[] pairs = new long[count * 2];
        int n = 0;
        for (int i = 0; i < count; i++) {
            long gap = in.consumeLong(0, 4);
            long len = in.consumeLong(0, 4);
            long next = smallest - gap - 2 - len;
            if (next < 0) {
                break;
            }
            pairs[n++] = gap;
            pairs[n++] = len;
            smallest = next;
        }
        return AckRanges.of(java.util.Arrays.copyOf(pairs, n));
    }
}
