package io.mpqc.ref.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.InRange;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Typed fuzzing of decode(encode(f)) == f: Jazzer picks a dialect, a frame kind and field values; the
 * test turns them into a valid frame of that kind, then checks the round trip both ways. In regression
 * mode (the normal build) it runs the inputs under
 * {@code src/test/resources/io/mpqc/ref/frame/RoundTripFuzzTestInputs/encodedFrameDecodesToItself/}.
 */
@Tag("Q-16-1")
@Tag("MP-4.1-1")
@Tag("MP-4.3-1")
@Tag("MP-4.4-1")
@Tag("MP-4.6-1")
@Tag("MP-4.7-1")
class RoundTripFuzzTest {
    static final int KIND_MAX = 33;

    @Test
    @DisplayName("the fuzzed kind index covers every frame type")
    void kindRangeCoversEveryFrameType() {
        assertThat(FrameType.values()).hasSize(KIND_MAX + 1);
        assertThat(Dialect.values()).hasSize(3);
    }

    @FuzzTest(maxDuration = "60s")
    void encodedFrameDecodesToItself(
            @InRange(min = 0, max = 2) int dialectIndex,
            @InRange(min = 0, max = KIND_MAX) int kindIndex,
            @InRange(min = 0, max = Varint.MAX) long a,
            @InRange(min = 0, max = Varint.MAX) long b,
            @InRange(min = 0, max = Varint.MAX) long c,
            @InRange(min = 0, max = 1L << 32) long pathId,
            boolean flag,
            byte @NotNull @WithLength(max = 80) [] data) throws FrameDecodeException {
        Dialect dialect = Dialect.values()[dialectIndex];
        FrameType kind = FrameType.values()[kindIndex];
        Frame frame = build(dialect, kind, a, b, c, pathId, flag, data);
        FrameEncoder encoder = new FrameEncoder(dialect);
        if (!dialect.supports(kind)) {
            assertThatIllegalArgumentException().isThrownBy(() -> encoder.encode(frame));
            return;
        }
        assertThat(frame.type()).isEqualTo(kind);
        byte[] wire = encoder.encode(frame);
        for (Strictness s : Strictness.values()) {
            Frame decoded = CodecFixtures.decodeOne(dialect, s, wire);
            assertThat(decoded).isEqualTo(frame);
            assertThat(encoder.encode(decoded)).isEqualTo(wire);
        }
        // The first byte carries the codepoint (STREAM: the family base plus flag bits).
        long type = Varint.read(wire, 0);
        if (kind == FrameType.STREAM) {
            assertThat(type & ~0x07L).isEqualTo(0x08);
        } else {
            assertThat(type).isEqualTo(dialect.codepoint(kind));
        }
    }

    /** A valid frame of {@code kind} from arbitrary field values, clamped to what the frame allows. */
    static Frame build(Dialect dialect, FrameType kind, long a, long b, long c, long pathId, boolean flag,
            byte[] data) {
        Bytes bytes = Bytes.of(data);
        return switch (kind) {
            case PADDING -> new Frame.Padding(1 + (int) (a % 1500));
            case PING -> new Frame.Ping();
            case ACK, ACK_ECN -> {
                long first = b % (a + 1);
                yield new Frame.Ack(a, c, first, ranges(a - first, data),
                        kind == FrameType.ACK_ECN ? new EcnCounts(b, c, a) : null);
            }
            case RESET_STREAM -> new Frame.ResetStream(a, b, c);
            case STOP_SENDING -> new Frame.StopSending(a, b);
            case CRYPTO -> new Frame.Crypto(Math.min(a, Varint.MAX - data.length), bytes);
            case NEW_TOKEN -> new Frame.NewToken(data.length == 0 ? Bytes.of((byte) a) : bytes);
            case STREAM -> new Frame.Stream(a, Math.min(b, Varint.MAX - data.length), bytes, flag, (c & 1) != 0);
            case MAX_DATA -> new Frame.MaxData(a);
            case MAX_STREAM_DATA -> new Frame.MaxStreamData(a, b);
            case MAX_STREAMS_BIDI, MAX_STREAMS_UNI ->
                    new Frame.MaxStreams(kind == FrameType.MAX_STREAMS_BIDI, a % ((1L << 60) + 1));
            case DATA_BLOCKED -> new Frame.DataBlocked(a);
            case STREAM_DATA_BLOCKED -> new Frame.StreamDataBlocked(a, b);
            case STREAMS_BLOCKED_BIDI, STREAMS_BLOCKED_UNI ->
                    new Frame.StreamsBlocked(kind == FrameType.STREAMS_BLOCKED_BIDI, a % ((1L << 60) + 1));
            case NEW_CONNECTION_ID -> new Frame.NewConnectionId(a, b % (a + 1), cid(data, c), token(data));
            case RETIRE_CONNECTION_ID -> new Frame.RetireConnectionId(a);
            case PATH_CHALLENGE -> new Frame.PathChallenge(a ^ (b << 2) ^ (flag ? Long.MIN_VALUE : 0));
            case PATH_RESPONSE -> new Frame.PathResponse(a ^ (c << 2) ^ (flag ? Long.MIN_VALUE : 0));
            case CONNECTION_CLOSE -> new Frame.ConnectionClose(a, b, bytes);
            case CONNECTION_CLOSE_APP -> new Frame.ApplicationClose(a, bytes);
            case HANDSHAKE_DONE -> new Frame.HandshakeDone();
            case PATH_ACK, PATH_ACK_ECN -> {
                long first = b % (a + 1);
                yield new Frame.PathAck(flag ? pathId : c, a, c, first, ranges(a - first, data),
                        kind == FrameType.PATH_ACK_ECN ? new EcnCounts(c, b, a) : null);
            }
            case PATH_ABANDON -> new Frame.PathAbandon(pathId, a,
                    dialect.abandonHasReasonPhrase() ? bytes : Bytes.EMPTY);
            case PATH_STATUS_BACKUP -> new Frame.PathStatusBackup(pathId, a);
            case PATH_STATUS_AVAILABLE -> new Frame.PathStatusAvailable(pathId, a);
            case PATH_NEW_CONNECTION_ID ->
                    new Frame.PathNewConnectionId(pathId, a, b % (a + 1), cid(data, c), token(data));
            case PATH_RETIRE_CONNECTION_ID -> new Frame.PathRetireConnectionId(flag ? pathId : c, a);
            case MAX_PATH_ID -> new Frame.MaxPathId(flag ? pathId : a);
            case PATHS_BLOCKED -> new Frame.PathsBlocked(flag ? pathId : a);
            case PATH_CIDS_BLOCKED -> new Frame.PathCidsBlocked(pathId, a);
        };
    }

    /** ACK ranges from byte pairs, stopping before one would reach below packet 0. */
    private static AckRanges ranges(long smallest, byte[] data) {
        long[] pairs = new long[data.length & ~1];
        int n = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
            long gap = data[i] & 0xff;
            long len = data[i + 1] & 0xff;
            long next = smallest - gap - 2 - len;
            if (next < 0) {
                break;
            }
            pairs[n++] = gap;
            pairs[n++] = len;
            smallest = next;
        }
        return AckRanges.of(Arrays.copyOf(pairs, n));
    }

    private static Bytes cid(byte[] data, long c) {
        int len = 1 + (int) (c % 20);
        return Bytes.of(Arrays.copyOf(data, len));
    }

    private static Bytes token(byte[] data) {
        byte[] t = new byte[16];
        for (int i = 0; i < 16; i++) {
            t[i] = (byte) (i < data.length ? ~data[data.length - 1 - i] : i);
        }
        return Bytes.of(t);
    }
}
