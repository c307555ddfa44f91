package io.mpqc.ref.bonding;

import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;

/** What the bonding layer knows of one path. Mutable, owned by {@link Bonding}. */
final class Member {
    final long id;
    PathState state = PathState.UNUSED;
    PathStatus localStatus = PathStatus.UNKNOWN;
    PathStatus peerStatus = PathStatus.UNKNOWN;
    boolean suspect;
    long window;
    long smoothedRttMicros;

    Member(long id) {
        this.id = id;
    }

    /** Validated and not being closed (VALIDATED, ACTIVE, STANDBY). */
    boolean usable() {
        return state.isUsable();
    }

    boolean healthy() {
        return usable() && !suspect;
    }

    boolean validating() {
        return state == PathState.CREATED || state == PathState.VALIDATING;
    }

    /**
     * Backup when either side says so: draft-21 §3.3 makes both directions' statuses advisory, and this
     * implementation honours its own wish as well as the peer's.
     */
    boolean standby() {
        return localStatus == PathStatus.BACKUP || peerStatus == PathStatus.BACKUP || state == PathState.STANDBY;
    }

    /** Bytes per microsecond the path can carry by its window: cwnd / srtt. */
    double capacity() {
        return smoothedRttMicros <= 0 ? 0 : (double) window / smoothedRttMicros;
    }
}
