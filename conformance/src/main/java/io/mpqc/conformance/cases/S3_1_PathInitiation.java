package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.PathSteps.abandonOf;
import static io.mpqc.conformance.cases.PathSteps.onPath;
import static io.mpqc.conformance.cases.PathSteps.openPath;
import static io.mpqc.conformance.cases.PathSteps.pathAckOf;
import static io.mpqc.conformance.cases.Stimuli.available;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.PathStatus;

/**
 * draft-21 §3.1: opening paths on new path IDs, PATH_CHALLENGE and PATH_RESPONSE tied to their path ID,
 * no implicit migration, and the explicit PATH_ABANDON of a path ID whose validation failed.
 */
final class S3_1_PathInitiation implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §3.1";
    }

    @Override
    public String title() {
        return "Path initiation and validation";
    }

    // ---- packets on a new path ID ----

    @Case(requirements = "MP-3.1-6",
            text = "the suite gives a connection ID for path 1, then sends a PING on path 1 without any "
                    + "PATH_CHALLENGE: accepted and acknowledged with a PATH_ACK naming path 1, no close")
    Outcome packetOnNewPathWithoutChallengeIsAcknowledged(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(Stimuli.newCid(1, 0));
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping());
        return p.expectNoClose().and(p.expectSent(mark, "PATH_ACK for path 1", pathAckOf(1)));
    }

    @Case(requirements = {"MP-3.1-6", "MP-3.1-10"},
            text = "a PING on path 2 before the suite gave any connection ID for path 2 (the target cannot "
                    + "answer on it): no close, and the packet is acknowledged with a PATH_ACK for path 2 on "
                    + "another path")
    Outcome packetOnNewPathIsAcknowledgedElsewhereWithoutCid(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.sendOn(2, new Frame.Ping());
        return p.expectNoClose().and(p.expectSent(mark, "PATH_ACK for path 2 on another path",
                s -> pathAckOf(2).test(s) && s.pathId() != 2));
    }

    @Case(requirements = {"MP-3.1.2-1", "MP-3.1-6"},
            text = "path 0 has status AVAILABLE 3 from the suite; then path 1 is used (PING, PATH_CHALLENGE, "
                    + "AVAILABLE for path 1): path 0 keeps AVAILABLE 3, and a later PING on path 0 is still "
                    + "acknowledged for path 0 without any new validation of path 0")
    Outcome newPathLeavesPathZeroAlone(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(available(0, 3)).send(Stimuli.newCid(1, 0));
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping()).sendOn(1, new Frame.PathChallenge(0x4e6577506174684cL))
                .sendOn(1, available(1, 1));
        PathSteps.answerChallenges(p, mark, 1);
        int later = p.mark();
        p.send(new Frame.Ping());
        return p.expectNoClose().and(p.expectPeerStatus(0, PathStatus.AVAILABLE, 3))
                .and(p.expectSent(later, "an acknowledgement of path 0 (PATH_ACK for path 0 or ACK)",
                        s -> pathAckOf(0).test(s) || s.frame() instanceof Frame.Ack))
                .and(p.expectNotSent(mark, "PATH_CHALLENGE on path 0 (path 0 migrated or revalidated)",
                        s -> s.pathId() == 0 && s.frame() instanceof Frame.PathChallenge));
    }

    // ---- PATH_CHALLENGE and PATH_RESPONSE ----

    @Case(requirements = "MP-3.1-5",
            text = "after a connection ID for path 1, a PATH_CHALLENGE on path 1: PATH_RESPONSE with the same "
                    + "data, on path 1 and on no other path")
    Outcome challengeIsAnsweredOnItsPath(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(Stimuli.newCid(1, 0));
        int mark = p.mark();
        long data = 0x0123456789abcdefL;
        p.sendOn(1, new Frame.PathChallenge(data));
        return p.expectSent(mark, "PATH_RESPONSE with the challenge data on path 1",
                        s -> s.pathId() == 1 && s.frame() instanceof Frame.PathResponse r && r.data() == data)
                .and(p.expectNotSent(mark, "PATH_RESPONSE on a path other than 1",
                        s -> s.pathId() != 1 && s.frame() instanceof Frame.PathResponse))
                .and(p.expectNoClose());
    }

    @Case(requirements = "MP-3.1-5",
            text = "paths 1 and 2 open; a PATH_CHALLENGE on path 2: PATH_RESPONSE with the same data on path 2, "
                    + "none on paths 0 or 1")
    Outcome challengeIsAnsweredOnItsPathAmongSeveral(CaseContext ctx) throws TargetException {
        Probe p = openPath(openPath(ctx.server(), 1), 2);
        int mark = p.mark();
        long data = 0x2222333344445555L;
        p.sendOn(2, new Frame.PathChallenge(data));
        return p.expectSent(mark, "PATH_RESPONSE with the challenge data on path 2",
                        s -> s.pathId() == 2 && s.frame() instanceof Frame.PathResponse r && r.data() == data)
                .and(p.expectNotSent(mark, "PATH_RESPONSE on a path other than 2",
                        s -> s.pathId() != 2 && s.frame() instanceof Frame.PathResponse))
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.1-5", "MP-3.1-9"},
            text = "a PATH_CHALLENGE on path 1 before the suite gave a connection ID for path 1: the target may "
                    + "delay its answer but never sends the PATH_RESPONSE on another path; no close")
    Outcome challengeWithoutCidIsNotAnsweredElsewhere(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.sendOn(1, new Frame.PathChallenge(0x7777000011112222L));
        return p.expectNotSent(mark, "PATH_RESPONSE on a path other than 1",
                        s -> s.pathId() != 1 && s.frame() instanceof Frame.PathResponse)
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.1-9", "MP-3.1-5"},
            text = "a PATH_CHALLENGE on path 1 before the suite gave a connection ID for path 1; once the "
                    + "connection ID arrives, the delayed PATH_RESPONSE with the same data goes out on path 1")
    Outcome delayedResponseFollowsTheConnectionId(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        long data = 0x0d0e0f1011121314L;
        p.sendOn(1, new Frame.PathChallenge(data)).send(Stimuli.newCid(1, 0));
        return p.expectSent(mark, "PATH_RESPONSE with the challenge data on path 1",
                s -> s.pathId() == 1 && s.frame() instanceof Frame.PathResponse r && r.data() == data);
    }

    @Case(requirements = "MP-3.1-10",
            text = "path 1 opened by the suite; it answers the target's PATH_CHALLENGE with PATH_RESPONSE and a "
                    + "PATH_ACK for path 1 in the same packet: accepted, no close")
    Outcome responseBundledWithPathAck(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(Stimuli.newCid(1, 0));
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping());
        for (SentFrame s : p.sentSince(mark)) {
            if (s.pathId() == 1 && s.frame() instanceof Frame.PathChallenge c) {
                p.sendOn(1, new Frame.PathResponse(c.data()), PathSteps.pathAck(1, 0, 0));
                return p.expectNoClose();
            }
        }
        return Outcome.unsupported("the target did not validate path 1 with a PATH_CHALLENGE");
    }

    // ---- a client target opening paths ----

    @Case(requirements = "MP-3.1-1",
            text = "client target; the suite issued a connection ID for path 2 only; asked to open a path "
                    + "(command), the target uses path ID 2: its first packet there carries a PATH_CHALLENGE, "
                    + "and nothing goes on path 1")
    Outcome clientOpensPathOnUnusedIdWithCid(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client().send(Stimuli.newCid(2, 0));
        int mark = p.mark();
        p.commandOrUnsupported(new Command.OpenPath(), "open a path");
        return p.expectSent(mark, "PATH_CHALLENGE on path 2",
                        s -> s.pathId() == 2 && s.frame() instanceof Frame.PathChallenge)
                .and(p.expectNotSent(mark, "any frame in a packet on path 1", onPath(1)))
                .and(p.expectNoClose());
    }

    @Case(requirements = "MP-3.1-1",
            text = "client target; the suite issued no connection ID for any path ID but 0; asked to open a path "
                    + "(command), the target sends nothing on a new path ID")
    Outcome clientDoesNotOpenPathWithoutCid(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client();
        int mark = p.mark();
        p.command(new Command.OpenPath());
        return p.expectNotSent(mark, "any frame in a packet on a path other than 0", s -> s.pathId() != 0)
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.1-12", "MP-3.4-4"},
            text = "client target; it opens path 1 (command) and the suite never answers its PATH_CHALLENGE; "
                    + "3.5 PTO later the target has closed the consumed path ID with PATH_ABANDON for path 1, "
                    + "sent on another path")
    Outcome failedValidationEndsWithAbandon(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client().send(Stimuli.newCid(1, 0));
        int mark = p.mark();
        p.commandOrUnsupported(new Command.OpenPath(), "open a path");
        if (p.sentSince(mark).stream().noneMatch(s -> s.pathId() == 1 && s.frame() instanceof Frame.PathChallenge)) {
            return Outcome.unsupported("the target sent no PATH_CHALLENGE on path 1 after the command");
        }
        long pto = Math.max(p.ptoMicros(0), p.ptoMicros(1));
        for (int i = 0; i < 7; i++) {
            p.waitMicros(pto / 2);
        }
        return p.expectSent(mark, "PATH_ABANDON for path 1 on a path other than 1",
                s -> abandonOf(1).test(s) && s.pathId() != 1).and(p.expectNoClose());
    }
}
