package io.mpqc.conformance.catalog;

import java.util.List;
import java.util.Set;

/**
 * One requirement of the catalog: a stable ID (MP-4.3-4, Q-19.15-1 ...), the document and section it
 * comes from, its keyword, the levels at which it can be tested, the error codes a receiver closes with
 * (names; empty when none), tags, and a one-line paraphrase.
 */
public record Requirement(String id, String document, String section, Keyword keyword, Set<Level> levels,
        List<String> errors, Set<String> tags, String text) {
    public Requirement {
        levels = Set.copyOf(levels);
        errors = List.copyOf(errors);
        tags = Set.copyOf(tags);
    }

    /** Whether a case can cover it without real packets. */
    public boolean testableInProcess() {
        return levels.contains(Level.CODEC) || levels.contains(Level.ENDPOINT);
    }
}
