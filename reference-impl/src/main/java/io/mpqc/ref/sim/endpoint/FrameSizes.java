package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.frame.Varint;

/**
 * Encoded sizes of frames, for filling packets to the datagram size. The frequent kinds (STREAM, ACK,
 * PATH_ACK, PING, MAX_DATA) are computed from their varints; everything else goes through the real
 * encoder of the dialect.
 */
final class FrameSizes {
    /** Short header: first byte, an 8-byte DCID, a 2-byte packet number, and the 16-byte AEAD tag. */
    static final int PACKET_OVERHEAD = 1 + 8 + 2 + 16;

    private final FrameEncoder encoder;

    FrameSizes(Dialect dialect) {
        this.encoder = new FrameEncoder(dialect);
    }

    int of(Frame f) {
        if (f instanceof Frame.Stream s) {
            return streamHeader(s.streamId(), s.offset(), s.data().length()) + s.data().length();
        }
        if (f instanceof Frame.PathAck a) {
            return 1 + Varint.lengthOf(a.pathId()) + ackBody(a.largest(), a.ackDelay(), a.firstRange(), a.ranges());
        }
        if (f instanceof Frame.Ack a) {
            return 1 + ackBody(a.largest(), a.ackDelay(), a.firstRange(), a.ranges());
        }
        if (f instanceof Frame.Ping) {
            return 1;
        }
        if (f instanceof Frame.MaxData m) {
            return 1 + Varint.lengthOf(m.maximum());
        }
        return encoder.encode(f).length;
    }

    /** Type byte, stream ID, offset (absent at 0) and an explicit length. */
    static int streamHeader(long streamId, long offset, int length) {
        return 1 + Varint.lengthOf(streamId) + (offset == 0 ? 0 : Varint.lengthOf(offset)) + Varint.lengthOf(length);
    }

    private static int ackBody(long largest, long delay, long firstRange, AckRanges ranges) {
        int n = Varint.lengthOf(largest) + Varint.lengthOf(delay) + Varint.lengthOf(ranges.count())
                + Varint.lengthOf(firstRange);
        for (int i = 0; i < ranges.count(); i++) {
            n += Varint.lengthOf(ranges.gap(i)) + Varint.lengthOf(ranges.length(i));
        }
        return n;
    }
}
