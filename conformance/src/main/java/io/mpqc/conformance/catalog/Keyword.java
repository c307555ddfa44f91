package io.mpqc.conformance.catalog;

/** The BCP 14 keyword of a requirement, or DESCRIPTIVE for a testable rule stated without one. */
public enum Keyword {
    MUST,
    MUST_NOT,
    SHOULD,
    SHOULD_NOT,
    RECOMMENDED,
    MAY,
    DESCRIPTIVE;

    /** Breaking it is a FAIL: MUST, MUST NOT, and behaviour the text defines without a keyword. */
    public boolean isMandatory() {
        return this == MUST || this == MUST_NOT || this == DESCRIPTIVE;
    }

    /** Not following it is a WARN. */
    public boolean isAdvisory() {
        return this == SHOULD || this == SHOULD_NOT || this == RECOMMENDED;
    }

    /** The keyword as the specification writes it ("MUST NOT"). */
    public String text() {
        return this == DESCRIPTIVE ? "(descriptive)" : name().replace('_', ' ');
    }
}
