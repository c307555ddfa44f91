package io.mpqc.conformance.cases;

/** A class of cases for one section of a specification, in the spirit of h2spec. */
public interface CaseGroup {
    /** The document section, e.g. "draft-21 §4.3". */
    String section();

    /** A short title, e.g. "PATH_STATUS_AVAILABLE and PATH_STATUS_BACKUP". */
    String title();
}
