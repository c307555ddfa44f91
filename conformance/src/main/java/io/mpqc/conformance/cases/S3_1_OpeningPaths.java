package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.Stimuli.newCid;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathStatus;

/**
 * draft-21 §3.1 and §3.3 for a target that opens paths (a client) or keeps them: each new path takes an
 * unused path ID the target can address, and a backup status closes nothing.
 */
final class S3_1_OpeningPaths implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §3.1";
    }

    @Override
    public String title() {
        return "Which path ID a new path takes";
    }

    @Case(requirements = "MP-3.1-1",
            text = "target as client, given connection IDs for paths 1 and 2, opens a path and then another: the "
                    + "second PATH_CHALLENGE goes on path 2, not again on path 1, which is in use")
    Outcome secondPathTakesTheNextUnusedId(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client().send(newCid(1, 0)).send(newCid(2, 0));
        int mark = p.mark();
        p.command(new Command.OpenPath());
        int second = p.mark();
        p.command(new Command.OpenPath());
        return p.expectSent(mark, "PATH_CHALLENGE on path 1",
                        s -> s.pathId() == 1 && s.frame() instanceof Frame.PathChallenge)
                .and(p.expectSent(second, "PATH_CHALLENGE on path 2",
                        s -> s.pathId() == 2 && s.frame() instanceof Frame.PathChallenge))
                .and(p.expectNotSent(second, "another PATH_CHALLENGE on path 1",
                        s -> s.pathId() == 1 && s.frame() instanceof Frame.PathChallenge));
    }

    @Case(requirements = "MP-3.1-2",
            text = "target as client, given no connection ID for any path but 0, is asked to open a path: it "
                    + "sends nothing on a path other than 0 (it cannot address one)")
    Outcome noPathWithoutPeerConnectionId(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client();
        int mark = p.mark();
        p.command(new Command.OpenPath()).command(new Command.OpenPath());
        return p.expectNotSent(mark, "any frame on a path other than 0", s -> s.pathId() != 0)
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.3-1", "MP-3.4-10"},
            text = "path 1 open; the suite marks it BACKUP and the target's application abandons path 0: path 1, "
                    + "a backup path, is still open, so 4 PTO later the connection has not been closed")
    Outcome backupPathKeepsConnectionOpen(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = PathSteps.openPath(ctx.server(), 1).send(Stimuli.backup(1, 1));
        p.commandOrUnsupported(new Command.AbandonPath(0, TransportError.NO_ERROR.code()), "abandon path 0");
        p.waitPto(1, 4);
        return p.expectNoClose().and(p.expectPeerStatus(1, PathStatus.BACKUP, 1));
    }

    @Case(requirements = {"MP-3-1", "MP-3.1-1"},
            text = "target as client, both sides allow path IDs up to 10; the suite gives a connection ID only for "
                    + "path 9 and the application opens a path: unless the target issued a connection ID of its own "
                    + "for path 9, the suite could not answer there, so nothing goes on path 9")
    Outcome noPathWithoutOwnConnectionId(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.open(io.mpqc.conformance.target.SessionSpec.server(ctx.dialect(), 10)
                .withRole(io.mpqc.ref.tp.Role.CLIENT));
        p.send(newCid(9, 0));
        int mark = p.mark();
        p.command(new Command.OpenPath());
        if (CidSteps.highestIssued(p, 9) >= 0) {
            // With an ID of its own announced for path 9, at any time, the target may well use path 9.
            return Outcome.unsupported("the target issued a connection ID for path 9, so it may open it");
        }
        return p.expectNotSent(mark, "any frame on path 9", PathSteps.onPath(9)).and(p.expectNoClose());
    }
}
