package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import java.nio.charset.StandardCharsets;

/**
 * The closing state after we closed the connection (RFC 9000 §10.2.1): for at least three times the largest
 * PTO (draft-21 §2.6) each packet the peer still sends may be answered with our CONNECTION_CLOSE again, in
 * case the first was lost. Answers back off, to the 1st, 2nd, 4th, 8th ... packet, so that a peer that keeps
 * sending cannot make us send as much as it does (§10.2.1 asks for a limited rate).
 */
final class ClosingPeriod {
    private final Frame.ConnectionClose frame;
    private final long endsAt;
    private long packetsSeen;

    ClosingPeriod(long code, long frameType, String reason, long endsAt) {
        this.frame = new Frame.ConnectionClose(code, frameType, Bytes.of(reason.getBytes(StandardCharsets.UTF_8)));
        this.endsAt = endsAt;
    }

    /** The CONNECTION_CLOSE to send again in answer to a packet arriving at {@code now}, or null. */
    Frame.ConnectionClose answer(long now) {
        if (now >= endsAt) {
            return null; // the state is gone: a late packet meets nothing (§10.2, then a stateless reset)
        }
        packetsSeen++;
        return Long.bitCount(packetsSeen) == 1 ? frame : null;
    }
}
