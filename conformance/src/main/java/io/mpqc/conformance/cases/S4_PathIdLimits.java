package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.PathSteps.nextIssuedSequence;
import static io.mpqc.conformance.cases.PathSteps.openPath;
import static io.mpqc.conformance.cases.PathSteps.pathAckOf;
import static io.mpqc.conformance.cases.Stimuli.abandon;
import static io.mpqc.conformance.cases.Stimuli.available;
import static io.mpqc.conformance.cases.Stimuli.backup;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.TransportError;
import java.util.List;

/**
 * draft-21 §4, §4.6, §4.7 and §3.2.1: the path ID limit every multipath frame is checked against (the
 * receiver's own advertised maximum), MAX_PATH_ID, PATHS_BLOCKED and PATH_CIDS_BLOCKED. Cases that try
 * every path-carrying frame use one fresh session per frame and report the first that is mishandled.
 */
final class S4_PathIdLimits implements CaseGroup {
    private static final long MAX = CaseContext.DEFAULT_MAX_PATH_ID;
    private static final long TWO_TO_32 = 0x1_0000_0000L;
    private static final long LARGEST_VARINT = (1L << 62) - 1;

    /** The frame kinds that carry a Path Identifier. */
    private static final List<FrameType> PATH_KINDS = List.of(FrameType.PATH_ACK, FrameType.PATH_ACK_ECN,
            FrameType.PATH_ABANDON, FrameType.PATH_STATUS_BACKUP, FrameType.PATH_STATUS_AVAILABLE,
            FrameType.PATH_NEW_CONNECTION_ID, FrameType.PATH_RETIRE_CONNECTION_ID, FrameType.PATH_CIDS_BLOCKED);

    @Override
    public String section() {
        return "draft-21 §4, §4.6, §4.7, §3.2.1";
    }

    @Override
    public String title() {
        return "Path ID limits, MAX_PATH_ID, PATHS_BLOCKED and PATH_CIDS_BLOCKED";
    }

    /** Opens the session a case's stimuli go to. */
    @FunctionalInterface
    private interface Setup {
        Probe open() throws TargetException;
    }

    // ---- MP-4-3 for every path-carrying frame ----

    @Case(requirements = "MP-4-3",
            text = "each path-carrying multipath frame naming path 4, the target's maximum (PATH_ACK after the "
                    + "path was opened, so that it acknowledges a packet really sent): accepted, no close")
    Outcome everyPathFrameAtMaximumIsAccepted(CaseContext ctx) throws TargetException {
        return eachPathFrame(ctx, ctx::server, MAX, true);
    }

    @Case(requirements = "MP-4-3",
            text = "each path-carrying multipath frame naming path 5, one above the target's maximum of 4: "
                    + "PROTOCOL_VIOLATION")
    Outcome everyPathFrameAboveMaximumCloses(CaseContext ctx) throws TargetException {
        return eachPathFrame(ctx, ctx::server, MAX + 1, false);
    }

    @Case(requirements = "MP-4-3",
            text = "each path-carrying multipath frame naming path 2^32-1, the largest valid path ID, while the "
                    + "target's maximum is 4: PROTOCOL_VIOLATION")
    Outcome everyPathFrameAtTwoTo32MinusOneCloses(CaseContext ctx) throws TargetException {
        return eachPathFrame(ctx, ctx::server, TWO_TO_32 - 1, false);
    }

    @Case(requirements = "MP-4-3",
            text = "each path-carrying multipath frame naming path 2^32, encodable as a varint but no path ID: "
                    + "PROTOCOL_VIOLATION (a state error, not FRAME_ENCODING_ERROR)")
    Outcome everyPathFrameAtTwoTo32Closes(CaseContext ctx) throws TargetException {
        return eachPathFrame(ctx, ctx::server, TWO_TO_32, false);
    }

    @Case(requirements = "MP-4-3", tags = "attack",
            text = "each path-carrying multipath frame naming path 2^62-1, the largest varint: PROTOCOL_VIOLATION, "
                    + "no crash")
    Outcome everyPathFrameAtLargestVarintCloses(CaseContext ctx) throws TargetException {
        return eachPathFrame(ctx, ctx::server, LARGEST_VARINT, false);
    }

    @Case(requirements = "MP-4-3",
            text = "the target raises its maximum to 6 (command) and announces MAX_PATH_ID 6: each path-carrying "
                    + "frame naming path 6 is then accepted")
    Outcome raisedMaximumAcceptsItsNewValue(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe first = ctx.server();
        int mark = first.mark();
        first.command(new Command.RaiseMaxPathId(6));
        if (first.lastRefusal() != null) {
            return Outcome.unsupported("the target refused to raise its maximum path ID: " + first.lastRefusal());
        }
        Outcome announced = first.expectSent(mark, "MAX_PATH_ID 6",
                s -> s.frame() instanceof Frame.MaxPathId m && m.maximum() == 6);
        return announced.and(eachPathFrame(ctx, () -> raised(ctx.server(), 6), 6, true));
    }

    @Case(requirements = "MP-4-3",
            text = "after the target raised its maximum to 6 (command), each path-carrying frame naming path 7: "
                    + "PROTOCOL_VIOLATION")
    Outcome raisedMaximumStillRefusesAbove(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        return eachPathFrame(ctx, () -> raised(ctx.server(), 6), 7, false);
    }

    // ---- initial_max_path_id 0 ----

    @Case(requirements = {"MP-2.1-3", "MP-4-3"},
            text = "the target sent initial_max_path_id 0: each path-carrying frame naming path 1 closes the "
                    + "connection with PROTOCOL_VIOLATION")
    Outcome maximumZeroRefusesPathOne(CaseContext ctx) throws TargetException {
        return eachPathFrame(ctx, () -> ctx.open(zero(ctx)), 1, false);
    }

    @Case(requirements = "MP-2.1-3",
            text = "the target sent initial_max_path_id 0, which still enables multipath: PATH_ACK, status and "
                    + "connection ID frames naming path 0 are accepted")
    Outcome maximumZeroAcceptsPathZero(CaseContext ctx) throws TargetException {
        return eachPathFrame(ctx, () -> ctx.open(zero(ctx)), 0, true);
    }

    @Case(requirements = {"MP-2.1-3", "MP-4-3"},
            text = "the target sent initial_max_path_id 0 and then raises its maximum to 1 (command): each "
                    + "path-carrying frame naming path 1 is accepted")
    Outcome maximumZeroRaisedToOneAcceptsPathOne(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        return eachPathFrame(ctx, () -> raised(ctx.open(zero(ctx)), 1), 1, true);
    }

    private static SessionSpec zero(CaseContext ctx) {
        return SessionSpec.server(ctx.dialect(), MAX).withTargetMaxPathId(0);
    }

    private static Probe raised(Probe p, long maximum) throws TargetException {
        p.command(new Command.RaiseMaxPathId(maximum));
        if (p.lastRefusal() != null) {
            throw new CaseUnsupportedException("the target refused to raise its maximum path ID to " + maximum
                    + ": " + p.lastRefusal());
        }
        return p;
    }

    /**
     * Sends, in a fresh session each, one frame of every path-carrying kind naming {@code pathId}, and
     * expects no close ({@code accepted}) or PROTOCOL_VIOLATION. For an accepted PATH_ACK the path is
     * opened first so that packet 0 of its space was really sent; kinds whose valid form the target's
     * state does not allow (no connection ID of the target to acknowledge or retire) are left out.
     */
    private static Outcome eachPathFrame(CaseContext ctx, Setup setup, long pathId, boolean accepted)
            throws TargetException {
        Outcome all = null;
        for (FrameType kind : PATH_KINDS) {
            if (!ctx.dialect().supports(kind)) {
                continue;
            }
            Probe p = setup.open();
            Frame f = frameFor(kind, p, pathId, accepted);
            if (f == null) {
                continue;
            }
            p.send(f);
            Outcome o = accepted ? p.expectNoClose() : p.expectClose(TransportError.PROTOCOL_VIOLATION);
            o = new Outcome(o.kind(), o.expected(), ctx.dialect().frameName(kind) + " for path " + pathId + ": "
                    + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    private static Frame frameFor(FrameType kind, Probe p, long pathId, boolean accepted) throws TargetException {
        long next = nextIssuedSequence(p, pathId);
        return switch (kind) {
            case PATH_ACK, PATH_ACK_ECN -> {
                if (accepted) {
                    if (next == 0) {
                        yield null; // the suite cannot address the path, so nothing of it can be acknowledged
                    }
                    if (pathId != 0) {
                        openPath(p, pathId);
                    }
                    if (p.allSent().stream().noneMatch(s -> s.pathId() == pathId)) {
                        yield null;
                    }
                }
                yield new Frame.PathAck(pathId, 0, 0, 0, AckRanges.NONE,
                        kind == FrameType.PATH_ACK ? null : new EcnCounts(0, 0, 0));
            }
            // The last path must not be abandoned here: that is MP-3.4-10, not a limit check.
            case PATH_ABANDON -> accepted && pathId == 0 ? null : abandon(pathId);
            case PATH_STATUS_BACKUP -> backup(pathId, 1);
            case PATH_STATUS_AVAILABLE -> available(pathId, 2);
            // Sequence 1 on path 0 (0 is the handshake connection ID); the value stays unique for any path ID.
            case PATH_NEW_CONNECTION_ID -> new Frame.PathNewConnectionId(pathId, pathId == 0 ? 1 : 0, 0,
                    Stimuli.cid(pathId, 0xbad), Stimuli.token(pathId, 0xbad));
            case PATH_RETIRE_CONNECTION_ID -> {
                if (accepted && next == 0) {
                    yield null;
                }
                yield new Frame.PathRetireConnectionId(pathId, Math.max(0, next - 1));
            }
            case PATH_CIDS_BLOCKED -> new Frame.PathCidsBlocked(pathId, accepted ? next : 0);
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }

    // ---- MAX_PATH_ID (§4.6) ----

    @Case(requirements = {"MP-4.6-2", "MP-4.6-4"},
            text = "MAX_PATH_ID 2^32 and, in another session, 2^62-1: values above 2^32-1 close the connection "
                    + "with PROTOCOL_VIOLATION")
    Outcome maxPathIdAboveTwoTo32MinusOneCloses(CaseContext ctx) throws TargetException {
        Outcome all = null;
        for (long v : new long[] {TWO_TO_32, LARGEST_VARINT}) {
            Probe p = ctx.server().send(new Frame.MaxPathId(v));
            Outcome o = p.expectClose(TransportError.PROTOCOL_VIOLATION);
            o = new Outcome(o.kind(), o.expected(), "MAX_PATH_ID " + v + ": " + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    @Case(requirements = "MP-4.6-2",
            text = "MAX_PATH_ID 2^32-1, the largest valid value: accepted, no close")
    Outcome maxPathIdTwoTo32MinusOneIsAccepted(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.MaxPathId(TWO_TO_32 - 1)).expectNoClose();
    }

    @Case(requirements = {"MP-4.6-3", "MP-4.6-4"}, tags = {"attack", "lowering"},
            text = "the suite's initial_max_path_id is 4; MAX_PATH_ID 3 and, in another session, MAX_PATH_ID 0 "
                    + "go below it: PROTOCOL_VIOLATION")
    Outcome maxPathIdBelowOwnParameterCloses(CaseContext ctx) throws TargetException {
        Outcome all = null;
        for (long v : new long[] {MAX - 1, 0}) {
            Probe p = ctx.server().send(new Frame.MaxPathId(v));
            Outcome o = p.expectClose(TransportError.PROTOCOL_VIOLATION);
            o = new Outcome(o.kind(), o.expected(), "MAX_PATH_ID " + v + ": " + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    @Case(requirements = "MP-4.6-5",
            text = "MAX_PATH_ID 4, equal to the suite's initial_max_path_id: it raises nothing and is ignored, "
                    + "no close")
    Outcome maxPathIdEqualToParameterIsIgnored(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.MaxPathId(MAX)).expectNoClose();
    }

    @Case(requirements = "MP-4.6-5", tags = {"attack", "reorder"},
            text = "MAX_PATH_ID 8, then 6, then 5 (lower than before but not below the parameter 4, as after "
                    + "reordering): the later ones are ignored, no close")
    Outcome lowerMaxPathIdAboveParameterIsIgnored(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.MaxPathId(8)).send(new Frame.MaxPathId(6)).send(new Frame.MaxPathId(5))
                .expectNoClose();
    }

    @Case(requirements = "MP-4.6-5", tags = "reorder",
            text = "MAX_PATH_ID 8, then 6; the target raises its own maximum to 8 (command) and is asked for a "
                    + "connection ID on path 7: it issues PATH_NEW_CONNECTION_ID for path 7, since the suite's "
                    + "limit is still 8")
    Outcome lowerMaxPathIdDoesNotShrinkTheLimit(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server().send(new Frame.MaxPathId(8)).send(new Frame.MaxPathId(6));
        int mark = p.mark();
        raised(p, 8);
        boolean issued = p.sentSince(mark).stream()
                .anyMatch(s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 7);
        if (!issued) {
            p.command(new Command.IssueConnectionIds(7, 1));
        }
        return p.expectNoClose().and(p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 7",
                s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 7));
    }

    // ---- PATHS_BLOCKED (§4.7) ----

    @Case(requirements = "MP-4.7-3", tags = {"attack", "blocked-lie"},
            text = "PATHS_BLOCKED 5 claims a limit above the target's maximum of 4: PROTOCOL_VIOLATION")
    Outcome pathsBlockedAboveMaximumCloses(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.PathsBlocked(MAX + 1)).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "MP-4.7-2",
            text = "PATHS_BLOCKED 4, the target's maximum: informational, no close")
    Outcome pathsBlockedAtMaximumIsNoError(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.PathsBlocked(MAX)).expectNoClose();
    }

    @Case(requirements = "MP-4.7-2",
            text = "PATHS_BLOCKED 2, below the target's current maximum (stale): ignored, no close")
    Outcome stalePathsBlockedIsIgnored(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.PathsBlocked(2)).expectNoClose();
    }

    @Case(requirements = {"MP-4.7-3", "MP-4.7-2"}, tags = {"attack", "blocked-lie"},
            text = "after the target raised its maximum to 6 (command): PATHS_BLOCKED 6 is no error, PATHS_BLOCKED "
                    + "7 (another session) is PROTOCOL_VIOLATION")
    Outcome pathsBlockedFollowsRaisedMaximum(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Outcome at = raised(ctx.server(), 6).send(new Frame.PathsBlocked(6)).expectNoClose();
        if (!at.isMet()) {
            return new Outcome(at.kind(), at.expected(), "PATHS_BLOCKED 6: " + at.observed());
        }
        return at.and(raised(ctx.server(), 6).send(new Frame.PathsBlocked(7))
                .expectClose(TransportError.PROTOCOL_VIOLATION));
    }

    // ---- PATH_CIDS_BLOCKED (§4.7) ----

    @Case(requirements = {"MP-4.7-3", "MP-4-3"}, tags = {"attack", "blocked-lie"},
            text = "PATH_CIDS_BLOCKED for path 5, above the target's maximum of 4: PROTOCOL_VIOLATION")
    Outcome pathCidsBlockedAboveMaximumCloses(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.PathCidsBlocked(MAX + 1, 0))
                .expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "MP-4.7-4", tags = {"attack", "blocked-lie"},
            text = "PATH_CIDS_BLOCKED for path 1 and, in another session, for path 0, whose Next Sequence Number is "
                    + "one above the next sequence number the target would issue there (judged from the connection "
                    + "IDs it announced): PROTOCOL_VIOLATION")
    Outcome nextSequenceBeyondNextToIssueCloses(CaseContext ctx) throws TargetException {
        Outcome all = null;
        for (long id : new long[] {1, 0}) {
            Probe p = ctx.server();
            long next = nextIssuedSequence(p, id);
            Outcome o = p.send(new Frame.PathCidsBlocked(id, next + 1)).expectClose(TransportError.PROTOCOL_VIOLATION);
            o = new Outcome(o.kind(), o.expected(), "path " + id + ", next sequence " + (next + 1)
                    + " (target's next: " + next + "): " + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    @Case(requirements = "MP-4.7-4", tags = {"attack", "blocked-lie"},
            text = "the suite retires connection ID 0 of path 1, so the target may issue a replacement; then "
                    + "PATH_CIDS_BLOCKED for path 1 with a Next Sequence Number one above the target's new next: "
                    + "PROTOCOL_VIOLATION")
    Outcome nextSequenceBeyondNextAfterReplacementCloses(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        if (nextIssuedSequence(p, 1) == 0) {
            return Outcome.unsupported("the target issued no connection ID for path 1 that the suite could retire");
        }
        p.send(new Frame.PathRetireConnectionId(1, 0));
        Outcome open = p.expectNoClose();
        if (!open.isMet()) {
            return open;
        }
        long next = nextIssuedSequence(p, 1);
        Outcome o = p.send(new Frame.PathCidsBlocked(1, next + 1)).expectClose(TransportError.PROTOCOL_VIOLATION);
        return new Outcome(o.kind(), o.expected(), "next sequence " + (next + 1) + " (target's next: " + next
                + "): " + o.observed());
    }

    @Case(requirements = {"MP-4.7-2", "MP-4.7-4"},
            text = "PATH_CIDS_BLOCKED for path 1 whose Next Sequence Number equals the next the target would "
                    + "issue: informational, no close")
    Outcome nextSequenceEqualToNextToIssueIsNoError(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        long next = nextIssuedSequence(p, 1);
        Outcome o = p.send(new Frame.PathCidsBlocked(1, next)).expectNoClose();
        return new Outcome(o.kind(), o.expected(), "next sequence " + next + ": " + o.observed());
    }

    @Case(requirements = {"MP-4.7-2", "MP-4.7-4"},
            text = "PATH_CIDS_BLOCKED for path 1 with Next Sequence Number 0 (lower than the target's next) and "
                    + "for the path ID 3 with 0: no close")
    Outcome lowerNextSequenceIsNoError(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.PathCidsBlocked(1, 0)).send(new Frame.PathCidsBlocked(3, 0))
                .expectNoClose();
    }

    // ---- path IDs out of order, and a flood ----

    @Case(requirements = "MP-3.2.1-3",
            text = "the suite uses path 3 first, before paths 1 and 2 (a PING on path 3 after giving it a "
                    + "connection ID), then path 1: both are accepted and acknowledged, no close")
    Outcome pathIdsUsedOutOfOrderAreAccepted(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.send(Stimuli.newCid(3, 0)).sendOn(3, new Frame.Ping());
        Outcome three = p.expectNoClose().and(p.expectSent(mark, "PATH_ACK for path 3", pathAckOf(3)));
        int later = p.mark();
        p.send(Stimuli.newCid(1, 0)).sendOn(1, new Frame.Ping());
        return three.and(p.expectNoClose()).and(p.expectSent(later, "PATH_ACK for path 1", pathAckOf(1)));
    }

    @Case(requirements = {"MP-4-3", "MP-3.4-7"}, tags = {"attack", "flood"},
            text = "ten rounds of status frames for every path ID 0..4, connection IDs and PATH_ABANDON for 1..4, "
                    + "then a status frame for path 5: only the last closes (PROTOCOL_VIOLATION), and the target "
                    + "never names a path ID above 4")
    Outcome pathIdExhaustionFlood(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        for (int round = 0; round < 10; round++) {
            for (long id = 0; id <= MAX; id++) {
                p.send(round % 2 == 0 ? available(id, round) : backup(id, round));
            }
        }
        for (long id = 1; id <= MAX; id++) {
            p.send(Stimuli.newCid(id, 0)).send(abandon(id));
        }
        Outcome before = p.expectNoClose();
        if (!before.isMet()) {
            return new Outcome(before.kind(), "no close before the frame for path 5", before.observed());
        }
        p.send(available(MAX + 1, 1));
        List<SentFrame> above = PathSteps.namingAbove(p, mark, MAX);
        Outcome within = above.isEmpty() ? Outcome.met("target names no path ID above 4", "none named")
                : Outcome.notMet("target names no path ID above 4", "sent " + above.get(0));
        return p.expectClose(TransportError.PROTOCOL_VIOLATION).and(within);
    }
}
