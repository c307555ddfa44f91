package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.frame.Frame;
import java.util.ArrayList;
import java.util.List;

/** Frames being gathered into one packet, with its encoded size and whether it elicits an acknowledgement. */
final class PacketBuilder {
    private final int maxSize;
    private final List<Frame> frames = new ArrayList<>(4);
    private int size = FrameSizes.PACKET_OVERHEAD;
    private boolean ackEliciting;

    PacketBuilder(int maxSize) {
        this.maxSize = maxSize;
    }

    boolean fits(int bytes) {
        return size + bytes <= maxSize;
    }

    int room() {
        return maxSize - size;
    }

    void add(Frame f, int bytes) {
        frames.add(f);
        size += bytes;
        ackEliciting |= f.type().isAckEliciting();
    }

    int size() {
        return size;
    }

    boolean ackEliciting() {
        return ackEliciting;
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    List<Frame> frames() {
        return frames;
    }
}
