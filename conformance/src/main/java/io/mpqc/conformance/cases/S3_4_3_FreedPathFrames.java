package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.PathSteps.openPath;
import static io.mpqc.conformance.cases.Stimuli.abandon;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * draft-21 §3.4.3 from the other side: once a path's state is deleted, what its unacknowledged packets held is
 * sent again elsewhere only where it still means something. A PATH_RESPONSE belongs to its path and a status
 * of the dead path names a path ID that is never used again; what a multi-range PATH_ACK acknowledged is
 * settled, and what it left out is not.
 */
final class S3_4_3_FreedPathFrames implements CaseGroup {
    /** Retired connection IDs, each answered by a packet with a replacement: enough for three ACK ranges. */
    private static final int RETIREMENTS = 5;

    @Override
    public String section() {
        return "draft-21 §3.4.3";
    }

    @Override
    public String title() {
        return "What a freed path's packets leave behind";
    }

    @Case(requirements = {"MP-3.1-5", "MP-3.4.3-3"}, tags = {"abandon", "recovery"},
            text = "path 1 open; the target answers a PATH_CHALLENGE on path 1; the suite then abandons path 1, "
                    + "acknowledges nothing there, and waits 4 PTO (the path's state may be deleted): the "
                    + "unacknowledged PATH_RESPONSE is never sent on another path")
    Outcome responseOfFreedPathIsNotSentElsewhere(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1);
        long data = 0x4672656564526573L;
        int asked = p.mark();
        p.sendOn(1, new Frame.PathChallenge(data));
        boolean answered = p.sentSince(asked).stream()
                .anyMatch(s -> s.pathId() == 1 && s.frame() instanceof Frame.PathResponse r && r.data() == data);
        if (!answered) {
            return Outcome.unsupported("the target did not answer the PATH_CHALLENGE on path 1 at once");
        }
        int mark = p.mark();
        p.send(abandon(1)).waitPto(1, 4);
        return p.expectNotSent(mark, "PATH_RESPONSE on a path other than 1, where its challenge arrived",
                s -> s.pathId() != 1 && s.frame() instanceof Frame.PathResponse).and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.4-9", "MP-3.4.3-3"}, tags = {"abandon", "recovery", "status"},
            text = "paths 1 and 2 open and path 0 abandoned by the suite, so path 1 carries the target's control "
                    + "frames; its application sets path 1 to BACKUP and then AVAILABLE (commands); the suite "
                    + "abandons path 1 on path 2, acknowledges nothing on path 1 and waits 4 PTO: no status frame "
                    + "and no connection ID for path 1 is sent again (not even those lost with freed path 0), "
                    + "since path ID 1 is never used again")
    Outcome statusOfFreedPathIsNotSentAgain(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(openPath(ctx.server(), 1), 2).sendOn(1, abandon(0));
        p.commandOrUnsupported(new Command.SetStatus(1, PathStatus.BACKUP), "set a status for path 1");
        p.command(new Command.SetStatus(1, PathStatus.AVAILABLE));
        int mark = p.mark();
        p.sendOn(2, abandon(1)).waitPto(1, 4);
        return p.expectNotSent(mark, "PATH_STATUS_BACKUP, PATH_STATUS_AVAILABLE or PATH_NEW_CONNECTION_ID for "
                        + "abandoned path 1",
                s -> s.frame() instanceof Frame.PathStatusBackup b && b.pathId() == 1
                        || s.frame() instanceof Frame.PathStatusAvailable a && a.pathId() == 1
                        || s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 1)
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-4.3-6", "MP-3.4.3-3"}, tags = {"abandon", "recovery", "status"},
            text = "paths 1 and 2 open and path 0 abandoned by the suite, so path 1 carries the target's control "
                    + "frames; its application sets path 2 to BACKUP and path 3 to AVAILABLE (commands); the suite "
                    + "abandons path 1 on path 2, acknowledges nothing on path 1 and waits 4 PTO: both statuses, "
                    + "lost with path 1 and still the latest for their paths, are sent again on another path")
    Outcome latestStatusOfOtherPathsIsSentAgain(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = openPath(openPath(ctx.server(), 1), 2).sendOn(1, abandon(0));
        int asked = p.mark();
        p.commandOrUnsupported(new Command.SetStatus(2, PathStatus.BACKUP), "set a status for path 2");
        p.commandOrUnsupported(new Command.SetStatus(3, PathStatus.AVAILABLE), "set a status for path 3");
        Frame backup = null;
        Frame available = null;
        for (SentFrame s : p.sentSince(asked)) {
            if (s.pathId() == 1 && s.frame() instanceof Frame.PathStatusBackup b && b.pathId() == 2) {
                backup = b;
            } else if (s.pathId() == 1 && s.frame() instanceof Frame.PathStatusAvailable a && a.pathId() == 3) {
                available = a;
            }
        }
        if (backup == null || available == null) {
            // Sent on path 2, say: nothing of it is lost when path 1 goes.
            return Outcome.unsupported("the target did not send both status frames on path 1");
        }
        int mark = p.mark();
        p.sendOn(2, abandon(1)).waitPto(1, 4);
        Frame b = backup;
        Frame a = available;
        return p.expectSent(mark, "PATH_STATUS_BACKUP for path 2 again, not on path 1",
                        s -> s.pathId() != 1 && b.equals(s.frame()))
                .and(p.expectSent(mark, "PATH_STATUS_AVAILABLE for path 3 again, not on path 1",
                        s -> s.pathId() != 1 && a.equals(s.frame())));
    }

    @Case(requirements = {"MP-3.4.3-3", "MP-4.1-4"}, tags = {"abandon", "recovery", "ack"},
            text = "path 1 is the target's only open path (path 0 abandoned by the suite); PINGs there and five "
                    + "retired connection IDs of path 3, one at a time, make it send packets on path 1, five of "
                    + "them with a replacement ID; the suite opens path 2, acknowledges every packet of path 1 but "
                    + "the second and third replacement with one multi-range PATH_ACK, abandons path 1 and waits 4 "
                    + "PTO: those two connection IDs are sent again on another path")
    Outcome multiRangeAckDecidesWhatIsSentAgain(CaseContext ctx) throws TargetException {
        Probe p = openPath(ctx.server(), 1).sendOn(1, abandon(0));
        for (int i = 0; i < 4; i++) {
            p.sendOn(1, new Frame.Ping());
        }
        // Packet number -> the connection IDs for path 3 it announced, in the order they went out.
        TreeMap<Long, List<Frame.PathNewConnectionId>> replacements = new TreeMap<>();
        TreeSet<Long> issued = new TreeSet<>();
        for (Frame.PathNewConnectionId n : p.sentSince(0, Frame.PathNewConnectionId.class)) {
            if (n.pathId() == 3) {
                issued.add(n.sequence());
            }
        }
        for (int i = 0; i < RETIREMENTS && !issued.isEmpty(); i++) {
            int mark = p.mark();
            p.sendOn(1, new Frame.PathRetireConnectionId(3, issued.pollFirst()));
            for (SentFrame s : p.sentSince(mark)) {
                if (s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 3) {
                    issued.add(n.sequence());
                    if (s.pathId() == 1) {
                        if (s.packetNumber() < 0) {
                            return Outcome.unsupported("the target does not report the numbers of its packets");
                        }
                        replacements.computeIfAbsent(s.packetNumber(), k -> new ArrayList<>()).add(n);
                    }
                }
            }
        }
        if (replacements.size() < RETIREMENTS) {
            return Outcome.unsupported("the target sent " + replacements.size() + " packets with a replacement "
                    + "connection ID on path 1, " + RETIREMENTS + " needed");
        }
        List<Long> withIds = new ArrayList<>(replacements.keySet());
        TreeSet<Long> left = new TreeSet<>(List.of(withIds.get(1), withIds.get(2)));
        TreeSet<Long> sentOnOne = new TreeSet<>();
        for (SentFrame s : p.allSent()) {
            if (s.pathId() == 1 && s.packetNumber() >= 0) {
                sentOnOne.add(s.packetNumber());
            }
        }
        Frame.PathAck ack = ackAllBut(1, sentOnOne, left);
        if (ack == null) {
            return Outcome.unsupported("the packet numbers the target used on path 1 (" + sentOnOne + ") leave "
                    + "no PATH_ACK with two ranges that skips " + left);
        }
        // Path 2 is opened from path 1: the suite itself abandoned path 0 and sends nothing more there.
        int opening = p.mark();
        p.sendOn(1, Stimuli.newCid(2, 0)).sendOn(2, new Frame.Ping());
        PathSteps.answerChallenges(p, opening, 2).sendOn(2, ack);
        if (p.closed()) {
            return p.expectNoClose();
        }
        int mark = p.mark();
        p.sendOn(2, abandon(1)).waitPto(1, 4);
        Outcome all = null;
        for (long pn : left) {
            for (Frame.PathNewConnectionId n : replacements.get(pn)) {
                Outcome o = p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path " + n.pathId() + " sequence "
                        + n.sequence() + " (packet " + pn + " of path 1, not acknowledged) again, not on path 1",
                        s -> s.pathId() != 1 && n.equals(s.frame()));
                if (!o.isMet()) {
                    return o;
                }
                all = all == null ? o : all.and(o);
            }
        }
        return all.and(p.expectNoClose());
    }

    /**
     * A PATH_ACK for {@code pathId} covering every number in {@code sent} except {@code skipped}, with at least
     * two ranges; null when the numbers allow no such frame. Numbers the target never used stay outside every
     * range, so nothing unsent is acknowledged.
     */
    static Frame.PathAck ackAllBut(long pathId, TreeSet<Long> sent, TreeSet<Long> skipped) {
        List<long[]> runs = new ArrayList<>(); // [high, low], highest first
        for (long pn : sent.descendingSet()) {
            if (skipped.contains(pn)) {
                continue;
            }
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] == pn + 1) {
                last[1] = pn;
            } else {
                runs.add(new long[] {pn, pn});
            }
        }
        if (runs.size() < 2) {
            return null;
        }
        long[] pairs = new long[2 * (runs.size() - 1)];
        for (int i = 1; i < runs.size(); i++) {
            // RFC 9000 §19.3.1: the gap counts the unacknowledged numbers between two ranges, minus one.
            pairs[2 * i - 2] = runs.get(i - 1)[1] - runs.get(i)[0] - 2;
            pairs[2 * i - 1] = runs.get(i)[0] - runs.get(i)[1];
        }
        return new Frame.PathAck(pathId, runs.get(0)[0], 0, runs.get(0)[0] - runs.get(0)[1],
                AckRanges.of(pairs), null);
    }
}
