package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Dialect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Resolves URI-like target names: {@code reference} (every dialect), {@code reference:DIALECT}. New kinds
 * (shim processes, TCP shims) register here; {@code mutant:NAME} is a seeded-bug variant of the reference.
 */
public final class Targets {
    private Targets() {
    }

    /** One line per available target kind, for {@code --list-targets}. */
    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("reference            the built-in reference implementation, in-process, every dialect");
        lines.add("shim:'COMMAND ARGS'  any implementation behind the shim protocol (docs/shim-protocol.md), "
                + "as a child process");
        lines.add("tcp:HOST:PORT        a shim server reached over TCP (e.g. 'mpqc shim --listen PORT')");
        for (Dialect d : Dialect.values()) {
            lines.add(String.format("reference:%-10s the reference speaking %s only", d.id(), d.id()));
        }
        for (io.mpqc.ref.conn.SeededBug b : io.mpqc.ref.conn.SeededBug.values()) {
            lines.add(String.format("mutant:%-38s seeded bug (%s): %s", b.id(), b.requirement(), b.description()));
        }
        return lines;
    }

    /**
     * The target named {@code uri}.
     *
     * @throws IllegalArgumentException for a name that is not a target (a usage error)
     * @throws TargetException when the target exists but cannot be started
     */
    public static Target open(String uri) throws TargetException {
        return open(uri, java.time.Duration.ofSeconds(10), false);
    }

    /**
     * The target named {@code uri}; {@code timeout} bounds each request to a shim, {@code fresh} starts a new
     * shim process for every session.
     */
    public static Target open(String uri, java.time.Duration timeout, boolean fresh) throws TargetException {
        String kind = uri.contains(":") ? uri.substring(0, uri.indexOf(':')) : uri;
        String rest = uri.contains(":") ? uri.substring(uri.indexOf(':') + 1) : "";
        switch (kind) {
            case "reference":
                if (rest.isEmpty()) {
                    return ReferenceTarget.all();
                }
                return new ReferenceTarget(uri, EnumSet.of(Dialect.byName(rest)));
            case "mutant":
                return MutantTarget.named(rest);
            case "shim":
                return io.mpqc.conformance.shim.ShimTarget.process(rest, timeout, fresh);
            case "tcp":
                return io.mpqc.conformance.shim.ShimTarget.tcp(rest, timeout);
            default:
                throw new IllegalArgumentException("unknown target '" + uri + "' (see --list-targets)");
        }
    }
}
