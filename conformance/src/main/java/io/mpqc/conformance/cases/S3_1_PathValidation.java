package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.PathSteps.abandonOf;
import static io.mpqc.conformance.cases.PathSteps.answerChallenges;
import static io.mpqc.conformance.cases.PathSteps.onPath;
import static io.mpqc.conformance.cases.Stimuli.newCid;

import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;

/**
 * draft-21 §3.1 (with RFC 9000 §8.2): how path validation ends. A matching PATH_RESPONSE validates the
 * path, so it stays open; a mismatched one validates nothing; a path the suite gave no connection ID for
 * carries nothing. These cases watch the target after the answer, where the path initiation cases stop.
 */
final class S3_1_PathValidation implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §3.1";
    }

    @Override
    public String title() {
        return "Path validation outcomes";
    }

    private static boolean challengeOn(SentFrame s, long pathId) {
        return s.pathId() == pathId && s.frame() instanceof Frame.PathChallenge;
    }

    @Case(requirements = {"MP-3.1-4", "Q-8.2-3"},
            text = "5 PTO into the connection the suite opens path 1 (connection ID, PING) and answers the target's "
                    + "PATH_CHALLENGE half a PTO later: the path is validated, so 4 PTO on the target has not "
                    + "abandoned it")
    Outcome answeredChallengeKeepsPathOpen(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().waitPto(0, 5);
        int mark = p.mark();
        p.send(newCid(1, 0)).sendOn(1, new Frame.Ping());
        p.waitPto(1, 0.5);
        answerChallenges(p, mark, 1);
        p.waitPto(1, 4);
        return p.expectSent(mark, "PATH_CHALLENGE on path 1", s -> challengeOn(s, 1))
                .and(p.expectNotSent(mark, "PATH_ABANDON for the validated path 1", abandonOf(1)))
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.1-12", "Q-8.2-3"},
            text = "the suite opens path 1 and answers the target's PATH_CHALLENGE with other data: nothing is "
                    + "validated, so within 4 PTO the target closes path 1 with PATH_ABANDON (or closes the "
                    + "connection with PROTOCOL_VIOLATION, which RFC 9000 allows for a mismatch)")
    Outcome mismatchedResponseValidatesNothing(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.send(newCid(1, 0)).sendOn(1, new Frame.Ping());
        for (SentFrame s : p.sentSince(mark)) {
            if (s.pathId() == 1 && s.frame() instanceof Frame.PathChallenge c) {
                p.sendOn(1, new Frame.PathResponse(c.data() ^ 0x5a5a5a5aL));
            }
        }
        p.waitPto(1, 4);
        if (p.closed()) {
            return p.expectClose(TransportError.PROTOCOL_VIOLATION);
        }
        return p.expectSent(mark, "PATH_CHALLENGE on path 1", s -> challengeOn(s, 1))
                .and(p.expectSent(mark, "PATH_ABANDON for path 1, whose validation failed", abandonOf(1)));
    }

    @Case(requirements = {"MP-3.1-3", "Q-8.2-3"},
            text = "target as client, given a connection ID for path 1, opens a path: it validates path 1 with "
                    + "PATH_CHALLENGE; the suite answers it, and 4 PTO later path 1 has not been abandoned")
    Outcome clientKeepsPathItValidated(CaseContext ctx) throws TargetException {
        ctx.require(io.mpqc.conformance.target.Capabilities.COMMANDS);
        Probe p = ctx.client().send(newCid(1, 0));
        int mark = p.mark();
        p.command(new Command.OpenPath());
        answerChallenges(p, mark, 1);
        p.waitPto(1, 4);
        return p.expectSent(mark, "PATH_CHALLENGE on path 1", s -> challengeOn(s, 1))
                .and(p.expectNotSent(mark, "PATH_ABANDON for the validated path 1", abandonOf(1)))
                .and(p.expectNoClose());
    }

    @Case(requirements = "MP-3.1-2",
            text = "a PING and a PATH_CHALLENGE arrive on path 2, for which the suite gave no connection ID: the "
                    + "target cannot address path 2, so it sends nothing there, even a PTO later")
    Outcome nothingOnPathWithoutConnectionId(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.sendOn(2, new Frame.Ping()).sendOn(2, new Frame.PathChallenge(0x0123456789abcdefL)).waitPto(2, 1);
        return p.expectNotSent(mark, "any frame on path 2", onPath(2)).and(p.expectNoClose());
    }
}
