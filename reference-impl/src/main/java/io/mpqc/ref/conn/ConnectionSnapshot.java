package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.PathView;
import java.util.List;
import java.util.Map;

/**
 * An immutable picture of a connection's whole state: path table, limits, frames waiting to be sent and
 * the close, if any. Two snapshots are equal exactly when nothing observable changed between them, which
 * is how the "nothing lost" rule is tested.
 */
public record ConnectionSnapshot(boolean multipath, long localMaxPathId, long peerMaxPathId,
        List<PathView> paths, Map<Long, List<Frame>> queued, CloseReason close, long lastPathDeadline) {
    public ConnectionSnapshot {
        paths = List.copyOf(paths);
        queued = Map.copyOf(queued);
    }

    /** The view of one path, or null. */
    public PathView path(long pathId) {
        for (PathView p : paths) {
            if (p.pathId() == pathId) {
                return p;
            }
        }
        return null;
    }
}
