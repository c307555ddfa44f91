package io.mpqc.ref.recovery;

import io.mpqc.ref.frame.Frame;
import java.util.List;

/** A packet handed to the network on one path, kept until it is acknowledged or declared lost. */
public record SentPacket(long pathId, long packetNumber, long sentAtMicros, boolean ackEliciting,
        List<Frame> frames) {
    public SentPacket {
        frames = List.copyOf(frames);
    }
}
