package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Frame;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Steps and frame checks the path-management groups share: opening a path as the peer, answering the
 * target's PATH_CHALLENGE, and reading the path ID a frame of the target names.
 */
final class PathSteps {
    private PathSteps() {
    }

    /**
     * Opens {@code pathId} as the peer: gives the target a connection ID for the path, sends a PING on it
     * and answers every PATH_CHALLENGE the target sends there, so that the path is validated.
     */
    static Probe openPath(Probe p, long pathId) throws TargetException {
        int mark = p.mark();
        p.send(Stimuli.newCid(pathId, 0)).sendOn(pathId, new Frame.Ping());
        return answerChallenges(p, mark, pathId);
    }

    /** Answers, on {@code pathId}, each PATH_CHALLENGE the target sent there since {@code mark}. */
    static Probe answerChallenges(Probe p, int mark, long pathId) throws TargetException {
        for (SentFrame s : p.sentSince(mark)) {
            if (s.pathId() == pathId && s.frame() instanceof Frame.PathChallenge c) {
                p.sendOn(pathId, new Frame.PathResponse(c.data()));
            }
        }
        return p;
    }

    /** A PATH_ACK (no ECN) acknowledging packets {@code largest - firstRange .. largest} of {@code pathId}. */
    static Frame.PathAck pathAck(long pathId, long largest, long firstRange) {
        return new Frame.PathAck(pathId, largest, 0, firstRange, AckRanges.NONE, null);
    }

    /** The path ID a multipath frame names in its Path Identifier field, if it has one. */
    static OptionalLong namedPathId(Frame f) {
        if (f instanceof Frame.PathAck a) {
            return OptionalLong.of(a.pathId());
        } else if (f instanceof Frame.PathAbandon a) {
            return OptionalLong.of(a.pathId());
        } else if (f instanceof Frame.PathStatusBackup s) {
            return OptionalLong.of(s.pathId());
        } else if (f instanceof Frame.PathStatusAvailable s) {
            return OptionalLong.of(s.pathId());
        } else if (f instanceof Frame.PathNewConnectionId n) {
            return OptionalLong.of(n.pathId());
        } else if (f instanceof Frame.PathRetireConnectionId r) {
            return OptionalLong.of(r.pathId());
        } else if (f instanceof Frame.PathCidsBlocked b) {
            return OptionalLong.of(b.pathId());
        }
        return OptionalLong.empty();
    }

    /** A PATH_ABANDON of the target naming {@code pathId}, on any path. */
    static Predicate<SentFrame> abandonOf(long pathId) {
        return s -> s.frame() instanceof Frame.PathAbandon a && a.pathId() == pathId;
    }

    /** A PATH_ACK or PATH_ACK_ECN of the target naming {@code pathId}, on any path. */
    static Predicate<SentFrame> pathAckOf(long pathId) {
        return s -> s.frame() instanceof Frame.PathAck a && a.pathId() == pathId;
    }

    /** Any frame the target sent in a packet on {@code pathId}. */
    static Predicate<SentFrame> onPath(long pathId) {
        return s -> s.pathId() == pathId;
    }

    /**
     * The next sequence number the target would issue on {@code pathId}, judged from every
     * PATH_NEW_CONNECTION_ID (and, for path 0, NEW_CONNECTION_ID) it sent so far; 0 when it issued none there.
     */
    static long nextIssuedSequence(Probe p, long pathId) {
        // Path 0 starts with the handshake connection ID, sequence 0, which no frame announces.
        long next = pathId == 0 ? 1 : 0;
        for (SentFrame s : p.allSent()) {
            if (s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == pathId) {
                next = Math.max(next, n.sequence() + 1);
            } else if (pathId == 0 && s.frame() instanceof Frame.NewConnectionId n) {
                next = Math.max(next, n.sequence() + 1);
            }
        }
        return next;
    }

    /** The frames of the target since {@code mark} that name a path ID above {@code max}. */
    static List<SentFrame> namingAbove(Probe p, int mark, long max) {
        return p.sentSince(mark).stream()
                .filter(s -> namedPathId(s.frame()).orElse(-1) > max).toList();
    }

    /**
     * After an acknowledgement for path 0: its PTO fell below {@code before0} (an RTT sample was taken),
     * path 1's stayed at {@code before1}, and the target did not close.
     */
    static Outcome ptoOfPathZeroDropped(Probe p, long before0, long before1) throws TargetException {
        long after0 = p.ptoMicros(0);
        long after1 = p.ptoMicros(1);
        String expected = "PTO of path 0 below " + before0 + " us, PTO of path 1 still " + before1 + " us";
        String observed = "PTO of path 0 " + after0 + " us, of path 1 " + after1 + " us";
        Outcome o = after0 < before0 && after1 == before1 ? Outcome.met(expected, observed)
                : Outcome.notMet(expected, observed);
        return o.and(p.expectNoClose());
    }
}
