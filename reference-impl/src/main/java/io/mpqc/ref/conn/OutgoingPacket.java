package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Frame;
import java.util.List;

/** Frames the connection wants sent, in one packet on a path, with the packet number it assigned. */
public record OutgoingPacket(long pathId, long packetNumber, List<Frame> frames) {
    public OutgoingPacket {
        frames = List.copyOf(frames);
    }
}
