package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.PathSteps.abandonOf;
import static io.mpqc.conformance.cases.PathSteps.openPath;
import static io.mpqc.conformance.cases.PathSteps.pathAckOf;
import static io.mpqc.conformance.cases.Stimuli.abandon;
import static io.mpqc.conformance.cases.Stimuli.newCid;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathStatus;

/**
 * draft-21 §3.4 where the path that would carry a frame is the one going away: the PATH_ABANDON of the only
 * path, frames asked for after it, the answer when the only other path is still being validated, a
 * replacement connection ID requested in the packet that abandons its carrier, and how long a path whose
 * abandon was answered late keeps its state.
 */
final class S3_4_AbandonCarriers implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §3.4";
    }

    @Override
    public String title() {
        return "Which path carries what once a path is abandoned";
    }

    @Case(requirements = {"MP-3.4-1", "MP-3.4-3"}, tags = "abandon",
            text = "the target's application abandons path 0, its only path (command): the target signals it "
                    + "with PATH_ABANDON for path 0, which can only travel on path 0 itself, unless it closes the "
                    + "connection at once")
    Outcome abandonOfOnlyPathIsSignalled(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        int mark = p.mark();
        p.commandOrUnsupported(new Command.AbandonPath(0, TransportError.NO_ERROR.code()), "abandon its only path");
        if (p.closed()) {
            // Ending the whole connection instead also leaves the peer in no doubt about path 0.
            return Outcome.met("PATH_ABANDON for path 0, or a close at once", "closed at once");
        }
        return p.expectSent(mark, "PATH_ABANDON for path 0", abandonOf(0));
    }

    @Case(requirements = {"MP-3.4-2", "MP-4.2-2"}, tags = "abandon",
            text = "the target's application abandons path 0, its only path (command), and then asks to set a "
                    + "status for path 1, to raise the maximum path ID and to issue a connection ID for path 1: "
                    + "with no path left to carry them, nothing more goes out on path 0 (a CONNECTION_CLOSE "
                    + "aside)")
    Outcome nothingOnOnlyPathAfterItsAbandon(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        p.commandOrUnsupported(new Command.AbandonPath(0, TransportError.NO_ERROR.code()), "abandon its only path");
        int mark = p.mark();
        p.command(new Command.SetStatus(1, PathStatus.AVAILABLE))
                .command(new Command.RaiseMaxPathId(CaseContext.DEFAULT_MAX_PATH_ID + 1))
                .command(new Command.IssueConnectionIds(1, 1));
        return p.expectNotSent(mark, "any frame but CONNECTION_CLOSE on path 0 after its PATH_ABANDON",
                s -> s.pathId() == 0 && !(s.frame() instanceof Frame.ConnectionClose));
    }

    @Case(requirements = {"MP-3.4-4", "MP-3.4-5"}, tags = "abandon",
            text = "the suite starts using path 1 (a PING there) but leaves the target's PATH_CHALLENGE "
                    + "unanswered, then abandons path 0 with a PATH_ABANDON sent on path 1: the answering "
                    + "PATH_ABANDON for path 0 goes on path 1, the only other path in use, not on path 0")
    Outcome answerGoesOnTheOtherPathWhileItIsValidated(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0)).sendOn(1, new Frame.Ping());
        int mark = p.mark();
        p.sendOn(1, abandon(0));
        return p.expectSent(mark, "PATH_ABANDON for path 0 on path 1", s -> abandonOf(0).test(s) && s.pathId() == 1);
    }

    @Case(requirements = {"MP-3.4-6", "MP-3.4.3-1"}, tags = "abandon",
            text = "path 1 open; the target's application abandons it (command) and the suite answers only 2 PTO "
                    + "later; 2 PTO after that answer a PING arrives on path 1: the state is kept 3 PTO after the "
                    + "PATH_ABANDON arrived, not after the one the target sent, so the PING is acknowledged with "
                    + "a PATH_ACK for path 1")
    Outcome stateIsKeptThreePtoAfterALateAnswer(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(ctx.server(), 1);
        p.commandOrUnsupported(new Command.AbandonPath(1, TransportError.NO_ERROR.code()), "abandon path 1");
        p.waitPto(1, 2).send(abandon(1)).waitPto(1, 2);
        int mark = p.mark();
        p.sendOn(1, new Frame.Ping());
        return p.expectSent(mark, "PATH_ACK for path 1", pathAckOf(1)).and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.2.2-2", "MP-3.4-2"}, tags = {"abandon", "cid"},
            text = "paths 0 and 1 open; one packet on path 0 retires path 1's connection ID 0 and then abandons "
                    + "path 0: the replacement connection ID for path 1 is still issued, on a path other than the "
                    + "abandoned path 0")
    Outcome replacementOutlivesTheAbandonOfItsCarrier(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        long highest = CidSteps.highestIssued(p, 1);
        if (highest < 0) {
            return Outcome.unsupported("the target issued no connection ID for path 1");
        }
        int mark = p.mark();
        p.send(new Frame.PathRetireConnectionId(1, 0), abandon(0));
        return p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 1 above sequence " + highest + " on a path "
                + "other than 0", s -> s.pathId() != 0 && s.frame() instanceof Frame.PathNewConnectionId n
                        && n.pathId() == 1 && n.sequence() > highest);
    }
}
