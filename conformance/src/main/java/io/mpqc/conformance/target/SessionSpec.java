package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.tp.Role;

/**
 * How to set up an endpoint session: the target's role (the suite plays the other side), the dialect, and
 * the transport parameters that matter for multipath on both sides. A max path ID of -1 means that side
 * did not send the multipath parameter.
 */
public record SessionSpec(Role targetRole, Dialect dialect, long targetMaxPathId, long testerMaxPathId,
        int targetActiveCidLimit, int testerActiveCidLimit) {

    /** A server target with multipath negotiated and both limits at {@code maxPathId}. */
    public static SessionSpec server(Dialect dialect, long maxPathId) {
        return new SessionSpec(Role.SERVER, dialect, maxPathId, maxPathId, 4, 4);
    }

    public SessionSpec withRole(Role role) {
        return new SessionSpec(role, dialect, targetMaxPathId, testerMaxPathId, targetActiveCidLimit,
                testerActiveCidLimit);
    }

    public SessionSpec withTargetMaxPathId(long v) {
        return new SessionSpec(targetRole, dialect, v, testerMaxPathId, targetActiveCidLimit, testerActiveCidLimit);
    }

    public SessionSpec withTesterMaxPathId(long v) {
        return new SessionSpec(targetRole, dialect, targetMaxPathId, v, targetActiveCidLimit, testerActiveCidLimit);
    }

    public SessionSpec withTargetActiveCidLimit(int v) {
        return new SessionSpec(targetRole, dialect, targetMaxPathId, testerMaxPathId, v, testerActiveCidLimit);
    }

    public SessionSpec withTesterActiveCidLimit(int v) {
        return new SessionSpec(targetRole, dialect, targetMaxPathId, testerMaxPathId, targetActiveCidLimit, v);
    }

    public boolean multipath() {
        return targetMaxPathId >= 0 && testerMaxPathId >= 0;
    }
}
