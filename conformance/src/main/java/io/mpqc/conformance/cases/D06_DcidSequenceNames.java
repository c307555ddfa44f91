package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.PathStatus;
import java.util.Map;
import java.util.TreeMap;

/**
 * draft-06, where a path is named by the sequence number of a connection ID of the frame's sender, the
 * connection IDs have one numbering (NEW_CONNECTION_ID) and status numbers grow across the whole connection
 * (digest, appendix A): names above any path ID limit of later drafts are ordinary, and neither numbering
 * repeats itself.
 */
final class D06_DcidSequenceNames implements CaseGroup {

    @Override
    public String section() {
        return "draft-06 (appendix A of the digest)";
    }

    @Override
    public String title() {
        return "Paths named by connection ID sequence numbers";
    }

    @Case(requirements = "MP-3.3-1", tags = "status", dialects = "draft-06",
            text = "the suite issues its connection ID 9 with Retire Prior To 9, so the target now reaches path 0 "
                    + "through sequence number 9; PATH_STANDBY and then PATH_AVAILABLE naming 9 follow: status "
                    + "frames for a path in use, however high its name, close nothing")
    Outcome statusNamingARotatedConnectionIdClosesNothing(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(new Frame.NewConnectionId(9, 9, Stimuli.cid(0, 9), Stimuli.token(0, 9)));
        p.send(Stimuli.backup(9, 1)).send(Stimuli.available(9, 2));
        return p.expectNoClose();
    }

    @Case(requirements = "MP-4.3-3", tags = "status", dialects = "draft-06",
            text = "the suite issues its connection ID 1; the target's application sets the path named 0 to "
                    + "BACKUP and the one named 1 to AVAILABLE: draft-06 senders number status frames across the "
                    + "connection, so the second number is above the first")
    Outcome statusNumbersGrowAcrossPaths(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server().send(new Frame.NewConnectionId(1, 0, Stimuli.cid(0, 1), Stimuli.token(0, 1)));
        int mark = p.mark();
        p.commandOrUnsupported(new Command.SetStatus(0, PathStatus.BACKUP), "set a status");
        p.commandOrUnsupported(new Command.SetStatus(1, PathStatus.AVAILABLE), "set a status for the path named 1");
        Long standby = null;
        Long available = null;
        for (SentFrame s : p.sentSince(mark)) {
            if (standby == null && s.frame() instanceof Frame.PathStatusBackup b && b.pathId() == 0) {
                standby = b.sequence();
            } else if (available == null && s.frame() instanceof Frame.PathStatusAvailable a && a.pathId() == 1) {
                available = a.sequence();
            }
        }
        String expected = "PATH_STANDBY for 0, then PATH_AVAILABLE for 1 with a higher number";
        String observed = "PATH_STANDBY number " + standby + ", PATH_AVAILABLE number " + available;
        return standby != null && available != null && available > standby ? Outcome.met(expected, observed)
                : Outcome.notMet(expected, observed);
    }

    @Case(requirements = "MP-4.4-5", tags = "cid", dialects = "draft-06",
            text = "the target's application asks for one more connection ID for the path named 0 and one for the "
                    + "path named 1 (commands; refusing the second is fine): every NEW_CONNECTION_ID the target "
                    + "sent, from the start on, has a sequence number above 0 (the handshake ID's) that no other "
                    + "connection ID has")
    Outcome connectionIdNumbersNeverRepeat(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        p.command(new Command.IssueConnectionIds(0, 1)).command(new Command.IssueConnectionIds(1, 1));
        Map<Long, Frame.NewConnectionId> seen = new TreeMap<>();
        String expected = "sequence numbers above 0, each for one connection ID";
        for (Frame.NewConnectionId n : p.sentSince(0, Frame.NewConnectionId.class)) {
            Frame.NewConnectionId earlier = seen.putIfAbsent(n.sequence(), n);
            if (n.sequence() == 0 || earlier != null && !earlier.connectionId().equals(n.connectionId())) {
                return Outcome.notMet(expected, "sequence " + n.sequence() + " for connection ID " + n.connectionId()
                        + (earlier == null ? "" : ", already used for " + earlier.connectionId()));
            }
        }
        return Outcome.met(expected, "sequences " + seen.keySet());
    }

    @Case(requirements = "Q-12.4-2", tags = "dialect", dialects = "draft-06",
            text = "target as client; its application raises the maximum path ID to 6 (draft-06 has no MAX_PATH_ID; "
                    + "the target may refuse) and opens two paths with no connection ID of the suite's for them: "
                    + "every frame the target sends is one draft-06 defines, as the suite would have to close on any "
                    + "other (through a shim such a frame does not decode, and the case is an ERROR), and it does "
                    + "not close")
    Outcome onlyFramesTheDialectDefines(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client();
        int mark = p.mark();
        p.command(new Command.RaiseMaxPathId(6)).command(new Command.OpenPath()).command(new Command.OpenPath());
        return p.expectNotSent(mark, "a frame draft-06 does not define",
                s -> !ctx.dialect().supports(s.frame().type())).and(p.expectNoClose());
    }
}
