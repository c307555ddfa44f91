package io.mpqc.ref.bonding;

/**
 * The bonding state machine of the seed note, over the paths of one connection:
 *
 * <pre>
 *   SINGLE_PATH --second path validating--> PENDING --validated--> BONDED
 *   PENDING --validation failed--> SINGLE_PATH
 *   BONDED --a path fails, others remain--> DEGRADED --failed path recovers / new path--> BONDED
 *   BONDED or DEGRADED --only one path left--> SINGLE_PATH
 * </pre>
 */
public enum BondingState {
    /** One healthy path carries everything and no other path is being set up. */
    SINGLE_PATH,
    /** One healthy path, and another one is being validated. */
    PENDING,
    /** At least two healthy paths, as many as when the bond was last complete. */
    BONDED,
    /**
     * A bonded path is failing (suspected, not yet abandoned) while another still works, or the bond lost
     * members and still has at least two paths.
     */
    DEGRADED
}
