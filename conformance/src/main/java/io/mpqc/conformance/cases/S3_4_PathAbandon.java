package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.PathSteps.abandonOf;
import static io.mpqc.conformance.cases.PathSteps.onPath;
import static io.mpqc.conformance.cases.PathSteps.openPath;
import static io.mpqc.conformance.cases.PathSteps.pathAckOf;
import static io.mpqc.conformance.cases.Stimuli.abandon;
import static io.mpqc.conformance.cases.Stimuli.available;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;
import java.util.ArrayList;
import java.util.List;

/**
 * draft-21 §3.4 and §4.2: PATH_ABANDON, the reciprocal PATH_ABANDON, late packets on an abandoned path,
 * abandoned path IDs that must stay dead, and the last open path.
 */
final class S3_4_PathAbandon implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §3.4, §4.2";
    }

    @Override
    public String title() {
        return "PATH_ABANDON and closing paths";
    }

    // ---- the reciprocal PATH_ABANDON ----

    @Case(requirements = {"MP-3.4-5", "MP-3.4-3"},
            text = "path 1 open; the suite abandons it with PATH_ABANDON on path 0: the target answers with its "
                    + "own PATH_ABANDON for path 1 and does not close")
    Outcome abandonIsAnswered(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.send(abandon(1));
        return p.expectNoClose().and(p.expectSent(mark, "PATH_ABANDON for path 1", abandonOf(1)));
    }

    @Case(requirements = {"MP-3.4-4", "MP-3.4-5"},
            text = "path 1 open; the suite abandons it on path 0: the answering PATH_ABANDON for path 1 goes on "
                    + "another open path (path 0), not on the abandoned one")
    Outcome answerGoesOnAnotherPath(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.send(abandon(1));
        return p.expectSent(mark, "PATH_ABANDON for path 1 on a path other than 1",
                        s -> abandonOf(1).test(s) && s.pathId() != 1)
                .and(p.expectNotSent(mark, "PATH_ABANDON for path 1 on path 1", s -> abandonOf(1).test(s)
                        && s.pathId() == 1));
    }

    @Case(requirements = {"MP-3.4-3", "MP-3.4-5"},
            text = "path 1 open; PATH_ABANDON for path 1 arrives on path 1 itself: accepted, no close, and "
                    + "answered with a PATH_ABANDON for path 1")
    Outcome abandonOnTheAbandonedPathItself(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.sendOn(1, abandon(1));
        return p.expectNoClose().and(p.expectSent(mark, "PATH_ABANDON for path 1", abandonOf(1)));
    }

    @Case(requirements = {"MP-3.4-7", "MP-3.4-3", "MP-3.4-5"},
            text = "path 1 open; PATH_ABANDON for path 0, the handshake path, sent on path 1: answered with "
                    + "PATH_ABANDON for path 0, and no close even 4 PTO later since path 1 stays open")
    Outcome abandonOfPathZeroIsNoError(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.sendOn(1, abandon(0));
        Outcome answered = p.expectSent(mark, "PATH_ABANDON for path 0", abandonOf(0));
        p.waitPto(1, 4);
        return p.expectNoClose().and(answered);
    }

    @Case(requirements = "MP-3.4-5",
            text = "path 1 open; the target abandons it itself (command), the suite answers with PATH_ABANDON "
                    + "for path 1: the target sends no second PATH_ABANDON for path 1, since it already sent one")
    Outcome noAnswerWhenTargetAbandonedFirst(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.commandOrUnsupported(new Command.AbandonPath(1, TransportError.NO_ERROR.code()), "abandon path 1");
        Outcome own = p.expectSent(mark, "its own PATH_ABANDON for path 1", abandonOf(1));
        int answer = p.mark();
        p.send(abandon(1));
        return own.and(p.expectNoClose())
                .and(p.expectNotSent(answer, "a second PATH_ABANDON for path 1", abandonOf(1)));
    }

    // ---- the sender of PATH_ABANDON ----

    @Case(requirements = {"MP-3.4-2", "MP-4-4"},
            text = "path 1 open; the target abandons it (command); then the suite sends a late PING and a "
                    + "PATH_CHALLENGE on path 1 and a PING on path 0, and 1 PTO passes: the target sends nothing "
                    + "more in packets on path 1 (no PATH_RESPONSE, no PATH_ACK there)")
    Outcome nothingSentOnPathAfterOwnAbandon(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.commandOrUnsupported(new Command.AbandonPath(1, TransportError.NO_ERROR.code()), "abandon path 1");
        p.sendOn(1, new Frame.Ping()).sendOn(1, new Frame.PathChallenge(0x4c61746543686cL))
                .send(new Frame.Ping()).waitPto(1, 1);
        return p.expectSent(mark, "PATH_ABANDON for path 1", abandonOf(1))
                .and(p.expectNotSent(mark, "any frame in a packet on path 1 after its PATH_ABANDON", onPath(1)))
                .and(p.expectNotSent(mark, "PATH_RESPONSE for the late challenge",
                        s -> s.frame() instanceof Frame.PathResponse))
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.4-2", "MP-3.4-5"},
            text = "the suite's very first packet on path 1 carries a PING and PATH_ABANDON for path 1: the target "
                    + "answers with PATH_ABANDON for path 1 and then sends nothing in a packet on path 1, not even "
                    + "the PATH_CHALLENGE or PATH_ACK it may have prepared for the new path")
    Outcome pathOpenedAndAbandonedInOnePacket(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(Stimuli.newCid(1, 0));
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping(), abandon(1));
        return p.expectNoClose().and(p.expectSent(mark, "PATH_ABANDON for path 1", abandonOf(1)))
                .and(p.expectNotSent(mark, "any frame in a packet on path 1", onPath(1)));
    }

    @Case(requirements = {"MP-3.4-2", "MP-3.4-5"},
            text = "the suite opens path 1 with a PING but never answers the target's PATH_CHALLENGE, then abandons "
                    + "path 1; over the next 4 PTO the target sends exactly one PATH_ABANDON for path 1 and nothing "
                    + "more on path 1 (no retried challenge, no second abandon when its validation timer expires)")
    Outcome abandonDuringValidation(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(Stimuli.newCid(1, 0)).sendOn(1, new Frame.Ping());
        long pto = Math.max(p.ptoMicros(0), p.ptoMicros(1));
        int mark = p.mark();
        p.send(abandon(1));
        for (int i = 0; i < 8; i++) {
            p.waitMicros(pto / 2);
        }
        long abandons = p.sentSince(mark).stream().filter(abandonOf(1)).count();
        Outcome once = abandons == 1 ? Outcome.met("exactly one PATH_ABANDON for path 1", "one sent")
                : Outcome.notMet("exactly one PATH_ABANDON for path 1", abandons + " sent");
        return p.expectNoClose().and(once).and(p.expectNotSent(mark, "any frame in a packet on path 1", onPath(1)));
    }

    @Case(requirements = {"MP-4-4", "MP-3.4-5"},
            text = "the target abandons path 1 (command); the suite's answering PATH_ABANDON for path 1 arrives only "
                    + "4 PTO later, when the path may be freed: ignored, no close, no further PATH_ABANDON")
    Outcome lateAnswerAfterPathFreedIsIgnored(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(ctx.server(), 1);
        p.commandOrUnsupported(new Command.AbandonPath(1, TransportError.NO_ERROR.code()), "abandon path 1");
        p.waitPto(1, 4);
        int mark = p.mark();
        p.send(abandon(1));
        return p.expectNoClose().and(p.expectNotSent(mark, "another PATH_ABANDON for path 1", abandonOf(1)));
    }

    @Case(requirements = {"MP-3.4-4", "MP-3.4-2"},
            text = "paths 0 and 1 open; the target abandons path 1 (command): its PATH_ABANDON travels on "
                    + "path 0, not on the abandoned path")
    Outcome ownAbandonGoesOnAnotherPath(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.commandOrUnsupported(new Command.AbandonPath(1, TransportError.NO_ERROR.code()), "abandon path 1");
        return p.expectSent(mark, "PATH_ABANDON for path 1 on a path other than 1",
                s -> abandonOf(1).test(s) && s.pathId() != 1);
    }

    @Case(requirements = {"MP-3.4-4", "MP-3.4-2"},
            text = "paths 0 and 1 open; the target abandons path 0 (command): its PATH_ABANDON for path 0 "
                    + "travels on path 1")
    Outcome ownAbandonOfPathZeroGoesOnPathOne(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.commandOrUnsupported(new Command.AbandonPath(0, TransportError.NO_ERROR.code()), "abandon path 0");
        return p.expectSent(mark, "PATH_ABANDON for path 0 on path 1",
                s -> abandonOf(0).test(s) && s.pathId() == 1);
    }

    @Case(requirements = "MP-3.4-8",
            text = "path 1 open; the target abandons it (command) and the suite never answers: the target does "
                    + "not close the connection in the 2.9 PTO that follow")
    Outcome noCloseBeforeThreePtoWithoutAnswer(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(ctx.server(), 1);
        long pto = Math.min(p.ptoMicros(0), p.ptoMicros(1));
        p.commandOrUnsupported(new Command.AbandonPath(1, TransportError.NO_ERROR.code()), "abandon path 1");
        for (int i = 0; i < 29; i++) {
            p.waitMicros(pto / 10);
        }
        return p.expectNoClose();
    }

    // ---- late packets on an abandoned path ----

    @Case(requirements = {"MP-3.4.3-1", "MP-3.4-6"},
            text = "path 1 open; the suite abandons it, the target answers; then a late PING arrives on path 1 "
                    + "at once: the target acknowledges it with a PATH_ACK naming path 1, and does not close")
    Outcome latePacketIsAcknowledged(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1).send(abandon(1));
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping());
        return p.expectNoClose().and(p.expectSent(mark, "PATH_ACK for path 1", pathAckOf(1)));
    }

    @Case(requirements = {"MP-3.4.3-2", "MP-3.4-2"},
            text = "path 1 open and abandoned by the suite; a late PING on path 1 is acknowledged on another "
                    + "path, never in a packet on path 1")
    Outcome lateAcknowledgementTravelsOnAnotherPath(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1).send(abandon(1));
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping());
        if (p.sentSince(mark).stream().noneMatch(pathAckOf(1))) {
            return Outcome.unsupported("the target did not acknowledge the late packet at all (a SHOULD, see "
                    + "MP-3.4.3-1), so where it sends that acknowledgement cannot be checked");
        }
        return p.expectSent(mark, "PATH_ACK for path 1 on a path other than 1",
                        s -> pathAckOf(1).test(s) && s.pathId() != 1)
                .and(p.expectNotSent(mark, "any frame in a packet on path 1", onPath(1)));
    }

    @Case(requirements = {"MP-3.4-6", "MP-3.4.3-1"},
            text = "path 1 open and abandoned by the suite; 2 PTO later (within the 3 PTO the state is kept) a "
                    + "late PING arrives on path 1: no close, and it is acknowledged with a PATH_ACK for path 1")
    Outcome stateIsKeptForLatePackets(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1).send(abandon(1)).waitPto(1, 2);
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping());
        return p.expectNoClose().and(p.expectSent(mark, "PATH_ACK for path 1", pathAckOf(1)));
    }

    // ---- early abandons ----

    @Case(requirements = "MP-3.4-7",
            text = "PATH_ABANDON for path 3, within the limit but never used and without connection IDs of the "
                    + "suite: no close")
    Outcome abandonOfUnusedPathIdIsNoError(CaseContext ctx) throws TargetException {
        return ctx.server().send(abandon(3)).expectNoClose();
    }

    @Case(requirements = {"MP-3.4-5", "MP-3.4-7"},
            text = "PATH_ABANDON for the unused path ID 3: the target answers with PATH_ABANDON for path 3")
    Outcome abandonOfUnusedPathIdIsAnswered(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.send(abandon(3));
        return p.expectNoClose().and(p.expectSent(mark, "PATH_ABANDON for path 3", abandonOf(3)));
    }

    @Case(requirements = "MP-3.4-7",
            text = "the suite gives the target a connection ID for path 2, never sends on it, then abandons "
                    + "path 2: no close")
    Outcome abandonOfPathWithoutTrafficIsNoError(CaseContext ctx) throws TargetException {
        return ctx.server().send(Stimuli.newCid(2, 0)).send(abandon(2)).expectNoClose();
    }

    // ---- error codes ----

    @Case(requirements = {"MP-4.2.1-1", "MP-3.4-5"},
            text = "path 1 open; PATH_ABANDON for path 1 with the undefined error code 0x1234: no close, and "
                    + "the abandon is answered")
    Outcome unknownErrorCodeIsNoError(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.send(new Frame.PathAbandon(1, 0x1234));
        return p.expectNoClose().and(p.expectSent(mark, "PATH_ABANDON for path 1", abandonOf(1)));
    }

    @Case(requirements = "MP-4.2.1-1",
            text = "PATH_ABANDON for path 1 with NO_ERROR and with each abandon code of the dialect "
                    + "(APPLICATION_ABANDON_PATH ... NO_CID_AVAILABLE_FOR_PATH), one session each: never a close")
    Outcome everyDefinedErrorCodeIsAccepted(CaseContext ctx) throws TargetException {
        List<Long> codes = new ArrayList<>();
        codes.add(TransportError.NO_ERROR.code());
        codes.addAll(new java.util.TreeSet<>(ctx.dialect().multipathErrors().keySet()));
        Outcome all = null;
        for (long code : codes) {
            Probe p = openPath(ctx.server(), 1).send(new Frame.PathAbandon(1, code));
            Outcome o = p.expectNoClose();
            o = new Outcome(o.kind(), o.expected(), TransportError.describe(code, ctx.dialect()) + ": "
                    + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    // ---- abuse ----

    @Case(requirements = "MP-4-3", tags = {"attack", "spoof"},
            text = "spoofed PATH_ABANDON for path IDs the target never allowed (5, 1000 and 2^32-1 with a "
                    + "maximum of 4), one session each: PROTOCOL_VIOLATION")
    Outcome spoofedAbandonAboveLimitCloses(CaseContext ctx) throws TargetException {
        Outcome all = null;
        for (long id : new long[] {CaseContext.DEFAULT_MAX_PATH_ID + 1, 1000, 0xFFFF_FFFFL}) {
            Probe p = ctx.server().send(abandon(id));
            Outcome o = p.expectClose(TransportError.PROTOCOL_VIOLATION);
            o = new Outcome(o.kind(), o.expected(), "path " + id + ": " + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    @Case(requirements = {"MP-4-4", "MP-3.4-5"}, tags = {"attack", "replay"},
            text = "path 1 open; the same PATH_ABANDON for path 1 arrives twice: no close, and the duplicate "
                    + "draws no second PATH_ABANDON")
    Outcome duplicateAbandonIsHarmless(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        int first = p.mark();
        p.send(abandon(1));
        Outcome answered = p.expectSent(first, "PATH_ABANDON for path 1", abandonOf(1));
        int second = p.mark();
        p.send(abandon(1));
        return p.expectNoClose().and(answered)
                .and(p.expectNotSent(second, "another PATH_ABANDON for path 1 after the duplicate", abandonOf(1)));
    }

    @Case(requirements = {"MP-3.4-9", "MP-4-4"}, tags = {"attack", "resurrection"},
            text = "path 2 open, then abandoned by the suite and answered; AVAILABLE, PATH_NEW_CONNECTION_ID, "
                    + "PATH_ACK, PATH_RETIRE_CONNECTION_ID, PATH_CIDS_BLOCKED and PATH_ABANDON for path 2 follow on "
                    + "path 0, and a PATH_CHALLENGE on path 2: all ignored, no PATH_RESPONSE, no new connection ID "
                    + "or second PATH_ABANDON for path 2, nothing sent on path 2, no close")
    Outcome abandonedPathIsNotResurrected(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 2).send(abandon(2));
        return resurrect(p);
    }

    @Case(requirements = {"MP-4-4", "MP-3.4-9"}, tags = {"attack", "resurrection"},
            text = "as before, but the frames for path 2 come 4 PTO after the abandon, when its state may be "
                    + "gone: still ignored, no PATH_RESPONSE, no new connection ID or second PATH_ABANDON for path "
                    + "2, nothing sent on path 2, no close")
    Outcome freedPathIsNotResurrected(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 2).send(abandon(2));
        p.waitPto(2, 4);
        return resurrect(p);
    }

    private static Outcome resurrect(Probe p) throws TargetException {
        Outcome answered = p.expectSent(0, "PATH_ABANDON for path 2", abandonOf(2));
        int mark = p.mark();
        long data = 0x5265737572726563L;
        long next = PathSteps.nextIssuedSequence(p, 2);
        p.send(available(2, 5)).send(Stimuli.newCid(2, 1)).send(PathSteps.pathAck(2, 0, 0))
                .send(new Frame.PathRetireConnectionId(2, 0)).send(new Frame.PathCidsBlocked(2, next))
                .send(abandon(2)).sendOn(2, new Frame.PathChallenge(data));
        return answered.and(p.expectNoClose())
                .and(p.expectNotSent(mark, "PATH_RESPONSE for the challenge on abandoned path 2",
                        s -> s.frame() instanceof Frame.PathResponse r && r.data() == data))
                .and(p.expectNotSent(mark, "any frame in a packet on path 2", onPath(2)))
                .and(p.expectNotSent(mark, "PATH_NEW_CONNECTION_ID for abandoned path 2 (replacement or "
                        + "answer to PATH_CIDS_BLOCKED)",
                        s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 2))
                .and(p.expectNotSent(mark, "another PATH_ABANDON for path 2", abandonOf(2)));
    }

    @Case(requirements = "MP-3.4-9",
            text = "client target: it opens a path (command), the suite validates and then abandons it; asked to "
                    + "open a path again, the target never sends on the abandoned path ID")
    Outcome abandonedPathIdIsNeverReused(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client().send(Stimuli.newCid(1, 0)).send(Stimuli.newCid(2, 0)).send(Stimuli.newCid(3, 0));
        int mark = p.mark();
        p.commandOrUnsupported(new Command.OpenPath(), "open a path");
        long opened = -1;
        for (SentFrame s : p.sentSince(mark)) {
            if (s.frame() instanceof Frame.PathChallenge && s.pathId() != 0) {
                opened = s.pathId();
                break;
            }
        }
        if (opened < 0) {
            return Outcome.unsupported("the target sent no PATH_CHALLENGE on a new path after the command");
        }
        PathSteps.answerChallenges(p, mark, opened);
        p.send(abandon(opened));
        int again = p.mark();
        p.command(new Command.OpenPath());
        return p.expectNoClose().and(p.expectNotSent(again, "any frame in a packet on abandoned path " + opened,
                onPath(opened)));
    }

    // ---- the last path ----

    @Case(requirements = "MP-3.4-10", tags = "close",
            text = "paths 0 and 1 open; the suite abandons path 0 (on path 1), then path 1 (on path 1), the last "
                    + "open path: within 3 PTO the target closes the connection (NO_ERROR or NO_VIABLE_PATH)")
    Outcome abandonOfLastRemainingPathCloses(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1).sendOn(1, abandon(0));
        Outcome before = p.expectNoClose();
        if (!before.isMet()) {
            return new Outcome(before.kind(), "no close while path 1 is still open", before.observed());
        }
        long pto = Math.max(p.ptoMicros(0), p.ptoMicros(1));
        p.sendOn(1, abandon(1));
        for (int i = 0; i < 6 && !p.closed(); i++) {
            p.waitMicros(pto / 2);
        }
        return p.expectClose(TransportError.NO_ERROR, TransportError.NO_VIABLE_PATH);
    }

    @Case(requirements = "MP-3.4-10", tags = "close",
            text = "PATH_ABANDON for path 0, the only open path: within 3 PTO the target closes the connection "
                    + "(NO_ERROR or NO_VIABLE_PATH)")
    Outcome abandonOfLastPathCloses(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        long pto = p.ptoMicros(0);
        p.send(abandon(0));
        for (int i = 0; i < 6 && !p.closed(); i++) {
            p.waitMicros(pto / 2);
        }
        return p.expectClose(TransportError.NO_ERROR, TransportError.NO_VIABLE_PATH);
    }

    @Case(requirements = {"MP-4-4", "MP-3.2-3", "MP-2.3-2"}, tags = {"attack", "resurrection"},
            text = "paths 0 and 1 open, the suite abandons path 0; then NEW_CONNECTION_ID and ACK, which always "
                    + "mean path 0, arrive on path 1: they are ignored, no close (the digest's policy)")
    Outcome pathZeroFramesAfterItWasAbandoned(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1).sendOn(1, abandon(0));
        p.sendOn(1, new Frame.NewConnectionId(5, 0, Stimuli.cid(0, 5), Stimuli.token(0, 5)),
                new Frame.Ack(0, 0, 0, io.mpqc.ref.frame.AckRanges.NONE, null));
        return p.expectNoClose();
    }

    @Case(requirements = {"MP-3.4-1", "MP-3.4-7"}, tags = "limits",
            text = "the target's application abandons path 4, an unused path ID equal to both sides' maximum: the "
                    + "target signals it with PATH_ABANDON for path 4, and the suite's answer for path 4 closes "
                    + "nothing")
    Outcome abandoningThePathIdAtBothLimits(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        long last = CaseContext.DEFAULT_MAX_PATH_ID;
        int mark = p.mark();
        p.commandOrUnsupported(new Command.AbandonPath(last, TransportError.NO_ERROR.code()),
                "abandon path " + last + ", within both limits");
        p.waitPto(0, 1);
        Outcome sent = p.expectSent(mark, "PATH_ABANDON for path " + last, abandonOf(last));
        p.send(abandon(last));
        return sent.and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.4-9", "MP-4-4"}, tags = "resurrection",
            text = "path 1 open; the target's application abandons it, the suite answers and 4 PTO pass, so the "
                    + "path may be freed; then the application abandons path 1 again: whether the target refuses, "
                    + "repeats its PATH_ABANDON or does nothing, nothing goes on path 1, no connection ID, status, "
                    + "PATH_CIDS_BLOCKED or PATH_CHALLENGE revives it, and nothing closes")
    Outcome abandoningAFreedPathAgainRevivesNothing(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(ctx.server(), 1);
        p.commandOrUnsupported(new Command.AbandonPath(1, TransportError.NO_ERROR.code()), "abandon path 1");
        p.send(abandon(1)).waitPto(0, 4);
        int mark = p.mark();
        p.command(new Command.AbandonPath(1, TransportError.NO_ERROR.code()));
        // A PATH_ACK or retirement for path 1 is fine: its state may be kept longer than 3 PTO.
        return p.expectNotSent(mark, "any frame on path 1, or a connection ID, status or PATH_CIDS_BLOCKED for it",
                        s -> s.pathId() == 1 || PathSteps.namedPathId(s.frame()).orElse(-1) == 1
                                && (s.frame() instanceof Frame.PathNewConnectionId
                                        || s.frame() instanceof Frame.PathStatusAvailable
                                        || s.frame() instanceof Frame.PathStatusBackup
                                        || s.frame() instanceof Frame.PathCidsBlocked))
                .and(p.expectNoClose());
    }
}
