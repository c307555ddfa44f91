package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.frame.Frame;
import java.util.List;

/**
 * What one sent packet carried that matters after it is acknowledged or lost: stream chunks, control
 * frames worth sending again, and the packet number the connection core gave it (when the packet carries
 * core frames), so that acknowledgements can be translated back into the core's numbering.
 */
final class SentContent {
    /** A packet with nothing to send again (PING, ACK); shared, and never marked reinjected. */
    static final SentContent NOTHING = new SentContent(List.of(), List.of(), -1);

    final List<StreamChunk> chunks;
    final List<Frame> control;
    final long corePacketNumber;
    /** Its data was already sent again on another path because the path was suspected of failing. */
    boolean reinjected;

    SentContent(List<StreamChunk> chunks, List<Frame> control, long corePacketNumber) {
        this.chunks = chunks;
        this.control = control;
        this.corePacketNumber = corePacketNumber;
    }

    /** Whether losing the packet loses anything: stream data or control frames. */
    boolean hasData() {
        return !chunks.isEmpty() || !control.isEmpty();
    }
}
