package io.mpqc.conformance.cases;

/** The result of one case. */
public enum Verdict {
    /** The target did what the requirement asks (or one of the acceptable things). */
    PASS,
    /** A MUST (or a behaviour the text defines) was broken. */
    FAIL,
    /** A SHOULD or RECOMMENDED was not followed. */
    WARN,
    /** The target lacks what the case needs (a dialect, a level, a feature). */
    UNSUPPORTED,
    /** The target crashed, hung or answered nonsense, or the case itself broke. */
    ERROR
}
