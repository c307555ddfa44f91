package io.mpqc.ref.path;

/**
 * A status and the sequence number that set it; {@code sequence} is -1 while no status frame was seen or
 * sent for the path ID.
 */
public record StatusRecord(PathStatus status, long sequence) {
    public static final StatusRecord NONE = new StatusRecord(PathStatus.UNKNOWN, -1);

    /**
     * Whether a received status frame with {@code incoming} must be applied: draft-21 §4.3 ignores it when
     * the largest number seen for the path is greater than <em>or equal to</em> it.
     */
    public boolean accepts(long incoming) {
        return incoming > sequence;
    }
}
