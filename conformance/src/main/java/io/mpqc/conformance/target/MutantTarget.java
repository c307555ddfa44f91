package io.mpqc.conformance.target;

import io.mpqc.ref.conn.SeededBug;
import io.mpqc.ref.frame.Dialect;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A seeded-bug variant of the reference ({@code mutant:NAME}): the same codec, and an endpoint with one
 * deliberate deviation from draft-21. The suite must FAIL it on the requirement the bug breaks; that is
 * how mpqc proves it catches real bugs.
 */
public final class MutantTarget implements Target {
    private final SeededBug bug;
    private final ReferenceTarget codecSide = ReferenceTarget.all();

    public MutantTarget(SeededBug bug) {
        this.bug = bug;
    }

    /** The mutant named {@code name} (e.g. {@code equal-status-sequence-accepted}). */
    public static MutantTarget named(String name) {
        for (SeededBug b : SeededBug.values()) {
            if (b.id().equals(name.toLowerCase(Locale.ROOT))) {
                return new MutantTarget(b);
            }
        }
        throw new IllegalArgumentException("unknown mutant '" + name + "' (see --list-targets)");
    }

    public SeededBug bug() {
        return bug;
    }

    @Override
    public String name() {
        return "mutant:" + bug.id();
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(EnumSet.allOf(Dialect.class), true, true,
                Set.of(Capabilities.INTROSPECTION, Capabilities.COMMANDS));
    }

    @Override
    public CodecTarget codec() {
        return codecSide.codec();
    }

    @Override
    public EndpointTarget endpoint() {
        return spec -> new ReferenceSession(spec, Set.of(bug));
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
