package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.PathSteps.abandonOf;
import static io.mpqc.conformance.cases.PathSteps.onPath;
import static io.mpqc.conformance.cases.PathSteps.openPath;
import static io.mpqc.conformance.cases.Stimuli.abandon;
import static io.mpqc.conformance.cases.Stimuli.newCid;

import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;

/**
 * draft-21 §3.4: once the target sent PATH_ABANDON for a path, including the one that answers the suite's,
 * nothing more goes out on that path, not even what the same packet asked for before the abandon; and what
 * belongs to that path (a PATH_RESPONSE) does not move to another one.
 */
final class S3_4_AbandonedPathSilence implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §3.4";
    }

    @Override
    public String title() {
        return "What the target sends once a path is abandoned";
    }

    @Case(requirements = {"MP-3.4-5", "MP-3.4-2"},
            text = "path 1 open; the suite abandons it on path 0 and the target answers with its own PATH_ABANDON; "
                    + "a PING and a PATH_CHALLENGE then arrive on path 1 (its state still exists): the target sends "
                    + "nothing on path 1")
    Outcome nothingOnPathAfterReciprocalAbandon(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.send(abandon(1)).sendOn(1, new Frame.Ping()).sendOn(1, new Frame.PathChallenge(0x0a0b0c0d0e0f1011L));
        return p.expectSent(mark, "its own PATH_ABANDON for path 1", abandonOf(1))
                .and(p.expectNotSent(mark, "any frame on the abandoned path 1", onPath(1)))
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.4.3-1", "MP-3.4.3-2"},
            text = "path 1 open; the suite abandons it and, while its state still exists, sends a PING on path 1: "
                    + "the target acknowledges it promptly with a PATH_ACK for path 1 carried on another path")
    Outcome packetOnAbandonedPathIsAcknowledgedElsewhere(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1).send(abandon(1));
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping());
        return p.expectSent(mark, "PATH_ACK for path 1 on a path other than 1",
                s -> s.pathId() != 1 && s.frame() instanceof Frame.PathAck a && a.pathId() == 1);
    }

    @Case(requirements = {"MP-3.4-6", "MP-3.4.3-1"},
            text = "5 PTO into the connection path 1 is opened and the suite abandons it; one PTO after the "
                    + "exchange a PING arrives on path 1: its state is kept 3 PTO after the abandon, so the target "
                    + "still acknowledges it (with a PATH_ACK for path 1)")
    Outcome stateIsKeptThreePtoAfterTheAbandonNotFromTheStart(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server().waitPto(0, 5), 1).send(abandon(1)).waitPto(1, 1);
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping());
        return p.expectSent(mark, "PATH_ACK for path 1", PathSteps.pathAckOf(1));
    }

    @Case(requirements = {"MP-3.4-10", "MP-3.4-8"},
            text = "the target's application abandons path 0, its only path, and the suite never answers: the "
                    + "target closes the connection (NO_ERROR) within 6 PTO, after waiting at least a while")
    Outcome abandoningTheLastPathEndsTheConnection(CaseContext ctx) throws TargetException {
        Probe p = abandonOnlyPath(ctx);
        for (int i = 0; i < 12 && !p.closed(); i++) {
            p.waitPto(0, 0.5);
        }
        return p.expectClose(io.mpqc.ref.frame.TransportError.NO_ERROR);
    }

    @Case(requirements = {"MP-3.4-8", "MP-3.4-1"},
            text = "the target's application abandons path 0, its only path, and the suite never answers: the target "
                    + "may give up on the answer and close, but not before 3 PTO, so 2.5 PTO later it is still open")
    Outcome unansweredAbandonOfTheLastPathWaitsThreePto(CaseContext ctx) throws TargetException {
        Probe p = abandonOnlyPath(ctx);
        p.waitMicros(p.ptoMicros(0) * 5 / 2);
        return p.expectNoClose();
    }

    /** A server session whose application has just abandoned path 0, its only path (capability commands). */
    private static Probe abandonOnlyPath(CaseContext ctx) throws TargetException {
        ctx.require(io.mpqc.conformance.target.Capabilities.COMMANDS);
        return ctx.server().commandOrUnsupported(new io.mpqc.conformance.target.Command.AbandonPath(0, 0),
                "abandon its last path");
    }

    @Case(requirements = "MP-4-4", tags = "attack",
            text = "paths 1 and 2 open, path 1 abandoned by the suite (exchange done); then PATH_RETIRE_CONNECTION_ID "
                    + "for path 1 sequence 100, PATH_CIDS_BLOCKED for path 1 with next sequence 100 and "
                    + "PATH_NEW_CONNECTION_ID for path 1 reusing path 2's connection ID: each would close if path 1 "
                    + "were live, but frames for an abandoned path are silently ignored")
    Outcome closingFramesForAbandonedPathAreIgnored(CaseContext ctx) throws TargetException {
        Probe p = openPath(openPath(ctx.server(), 1), 2).send(abandon(1));
        p.send(new Frame.PathRetireConnectionId(1, 100)).send(new Frame.PathCidsBlocked(1, 100))
                .send(new Frame.PathNewConnectionId(1, 7, 0, Stimuli.cid(2, 0), Stimuli.token(1, 7)));
        return p.expectNoClose();
    }

    @Case(requirements = "MP-3.4.3-3", tags = "retransmission",
            text = "paths 1 and 2 open; the target's application abandons path 0 (so path 1 carries control frames) "
                    + "and issues a connection ID for path 2, which goes out on path 1; the suite abandons path 1 "
                    + "and acknowledges nothing there: once path 1's state is deleted (4 PTO) the target sends "
                    + "that PATH_NEW_CONNECTION_ID again on another path")
    Outcome unacknowledgedFramesOfFreedPathAreSentAgain(CaseContext ctx) throws TargetException {
        ctx.require(io.mpqc.conformance.target.Capabilities.COMMANDS);
        Probe p = openPath(openPath(ctx.server(), 1), 2);
        p.command(new io.mpqc.conformance.target.Command.AbandonPath(0, 0));
        int issued = p.mark();
        p.command(new io.mpqc.conformance.target.Command.IssueConnectionIds(2, 1));
        Frame.PathNewConnectionId announced = null;
        for (io.mpqc.conformance.target.SentFrame s : p.sentSince(issued)) {
            if (s.pathId() == 1 && s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 2) {
                announced = n;
            }
        }
        if (announced == null) {
            return Outcome.unsupported("the target did not send the new connection ID for path 2 on path 1");
        }
        long sequence = announced.sequence();
        p.send(abandon(1));
        int mark = p.mark();
        p.waitPto(1, 4);
        return p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 2 sequence " + sequence + " again, not on path 1",
                s -> s.pathId() != 1 && s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 2
                        && n.sequence() == sequence);
    }

    @Case(requirements = {"MP-3.4-5", "MP-3.4-2", "MP-4.4-8"},
            text = "path 1 open; one packet on path 1 holds PATH_NEW_CONNECTION_ID for path 1 with Retire Prior To 1 "
                    + "(so the target must retire sequence 0) and then PATH_ABANDON for path 1: in its answer the "
                    + "target sends nothing on path 1")
    Outcome packetEndingInAbandonGetsNoAnswerOnThatPath(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.sendOn(1, newCid(1, 2, 1), abandon(1));
        return p.expectSent(mark, "its own PATH_ABANDON for path 1", abandonOf(1))
                .and(p.expectNotSent(mark, "any frame on the abandoned path 1", onPath(1)))
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.1-5", "MP-3.4-2"},
            text = "path 1 open; one packet on path 1 holds PATH_CHALLENGE and then PATH_ABANDON for path 1: a "
                    + "PATH_RESPONSE may only go back on path 1, which is being abandoned, so the target sends no "
                    + "PATH_RESPONSE on another path")
    Outcome challengeBeforeAbandonIsNotAnsweredElsewhere(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        int mark = p.mark();
        p.sendOn(1, new Frame.PathChallenge(0x1122334455667788L), abandon(1));
        return p.expectNotSent(mark, "PATH_RESPONSE on a path other than the challenge's",
                        s -> s.pathId() != 1 && s.frame() instanceof Frame.PathResponse)
                .and(p.expectNoClose());
    }
}
