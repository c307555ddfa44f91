package io.mpqc.conformance.cases;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;

/**
 * Frames the suite sends as the peer, with connection ID values and reset tokens derived from the path ID
 * and sequence number so that each is unique in a session and recognisable in a report.
 */
public final class Stimuli {
    private Stimuli() {
    }

    /** An 8-byte connection ID: 0x7e, the path ID (4 bytes), the sequence number (3 bytes). */
    public static Bytes cid(long pathId, long sequence) {
        byte[] b = new byte[8];
        b[0] = 0x7e;
        for (int i = 0; i < 4; i++) {
            b[1 + i] = (byte) (pathId >>> (24 - 8 * i));
        }
        for (int i = 0; i < 3; i++) {
            b[5 + i] = (byte) (sequence >>> (16 - 8 * i));
        }
        return Bytes.of(b);
    }

    public static Bytes token(long pathId, long sequence) {
        byte[] b = new byte[16];
        byte[] c = cid(pathId, sequence).toByteArray();
        System.arraycopy(c, 0, b, 0, 8);
        b[15] = (byte) 0xa5;
        return Bytes.of(b);
    }

    public static Frame.PathNewConnectionId newCid(long pathId, long sequence) {
        return newCid(pathId, sequence, 0);
    }

    public static Frame.PathNewConnectionId newCid(long pathId, long sequence, long retirePriorTo) {
        return new Frame.PathNewConnectionId(pathId, sequence, retirePriorTo, cid(pathId, sequence),
                token(pathId, sequence));
    }

    public static Frame.PathStatusAvailable available(long pathId, long sequence) {
        return new Frame.PathStatusAvailable(pathId, sequence);
    }

    public static Frame.PathStatusBackup backup(long pathId, long sequence) {
        return new Frame.PathStatusBackup(pathId, sequence);
    }

    public static Frame.PathAbandon abandon(long pathId) {
        return new Frame.PathAbandon(pathId, 0);
    }

    /** One frame of every multipath kind, all naming {@code pathId} where the frame has a path field. */
    public static Frame[] everyMultipathFrame(long pathId) {
        return new Frame[] {
            new Frame.PathAck(pathId, 0, 0, 0, io.mpqc.ref.frame.AckRanges.NONE, null),
            new Frame.PathAck(pathId, 0, 0, 0, io.mpqc.ref.frame.AckRanges.NONE,
                    new io.mpqc.ref.frame.EcnCounts(0, 0, 0)),
            new Frame.PathAbandon(pathId, 0),
            backup(pathId, 1),
            available(pathId, 2),
            newCid(pathId, 9),
            new Frame.PathRetireConnectionId(pathId, 0),
            new Frame.MaxPathId(Math.max(pathId, 8)),
            new Frame.PathsBlocked(pathId),
            new Frame.PathCidsBlocked(pathId, 0),
        };
    }
}
