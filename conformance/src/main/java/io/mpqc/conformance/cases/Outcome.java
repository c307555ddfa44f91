package io.mpqc.conformance.cases;

/**
 * What a case found, before the requirement's keyword turns it into a verdict: the rule was met, the rule
 * was not met, the target did something no keyword allows, or the case could not be carried out.
 * {@code expected} and {@code observed} are sentences for the report.
 *
 * <p>VIOLATED exists for optional behaviour done wrongly: a MAY lets a target close, but a close with
 * another error code, or a close where the MAY only concerns what the peer sends, breaks a rule that binds
 * whatever the case's own keyword is. NOT_MET of a MAY case is a PASS; VIOLATED is always a FAIL.
 */
public record Outcome(Kind kind, String expected, String observed) {

    public enum Kind {
        MET,
        NOT_MET,
        VIOLATED,
        UNSUPPORTED
    }

    public static Outcome met(String expected, String observed) {
        return new Outcome(Kind.MET, expected, observed);
    }

    public static Outcome notMet(String expected, String observed) {
        return new Outcome(Kind.NOT_MET, expected, observed);
    }

    /** Fails whatever the keyword of the case's requirement: see the class comment. */
    public static Outcome violated(String expected, String observed) {
        return new Outcome(Kind.VIOLATED, expected, observed);
    }

    /** This outcome with NOT_MET turned into VIOLATED: a part of an optional case that is not optional. */
    public Outcome mandatory() {
        return kind == Kind.NOT_MET ? violated(expected, observed) : this;
    }

    public static Outcome unsupported(String why) {
        return new Outcome(Kind.UNSUPPORTED, "-", why);
    }

    public boolean isMet() {
        return kind == Kind.MET;
    }

    /**
     * Both must hold: the first outcome that is not met decides; otherwise the sentences are joined.
     * VIOLATED wins over NOT_MET, and NOT_MET over UNSUPPORTED, so that a broken rule is never hidden by a
     * weaker finding or a missing feature.
     */
    public Outcome and(Outcome other) {
        if (kind == Kind.VIOLATED) {
            return this;
        }
        if (other.kind == Kind.VIOLATED) {
            return other;
        }
        if (kind == Kind.NOT_MET) {
            return this;
        }
        if (other.kind == Kind.NOT_MET) {
            return other;
        }
        if (kind == Kind.UNSUPPORTED) {
            return this;
        }
        if (other.kind == Kind.UNSUPPORTED) {
            return other;
        }
        return met(expected + "; " + other.expected, observed + "; " + other.observed);
    }
}
