package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.Stimuli.newCid;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.tp.Role;
import java.util.List;

/**
 * draft-21 §2.1, §3, §3.2.1 and §4 for a target asked to open paths: only a client opens one; the limit is
 * an inclusive maximum, so the path ID equal to it can be opened; running out of path IDs because of the
 * peer's limit is said with PATHS_BLOCKED; and nothing the target sends then names a path ID above that limit.
 */
final class S3_1_PathIdLimitUse implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §2.1, §3, §3.2.1, §4";
    }

    @Override
    public String title() {
        return "Who opens paths, and up to which limit";
    }

    @Case(requirements = "MP-3-1", tags = "path",
            text = "server target holding a connection ID of the suite for path 1; its application asks it to open "
                    + "a path (command): only clients open paths, so it refuses or does nothing, and sends nothing "
                    + "on path 1")
    Outcome serverDoesNotOpenPaths(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server().send(newCid(1, 0));
        int mark = p.mark();
        p.command(new Command.OpenPath());
        return p.expectNotSent(mark, "any frame on a path other than 0", s -> s.pathId() != 0)
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-2.1-3", "MP-3.1-1"}, tags = "limits",
            text = "client target; both sides announced a maximum path ID of 1 and the suite issued a connection "
                    + "ID for path 1; asked to open a path (command), the target opens path 1, the one the limit "
                    + "still allows: it sends on path 1")
    Outcome pathAtTheLimitCanBeOpened(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), 1).withRole(Role.CLIENT)).send(newCid(1, 0));
        if (p.closed()) {
            // A connection ID for the path ID equal to the limit is within it.
            return p.expectNoClose();
        }
        int mark = p.mark();
        p.commandOrUnsupported(new Command.OpenPath(), "open a path");
        return p.expectSent(mark, "a frame on path 1", PathSteps.onPath(1)).and(p.expectNoClose());
    }

    @Case(requirements = "MP-3.2.1-6", tags = {"limits", "blocked"},
            text = "client target announcing a maximum path ID of 4 to a suite that announced 1; with a connection "
                    + "ID for path 1 it opens path 1 (command); asked for another path, it is out of path IDs "
                    + "because of the suite's limit and says so with PATHS_BLOCKED naming 1")
    Outcome peersLimitReachedIsSignalled(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), CaseContext.DEFAULT_MAX_PATH_ID).withRole(Role.CLIENT)
                .withTesterMaxPathId(1)).send(newCid(1, 0));
        int first = p.mark();
        p.command(new Command.OpenPath());
        if (p.lastRefusal() != null || p.sentSince(first).stream().noneMatch(PathSteps.onPath(1))) {
            return Outcome.unsupported("the target did not open path 1"
                    + (p.lastRefusal() == null ? "" : ": " + p.lastRefusal()));
        }
        int mark = p.mark();
        p.command(new Command.OpenPath());
        return p.expectSent(mark, "PATHS_BLOCKED with maximum path ID 1",
                s -> s.frame() instanceof Frame.PathsBlocked b && b.maximum() == 1).and(p.expectNoClose());
    }

    @Case(requirements = {"MP-4-3", "MP-3.2.1-5"}, tags = "limits",
            text = "client target announcing a maximum path ID of 4 to a suite that announced 1; the suite gives it "
                    + "connection IDs for path 1 and for path 3 (within the target's own limit); the target opens "
                    + "path 1 and is asked for another path (commands): no frame it sends names a path ID above "
                    + "1, the suite's limit")
    Outcome nothingNamesAPathAboveThePeersLimit(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), CaseContext.DEFAULT_MAX_PATH_ID).withRole(Role.CLIENT)
                .withTesterMaxPathId(1)).send(newCid(1, 0)).send(newCid(3, 0));
        int mark = p.mark();
        p.command(new Command.OpenPath()).command(new Command.OpenPath());
        List<SentFrame> above = PathSteps.namingAbove(p, mark, 1);
        Outcome named = above.isEmpty() ? Outcome.met("no frame naming a path ID above 1", "none")
                : Outcome.notMet("no frame naming a path ID above 1", "sent "
                        + ctx.dialect().frameName(above.get(0).frame().type()) + " naming path "
                        + PathSteps.namedPathId(above.get(0).frame()).getAsLong());
        return named.and(p.expectNotSent(mark, "any frame on a path above 1", s -> s.pathId() > 1))
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-4.7-4", "MP-4.7-3", "MP-3.2.2-3"}, tags = "path",
            text = "target as client, both sides allow path IDs up to 10; the suite gives one connection ID for each "
                    + "of paths 1 to 7, and the application opens eight paths: the eighth finds no connection ID of "
                    + "the suite's. Any PATH_CIDS_BLOCKED the target sends (a MAY) names a path ID up to 10 and, as "
                    + "the next sequence number, at most the next one the suite would issue there (1 on paths 0 to "
                    + "7, 0 elsewhere); any "
                    + "PATHS_BLOCKED names at most 10")
    Outcome blockedFramesNameWhatTheSuiteCanCheck(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), 10).withRole(Role.CLIENT));
        for (long id = 1; id <= 7; id++) {
            p.send(newCid(id, 0));
        }
        int mark = p.mark();
        for (int i = 0; i < 8; i++) {
            p.command(new Command.OpenPath());
        }
        // The suite's next sequence: 1 on path 0 (its handshake ID is 0) and on paths 1 to 7, 0 elsewhere.
        return p.expectNotSent(mark, "PATH_CIDS_BLOCKED above path ID 10 or beyond the next sequence the suite "
                        + "would issue, or PATHS_BLOCKED above 10",
                        s -> s.frame() instanceof Frame.PathCidsBlocked b && (b.pathId() > 10
                                || b.nextSequence() > (b.pathId() <= 7 ? 1 : 0))
                                || s.frame() instanceof Frame.PathsBlocked pb && pb.maximum() > 10)
                .and(p.expectNoClose());
    }
}
