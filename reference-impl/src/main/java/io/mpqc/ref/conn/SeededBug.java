package io.mpqc.ref.conn;

/**
 * Deliberate deviations from draft-21, each reproducing a bug seen in a real implementation or in the
 * seed note. They exist only to prove that the conformance suite catches such bugs (the {@code mutant:}
 * targets); the reference target never enables any. Each names the requirement it breaks.
 */
public enum SeededBug {
    /** The seed note's check: a status frame is dropped only when its number is lower (MP-4.3-4). */
    EQUAL_STATUS_SEQUENCE_ACCEPTED("MP-4.3-4", "applies a status frame whose sequence number equals the last one"),
    /** One largest status number for the whole connection instead of one per path ID (MP-4.3-5). */
    CONNECTION_WIDE_STATUS_SEQUENCE("MP-4.3-5", "compares status sequence numbers across all paths"),
    /** Status frames keep changing a path that was abandoned (MP-4-4). */
    STATUS_FOR_ABANDONED_PATH_APPLIED("MP-4-4", "applies status frames for an abandoned path"),
    /** No PATH_ABANDON in answer to the peer's (MP-3.4-5; noq #522). */
    NO_RECIPROCAL_ABANDON("MP-3.4-5", "does not answer PATH_ABANDON with its own"),
    /** Path ID equal to the limit rejected: {@code >=} where {@code >} belongs (MP-4-3; picoquic #1935). */
    PATH_ID_LIMIT_OFF_BY_ONE("MP-4-3", "treats a path ID equal to its maximum as above it"),
    /** MAX_PATH_ID below the sender's initial_max_path_id accepted (MP-4.6-3). */
    MAX_PATH_ID_LOWERING_ACCEPTED("MP-4.6-3", "accepts a MAX_PATH_ID below the peer's initial_max_path_id"),
    /** Multipath frames accepted in Handshake packets (MP-4-2; iroh #3727). */
    MULTIPATH_FRAMES_IN_HANDSHAKE_ACCEPTED("MP-4-2", "accepts multipath frames in Handshake packets"),
    /** Our CID sequence numbers count across the connection, not from 0 per path (MP-3.2-1; quicwg #421). */
    CID_SEQUENCE_NOT_PER_PATH("MP-3.2-1", "numbers its connection IDs across paths instead of from 0 per path"),
    /** A status for a path ID not in use yet is dropped instead of remembered (MP-4.3-2). */
    PENDING_STATUS_DROPPED("MP-4.3-2", "forgets a status sent for a path ID not in use yet"),
    /** Status frames escape the path ID limit check (MP-4-3). */
    STATUS_LIMIT_NOT_CHECKED("MP-4-3", "does not check the path ID of status frames against its maximum"),
    /** Retiring a sequence number never issued is accepted (MP-4.5-3). */
    RETIRE_OF_UNISSUED_SEQUENCE_ACCEPTED("MP-4.5-3", "accepts the retirement of a connection ID it never issued"),
    /** active_connection_id_limit not enforced per path (MP-4.4-7). */
    CID_LIMIT_NOT_ENFORCED("MP-4.4-7", "accepts more connection IDs per path than its active_connection_id_limit"),
    /** An exact repeat of PATH_NEW_CONNECTION_ID closes the connection (MP-4.4-9). */
    DUPLICATE_CID_FRAME_IS_ERROR("MP-4.4-9", "closes on an exact repeat of PATH_NEW_CONNECTION_ID"),
    /** Multipath frames processed although multipath was not negotiated (MP-2-1). */
    NEGOTIATION_NOT_CHECKED("MP-2-1", "processes multipath frames without negotiation"),
    /** PATHS_BLOCKED above our limit accepted (MP-4.7-3). */
    PATHS_BLOCKED_LIMIT_NOT_CHECKED("MP-4.7-3", "accepts PATHS_BLOCKED naming a path ID above its maximum"),
    /** A MAX_PATH_ID that does not raise the limit closes the connection (MP-4.6-5). */
    STALE_MAX_PATH_ID_IS_ERROR("MP-4.6-5", "closes on a MAX_PATH_ID that does not raise the limit"),
    /** PATH_RESPONSE sent on path 0 whatever path carried the challenge (MP-3.1-5; quicwg #458). */
    PATH_RESPONSE_ON_PATH_ZERO("MP-3.1-5", "answers PATH_CHALLENGE on path 0 instead of the challenge's path"),
    /** A packet without frames is accepted (Q-12.4-4). */
    EMPTY_PACKET_ACCEPTED("Q-12.4-4", "accepts a packet without frames"),
    /** PATH_CIDS_BLOCKED naming a sequence beyond what we would issue is accepted (MP-4.7-4). */
    CIDS_BLOCKED_SEQUENCE_NOT_CHECKED("MP-4.7-4", "accepts PATH_CIDS_BLOCKED with a Next Sequence Number it never reached");

    private final String requirement;
    private final String description;

    SeededBug(String requirement, String description) {
        this.requirement = requirement;
        this.description = description;
    }

    /** The catalog ID of the requirement the bug breaks. */
    public String requirement() {
        return requirement;
    }

    public String description() {
        return description;
    }

    /** The name users type after {@code mutant:}, e.g. {@code equal-status-sequence-accepted}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
