package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Dialect;
import java.util.Set;

/**
 * What a target declares it can do: the dialects it speaks, whether it can be driven at codec and at
 * endpoint level, and optional features. A case that needs something missing is UNSUPPORTED, not failed.
 */
public record Capabilities(Set<Dialect> dialects, boolean codec, boolean endpoint, Set<String> features) {
    /** The target reports the peer status it stores per path (lets cases see whether a status was applied). */
    public static final String INTROSPECTION = "introspection";
    /** The target accepts local commands (open, abandon, set status ...). */
    public static final String COMMANDS = "commands";

    public Capabilities {
        dialects = Set.copyOf(dialects);
        features = Set.copyOf(features);
    }

    public boolean has(String feature) {
        return features.contains(feature);
    }
}
