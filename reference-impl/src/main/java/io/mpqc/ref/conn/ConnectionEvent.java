package io.mpqc.ref.conn;

import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.recovery.SentPacket;
import java.util.List;

/** Everything that changes in a connection, as listeners and the qlog writer see it. */
public sealed interface ConnectionEvent {

    /** The path ID the event concerns, or -1 for connection-wide events. */
    long pathId();

    record PathStateChanged(long pathId, PathState from, PathState to) implements ConnectionEvent {
    }

    /** The peer's status for a path changed (a status frame with a higher sequence number). */
    record PeerStatusChanged(long pathId, PathStatus status, long sequence) implements ConnectionEvent {
    }

    /** We announced a status for a path. */
    record LocalStatusChanged(long pathId, PathStatus status, long sequence) implements ConnectionEvent {
    }

    /** A received frame was ignored as the rules require; {@code requirement} names the rule. */
    record FrameIgnored(long pathId, FrameType frame, String requirement, String reason)
            implements ConnectionEvent {
    }

    /** A packet was dropped before its frames were looked at (no path can take it). */
    record PacketDropped(long pathId, String reason) implements ConnectionEvent {
    }

    record PathAbandoned(long pathId, long errorCode, boolean byPeer) implements ConnectionEvent {
    }

    /** A closing path's state was deleted; its unacknowledged packets are lost (draft-21 §3.4.3). */
    record PathFreed(long pathId, List<SentPacket> lost) implements ConnectionEvent {
        public PathFreed {
            lost = List.copyOf(lost);
        }
    }

    record PathValidationFailed(long pathId) implements ConnectionEvent {
    }

    record MaxPathIdChanged(long pathId, boolean local, long maximum) implements ConnectionEvent {
        public MaxPathIdChanged(boolean local, long maximum) {
            this(-1, local, maximum);
        }
    }

    /** The peer says it is blocked by our path ID limit (PATHS_BLOCKED). */
    record PeerPathsBlocked(long pathId, long maximum) implements ConnectionEvent {
    }

    /** The peer says it lacks connection IDs for a path (PATH_CIDS_BLOCKED). */
    record PeerCidsBlocked(long pathId, long nextSequence) implements ConnectionEvent {
    }

    /** We could not open or use a path because of a limit; {@code what} says which. */
    record LimitReached(long pathId, String what) implements ConnectionEvent {
    }

    record ConnectionIdIssued(long pathId, ConnectionIdEntry entry) implements ConnectionEvent {
    }

    /** A connection ID stopped being usable; {@code ours} is true for one we had issued. */
    record ConnectionIdRetired(long pathId, ConnectionIdEntry entry, boolean ours) implements ConnectionEvent {
    }

    record ConnectionIdReceived(long pathId, ConnectionIdEntry entry) implements ConnectionEvent {
    }

    record ConnectionClosed(long pathId, CloseReason reason) implements ConnectionEvent {
    }
}
