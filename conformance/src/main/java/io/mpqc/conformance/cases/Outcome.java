package io.mpqc.conformance.cases;

/**
 * What a case found, before the requirement's keyword turns it into a verdict: the rule was met, the rule
 * was not met, or the case could not be carried out. {@code expected} and {@code observed} are sentences
 * for the report.
 */
public record Outcome(Kind kind, String expected, String observed) {

    public enum Kind {
        MET,
        NOT_MET,
        UNSUPPORTED
    }

    public static Outcome met(String expected, String observed) {
        return new Outcome(Kind.MET, expected, observed);
    }

    public static Outcome notMet(String expected, String observed) {
        return new Outcome(Kind.NOT_MET, expected, observed);
    }

    public static Outcome unsupported(String why) {
        return new Outcome(Kind.UNSUPPORTED, "-", why);
    }

    public boolean isMet() {
        return kind == Kind.MET;
    }

    /**
     * Both must hold: the first outcome that is not met decides; otherwise the sentences are joined.
     * NOT_MET wins over UNSUPPORTED so that a broken rule is never hidden by a missing feature.
     */
    public Outcome and(Outcome other) {
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
