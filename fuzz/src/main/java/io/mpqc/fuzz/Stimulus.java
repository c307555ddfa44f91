package io.mpqc.fuzz;

import io.mpqc.conformance.target.Command;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import java.util.List;

/**
 * One thing the fuzzed peer (or the local application) does to a connection: a packet arrives, the clock
 * advances, a local command is given. The connection-core and differential targets share these so that
 * an input means the same session to both.
 */
sealed interface Stimulus {

    /**
     * A packet of {@code type} on {@code pathId} carrying {@code frames}. {@code packetNumber} is -2 for "the
     * next number on this path" (what a well-behaved peer does), -1 for "not modelled", otherwise a fuzzed
     * (possibly repeated) number; {@code dcidSequence} is the sequence of the DCID the packet used, or -1.
     */
    record Receive(PacketType type, long pathId, long packetNumber, long dcidSequence, List<FrameSpec> frames)
            implements Stimulus {
        public Receive {
            frames = List.copyOf(frames);
        }
    }

    /** The clock moves forward by {@code micros}. */
    record Advance(long micros) implements Stimulus {
    }

    /** A local command; {@link Close} for the connection-core target's close(). */
    record Local(Command command) implements Stimulus {
    }

    /** The application closes the connection with CONNECTION_CLOSE (connection-core target only). */
    record Close(long errorCode, String reason) implements Stimulus {
    }

    /** The driver collects what the connection wants to send (connection-core target only; sessions drain always). */
    record Drain() implements Stimulus {
    }

    /** A frame of a received packet, fixed or resolved against what the receiving side sent before. */
    sealed interface FrameSpec {
    }

    /** A frame given in full. */
    record Fixed(Frame frame) implements FrameSpec {
    }

    /**
     * A PATH_RESPONSE echoing the last PATH_CHALLENGE the receiving side sent on {@code challengePath} (each
     * side of a differential run resolves it against its own challenges; with none, data 0).
     */
    record EchoChallenge(long challengePath) implements FrameSpec {
    }
}
