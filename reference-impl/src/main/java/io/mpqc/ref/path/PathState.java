package io.mpqc.ref.path;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a path, in the seed note's terms mapped onto draft-21. VALIDATED, ACTIVE and STANDBY are
 * all usable: ACTIVE and STANDBY say which status the peer last announced (PATH_STATUS_AVAILABLE or
 * PATH_STATUS_BACKUP), VALIDATED that it announced none. CLOSING, FAILED and CLOSED never lead back to a
 * usable state: an abandoned path ID cannot be resurrected (draft-21 §3.4 forbids reuse).
 */
public enum PathState {
    /**
     * The path ID has state (connection IDs, a remembered status) but no packet has used it yet. Not a
     * state of the seed note: draft-21 lets frames name path IDs before their path exists.
     */
    UNUSED,
    /** The path ID is in use (a packet arrived on it or we opened it) but not validated. */
    CREATED,
    /** A PATH_CHALLENGE of ours is outstanding on the path. */
    VALIDATING,
    /** Validated; the peer has expressed no preference. */
    VALIDATED,
    /** Validated; the peer's latest status is available. */
    ACTIVE,
    /** Validated; the peer's latest status is backup. */
    STANDBY,
    /** Validation failed; the path must be abandoned explicitly (draft-21 §3.1). */
    FAILED,
    /** PATH_ABANDON sent or received; state kept for late packets until the path is freed. */
    CLOSING,
    /** Freed: nothing of the path remains but its ID, which is never reused. */
    CLOSED;

    private Set<PathState> next;

    static {
        UNUSED.next = EnumSet.of(CREATED, VALIDATING, CLOSING);
        CREATED.next = EnumSet.of(VALIDATING, VALIDATED, ACTIVE, STANDBY, FAILED, CLOSING);
        VALIDATING.next = EnumSet.of(VALIDATED, ACTIVE, STANDBY, FAILED, CLOSING);
        VALIDATED.next = EnumSet.of(ACTIVE, STANDBY, CLOSING);
        ACTIVE.next = EnumSet.of(VALIDATED, STANDBY, CLOSING);
        STANDBY.next = EnumSet.of(VALIDATED, ACTIVE, CLOSING);
        FAILED.next = EnumSet.of(CLOSING);
        CLOSING.next = EnumSet.of(CLOSED);
        CLOSED.next = EnumSet.noneOf(PathState.class);
    }

    /** Whether the state machine allows going from this state to {@code to}. */
    public boolean canBecome(PathState to) {
        return next.contains(to);
    }

    /** Validated and not being closed: packets may be scheduled on it. */
    public boolean isUsable() {
        return this == VALIDATED || this == ACTIVE || this == STANDBY;
    }

    /** In use and not abandoned, failed or freed. */
    public boolean isOpen() {
        return this != UNUSED && ordinal() <= STANDBY.ordinal();
    }

    /** Abandoned, failed or freed: the path ID is spent for good. */
    public boolean isEnding() {
        return this == FAILED || this == CLOSING || this == CLOSED;
    }
}
