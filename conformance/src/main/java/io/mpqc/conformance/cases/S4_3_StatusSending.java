package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.PathSteps.namedPathId;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * draft-21 §4.3 from the sending side: the status frames the target sends when its application sets a
 * path's status (capability {@code commands}).
 */
final class S4_3_StatusSending implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §4.3";
    }

    @Override
    public String title() {
        return "Status frames the target sends";
    }

    /** "BACKUP 3" / "AVAILABLE 4" for each status frame for {@code pathId} sent since {@code mark}. */
    private static List<long[]> statusFrames(Probe p, int mark, long pathId) {
        List<long[]> out = new ArrayList<>();
        for (SentFrame s : p.sentSince(mark)) {
            if (s.frame() instanceof Frame.PathStatusBackup b && b.pathId() == pathId) {
                out.add(new long[] {0, b.sequence()});
            } else if (s.frame() instanceof Frame.PathStatusAvailable a && a.pathId() == pathId) {
                out.add(new long[] {1, a.sequence()});
            }
        }
        return out;
    }

    private static String describe(List<long[]> frames) {
        List<String> parts = new ArrayList<>();
        for (long[] f : frames) {
            parts.add((f[0] == 1 ? "AVAILABLE " : "BACKUP ") + f[1]);
        }
        return parts.isEmpty() ? "no status frame" : String.join(", ", parts);
    }

    @Case(requirements = "MP-4.3-3", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "the target's application sets path 0 to BACKUP, AVAILABLE, BACKUP and path 1 to AVAILABLE: "
                    + "the target sends those frames, in that order, with strictly increasing sequence numbers "
                    + "per path ID")
    Outcome sentStatusSequencesIncrease(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        int mark = p.mark();
        p.commandOrUnsupported(new Command.SetStatus(0, PathStatus.BACKUP), "set a status")
                .commandOrUnsupported(new Command.SetStatus(0, PathStatus.AVAILABLE), "set a status")
                .commandOrUnsupported(new Command.SetStatus(0, PathStatus.BACKUP), "set a status")
                .commandOrUnsupported(new Command.SetStatus(1, PathStatus.AVAILABLE), "set a status");
        List<long[]> zero = statusFrames(p, mark, 0);
        List<long[]> one = statusFrames(p, mark, 1);
        String expected = "path 0: BACKUP, AVAILABLE, BACKUP and path 1: AVAILABLE, numbers increasing per path";
        String observed = "path 0: " + describe(zero) + "; path 1: " + describe(one);
        boolean kinds = zero.size() == 3 && zero.get(0)[0] == 0 && zero.get(1)[0] == 1 && zero.get(2)[0] == 0
                && one.size() == 1 && one.get(0)[0] == 1;
        boolean increasing = kinds && zero.get(0)[1] < zero.get(1)[1] && zero.get(1)[1] < zero.get(2)[1]
                && zero.get(0)[1] >= 0 && one.get(0)[1] >= 0;
        Outcome o = increasing ? Outcome.met(expected, observed) : Outcome.notMet(expected, observed);
        return o.and(p.expectNoClose());
    }

    @Case(requirements = {"MP-4-3", "MP-4.3-2"},
            text = "the target's application sets a status for path 5 and abandons path 6 while the suite's maximum "
                    + "path ID is 4: the target sends no frame naming a path ID above 4 (the suite would have to "
                    + "close)")
    Outcome noStatusAboveThePeersLimit(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        int mark = p.mark();
        p.command(new Command.SetStatus(CaseContext.DEFAULT_MAX_PATH_ID + 1, PathStatus.AVAILABLE))
                .command(new Command.AbandonPath(CaseContext.DEFAULT_MAX_PATH_ID + 2, TransportError.NO_ERROR.code()));
        return p.expectNotSent(mark, "a frame naming a path ID above 4",
                s -> namedPathId(s.frame()).orElse(-1) > CaseContext.DEFAULT_MAX_PATH_ID);
    }

    @Case(requirements = {"MP-4-3", "MP-3.2.1-5"},
            text = "target allows path IDs up to 6, the suite only up to 4; the target's application abandons path 5, "
                    + "sets its status and asks for a connection ID for it: path 5 is within the target's own limit "
                    + "but not the suite's, so no frame names it")
    Outcome peersLowerLimitBindsTheTarget(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.open(io.mpqc.conformance.target.SessionSpec.server(ctx.dialect(), 6)
                .withTesterMaxPathId(CaseContext.DEFAULT_MAX_PATH_ID));
        int mark = p.mark();
        long id = CaseContext.DEFAULT_MAX_PATH_ID + 1;
        p.command(new Command.AbandonPath(id, TransportError.NO_ERROR.code()))
                .command(new Command.SetStatus(id, PathStatus.AVAILABLE))
                .command(new Command.IssueConnectionIds(id, 1));
        return p.expectNotSent(mark, "a frame naming a path ID above the suite's maximum 4",
                s -> namedPathId(s.frame()).orElse(-1) > CaseContext.DEFAULT_MAX_PATH_ID).and(p.expectNoClose());
    }

    @Case(requirements = "MP-2-1",
            text = "target as client without multipath negotiated (neither side sent initial_max_path_id); its "
                    + "application opens a path, abandons path 0, sets a status, raises the maximum path ID and "
                    + "issues a connection ID: it sends no multipath frame")
    Outcome noMultipathFrameWithoutNegotiation(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.open(io.mpqc.conformance.target.SessionSpec.server(ctx.dialect(), -1)
                .withRole(io.mpqc.ref.tp.Role.CLIENT));
        int mark = p.mark();
        p.command(new Command.OpenPath()).command(new Command.AbandonPath(0, TransportError.NO_ERROR.code()))
                .command(new Command.SetStatus(0, PathStatus.BACKUP)).command(new Command.RaiseMaxPathId(2))
                .command(new Command.IssueConnectionIds(0, 1));
        return p.expectNotSent(mark, "a multipath frame", s -> s.frame().type().isMultipath()).and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.4-9", "MP-4-4"},
            text = "the target's application abandons path 2 and then sets its status and asks for connection IDs "
                    + "for it: the abandoned path ID is not used again, so no status frame and no connection ID "
                    + "names path 2 after the PATH_ABANDON")
    Outcome noStatusForAbandonedPath(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        p.command(new Command.AbandonPath(2, TransportError.NO_ERROR.code()));
        int mark = p.mark();
        p.command(new Command.SetStatus(2, PathStatus.AVAILABLE)).command(new Command.SetStatus(2, PathStatus.BACKUP))
                .command(new Command.IssueConnectionIds(2, 1));
        return p.expectNotSent(mark, "a status frame or connection ID for the abandoned path 2",
                s -> (s.frame() instanceof Frame.PathStatusAvailable || s.frame() instanceof Frame.PathStatusBackup
                        || s.frame() instanceof Frame.PathNewConnectionId) && namedPathId(s.frame()).orElse(-1) == 2);
    }
}
