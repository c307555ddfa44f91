package io.mpqc.ref.path;

/** The preference one side expresses for a path with PATH_STATUS_AVAILABLE / PATH_STATUS_BACKUP. */
public enum PathStatus {
    /** No status frame yet: the preference is unknown (draft-21 §3.3). */
    UNKNOWN,
    AVAILABLE,
    BACKUP
}
