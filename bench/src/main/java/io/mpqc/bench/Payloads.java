package io.mpqc.bench;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameEncoder;
import java.util.List;

/**
 * The frame payloads the decoding benchmarks read, built once from frame records with the draft-21
 * {@link FrameEncoder}, so both decoders of a comparison read exactly the same bytes.
 */
final class Payloads {
    /** Number of frames in {@link #SHARED}; {@code @OperationsPerInvocation} needs it as a constant. */
    static final int SHARED_FRAMES = 12;
    /** Number of frames in {@link #MULTIPATH}. */
    static final int MULTIPATH_FRAMES = 16;

    /**
     * RFC 9000 frames that both mpqc and Kwik decode: ACK (with and without extra ranges),
     * NEW_CONNECTION_ID, RETIRE_CONNECTION_ID, PATH_CHALLENGE, MAX_DATA and STREAM (all with the LEN bit,
     * as a STREAM without it must be the last frame of a packet). Every value fits the int fields Kwik uses.
     */
    static final List<Frame> SHARED = List.of(
            new Frame.Ack(4_000, 120, 3, AckRanges.NONE, null),
            new Frame.Stream(4, 16_000, data(64, 1), false, true),
            new Frame.MaxData(1_048_576),
            new Frame.Ack(4_100, 80, 5, AckRanges.of(2, 10, 0, 4), null),
            new Frame.NewConnectionId(7, 3, data(8, 2), data(16, 3)),
            new Frame.RetireConnectionId(3),
            new Frame.PathChallenge(0x0123456789abcdefL),
            new Frame.Stream(8, 0, data(32, 4), false, true),
            new Frame.MaxData(2_097_152),
            new Frame.Ack(4_200, 25, 0, AckRanges.NONE, null),
            new Frame.Stream(12, 1_000, data(16, 5), true, true),
            new Frame.NewConnectionId(8, 3, data(20, 6), data(16, 7)));

    /**
     * A mix of draft-21 multipath frames as a multipath endpoint sees them: PATH_ACK most often (with and
     * without extra ranges, one with ECN counts), path status updates, per-path CIDs, limits and an abandon.
     */
    static final List<Frame> MULTIPATH = List.of(
            new Frame.PathAck(1, 2_000, 40, 4, AckRanges.NONE, null),
            new Frame.PathAck(2, 3_000, 40, 2, AckRanges.of(1, 5, 3, 2), null),
            new Frame.PathAck(1, 2_010, 30, 6, AckRanges.NONE, new EcnCounts(10, 0, 1)),
            new Frame.PathStatusAvailable(1, 3),
            new Frame.PathStatusBackup(2, 4),
            new Frame.PathNewConnectionId(2, 1, 0, data(8, 8), data(16, 9)),
            new Frame.PathNewConnectionId(3, 0, 0, data(8, 10), data(16, 11)),
            new Frame.PathRetireConnectionId(1, 0),
            new Frame.MaxPathId(8),
            new Frame.PathsBlocked(8),
            new Frame.PathCidsBlocked(3, 1),
            new Frame.PathAbandon(2, 0x3e),
            new Frame.PathAck(3, 100, 10, 0, AckRanges.NONE, null),
            new Frame.PathAck(1, 2_020, 35, 9, AckRanges.NONE, null),
            new Frame.PathStatusAvailable(3, 1),
            new Frame.PathRetireConnectionId(2, 0));

    private Payloads() {
    }

    static byte[] encode(List<Frame> frames) {
        return new FrameEncoder(Dialect.DRAFT_21).encodeAll(frames);
    }

    /** Deterministic, non-zero filler bytes. */
    private static Bytes data(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return Bytes.of(b);
    }
}
