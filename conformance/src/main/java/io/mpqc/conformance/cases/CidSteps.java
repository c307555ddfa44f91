package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.Stimuli.newCid;

import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;

/**
 * Steps and judgements shared by the connection ID groups ({@link S3_2_ConnectionIds},
 * {@link S4_4_PathNewConnectionId}, {@link S4_5_PathRetireConnectionId}): what the target issued so far,
 * opening path 1 the way a client would, and the "may close with X, or not close" verdict of MAY rules.
 */
final class CidSteps {
    private CidSteps() {
    }

    /**
     * The highest connection ID sequence number the target announced for {@code pathId} so far, or -1. For
     * path 0 the handshake connection ID counts as sequence 0, and NEW_CONNECTION_ID frames count too.
     */
    static long highestIssued(Probe p, long pathId) {
        long highest = pathId == 0 ? 0 : -1;
        for (SentFrame s : p.allSent()) {
            if (s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == pathId) {
                highest = Math.max(highest, n.sequence());
            } else if (pathId == 0 && s.frame() instanceof Frame.NewConnectionId n) {
                highest = Math.max(highest, n.sequence());
            }
        }
        return highest;
    }

    /**
     * Whether the target holds at most {@code limit} active connection IDs on every path: those it announced
     * (the handshake ID as path 0's sequence 0) less those below the Retire Prior To it sent and those the
     * suite retired ({@code retired}: path ID to sequence numbers). {@code when} names the moment.
     */
    static Outcome activeWithin(Probe p, java.util.Map<Long, java.util.Set<Long>> retired, int limit, String when) {
        java.util.Map<Long, java.util.Set<Long>> issued = new java.util.TreeMap<>();
        java.util.Map<Long, Long> retirePriorTo = new java.util.HashMap<>();
        issued.computeIfAbsent(0L, k -> new java.util.TreeSet<>()).add(0L);
        for (SentFrame s : p.allSent()) {
            if (s.frame() instanceof Frame.PathNewConnectionId n) {
                issued.computeIfAbsent(n.pathId(), k -> new java.util.TreeSet<>()).add(n.sequence());
                retirePriorTo.merge(n.pathId(), n.retirePriorTo(), Math::max);
            } else if (s.frame() instanceof Frame.NewConnectionId n) {
                issued.get(0L).add(n.sequence());
                retirePriorTo.merge(0L, n.retirePriorTo(), Math::max);
            }
        }
        java.util.List<String> over = new java.util.ArrayList<>();
        java.util.List<String> counts = new java.util.ArrayList<>();
        for (var e : issued.entrySet()) {
            long rpt = retirePriorTo.getOrDefault(e.getKey(), 0L);
            java.util.Set<Long> gone = retired.getOrDefault(e.getKey(), java.util.Set.of());
            long active = e.getValue().stream().filter(q -> q >= rpt && !gone.contains(q)).count();
            counts.add("path " + e.getKey() + ": " + active);
            if (active > limit) {
                over.add("path " + e.getKey() + " " + e.getValue());
            }
        }
        String expected = "at most " + limit + " active connection IDs of the target per path " + when;
        String observed = String.join(", ", counts) + (over.isEmpty() ? "" : "; over the limit: " + over);
        return over.isEmpty() ? Outcome.met(expected, observed) : Outcome.notMet(expected, observed);
    }

    /** The lowest sequence number the target announced for {@code pathId} since {@code mark}, or -1. */
    static long lowestIssuedSince(Probe p, int mark, long pathId) {
        long lowest = -1;
        for (Frame.PathNewConnectionId n : p.sentSince(mark, Frame.PathNewConnectionId.class)) {
            if (n.pathId() == pathId && (lowest < 0 || n.sequence() < lowest)) {
                lowest = n.sequence();
            }
        }
        if (pathId == 0) {
            for (Frame.NewConnectionId n : p.sentSince(mark, Frame.NewConnectionId.class)) {
                if (lowest < 0 || n.sequence() < lowest) {
                    lowest = n.sequence();
                }
            }
        }
        return lowest;
    }

    /**
     * A server session in which the suite, as a client, gives the target connection IDs 0 and 1 for path 1,
     * sends a PING on path 1 and answers the PATH_CHALLENGE the target sends there: path 1 is in use.
     */
    static Probe withPathOneOpen(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0), newCid(1, 1));
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping());
        for (SentFrame s : p.sentSince(mark)) {
            if (s.pathId() == 1 && s.frame() instanceof Frame.PathChallenge c) {
                p.sendOn(1, new Frame.PathResponse(c.data()));
            }
        }
        return p;
    }

    /** True for a PATH_RETIRE_CONNECTION_ID of the target naming {@code pathId} and {@code sequence}. */
    static boolean retires(SentFrame s, long pathId, long sequence) {
        if (s.frame() instanceof Frame.PathRetireConnectionId r) {
            return r.pathId() == pathId && r.sequence() == sequence;
        }
        return pathId == 0 && s.frame() instanceof Frame.RetireConnectionId r && r.sequence() == sequence;
    }

    /** True for any retirement of the target that concerns {@code pathId}. */
    static boolean retiresOnPath(SentFrame s, long pathId) {
        if (s.frame() instanceof Frame.PathRetireConnectionId r) {
            return r.pathId() == pathId;
        }
        return pathId == 0 && s.frame() instanceof Frame.RetireConnectionId;
    }

    /**
     * For a MAY rule: closing with {@code allowed} and not closing are both fine; closing with any other
     * code is not what the rule allows.
     */
    static Outcome closeAllowedOrNone(Probe p, TransportError allowed) {
        String name = TransportError.describe(allowed.code(), p.dialect());
        String expected = "close with " + name + " (allowed) or no close";
        if (!p.closed()) {
            return Outcome.met(expected, "no close");
        }
        String observed = "closed with " + TransportError.describe(p.close().errorCode(), p.dialect());
        // Closing is the MAY; closing with any other code is not allowed by it.
        return p.close().errorCode() == allowed.code() ? Outcome.met(expected, observed)
                : Outcome.violated(expected, observed);
    }
}
