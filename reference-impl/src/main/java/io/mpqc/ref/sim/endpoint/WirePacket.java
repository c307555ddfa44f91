package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.frame.Frame;
import java.util.List;

/**
 * A 1-RTT packet as the simulated network carries it: the path its connection ID belongs to, its packet
 * number in that path's space, its frames (as records: the simulator does not encrypt or encode), its size
 * on the wire as a QUIC packet (UDP payload) and whether it elicits an acknowledgement.
 */
public record WirePacket(long pathId, long packetNumber, List<Frame> frames, int size, boolean ackEliciting) {
}
