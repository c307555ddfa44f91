package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import java.util.Set;
import java.util.TreeSet;

/**
 * draft-21 §3.2 and §4.4 from the issuing side: the connection IDs the target announces when its
 * application asks for more, and when the suite raises its maximum path ID (capability {@code commands}
 * where a command is given).
 */
final class S4_4_IssuingConnectionIds implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §4.4";
    }

    @Override
    public String title() {
        return "Connection IDs the target issues";
    }

    /** The sequence numbers the target announced for {@code pathId} so far (PATH_NEW_CONNECTION_ID). */
    private static Set<Long> announced(Probe p, long pathId) {
        Set<Long> seqs = new TreeSet<>();
        for (Frame.PathNewConnectionId n : p.sentSince(0, Frame.PathNewConnectionId.class)) {
            if (n.pathId() == pathId) {
                seqs.add(n.sequence());
            }
        }
        return seqs;
    }

    @Case(requirements = "MP-3.2-1",
            text = "the target's application issues one more connection ID for path 1 and then for path 2: each "
                    + "new PATH_NEW_CONNECTION_ID carries the next sequence number of its own path")
    Outcome moreConnectionIdsContinueEachPathsNumbering(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        long next1 = CidSteps.highestIssued(p, 1) + 1;
        long next2 = CidSteps.highestIssued(p, 2) + 1;
        int mark = p.mark();
        p.commandOrUnsupported(new Command.IssueConnectionIds(1, 1), "issue connection IDs");
        p.commandOrUnsupported(new Command.IssueConnectionIds(2, 1), "issue connection IDs");
        return p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 1 with sequence " + next1,
                        s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 1 && n.sequence() == next1)
                .and(p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 2 with sequence " + next2,
                        s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 2
                                && n.sequence() == next2));
    }

    @Case(requirements = "MP-4.4-7",
            text = "the target's application asks for 2 and then 1 more connection IDs for path 1 while the suite's "
                    + "active_connection_id_limit is 4, and the suite then says PATH_CIDS_BLOCKED for path 1: the "
                    + "target never has more than 4 connection IDs of path 1 active (the suite would have to close)")
    Outcome issuingStaysWithinThePeersLimit(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        p.command(new Command.IssueConnectionIds(1, 2)).command(new Command.IssueConnectionIds(1, 1));
        p.send(new Frame.PathCidsBlocked(1, CidSteps.highestIssued(p, 1) + 1));
        Set<Long> seqs = announced(p, 1);
        String expected = "at most 4 connection IDs of path 1 announced (the suite retired none)";
        String observed = seqs.size() + " announced: sequences " + seqs;
        return seqs.size() <= 4 ? Outcome.met(expected, observed) : Outcome.notMet(expected, observed);
    }

    @Case(requirements = "MP-3.2.1-5",
            text = "the target's application asks for a connection ID for path 6 while the suite's maximum path "
                    + "ID is 4: the target issues none for path 6")
    Outcome noConnectionIdAboveThePeersLimitOnRequest(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        int mark = p.mark();
        p.command(new Command.IssueConnectionIds(CaseContext.DEFAULT_MAX_PATH_ID + 2, 1));
        return p.expectNotSent(mark, "PATH_NEW_CONNECTION_ID for a path ID above 4",
                s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() > CaseContext.DEFAULT_MAX_PATH_ID);
    }

    @Case(requirements = {"MP-4.5-5", "MP-3.2.2-2"},
            text = "the suite retires the first connection ID the target issued for path 4, an unused path ID at "
                    + "both limits: the path is not abandoned, so the target issues a new connection ID for path 4")
    Outcome retirementAtTheLimitGetsReplacement(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        long last = CaseContext.DEFAULT_MAX_PATH_ID;
        long first = CidSteps.lowestIssuedSince(p, 0, last);
        if (first < 0) {
            return Outcome.unsupported("the target issued no connection ID for path " + last);
        }
        int mark = p.mark();
        p.send(new Frame.PathRetireConnectionId(last, first));
        return p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path " + last,
                        s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == last)
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-3.2.1-1", "MP-4.6-1"},
            text = "target allows path IDs up to 6, the suite up to 2; the suite raises its maximum to 4 with "
                    + "MAX_PATH_ID: the target now issues connection IDs for the unused path IDs 3 and 4")
    Outcome raisedPeerLimitGetsConnectionIds(CaseContext ctx) throws TargetException {
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), 6).withTesterMaxPathId(2));
        int mark = p.mark();
        p.send(new Frame.MaxPathId(4));
        return p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 3",
                        s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 3)
                .and(p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 4",
                        s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 4))
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-4.6-2", "MP-4.6-1"},
            text = "the target's application asks to raise its maximum path ID to 2^32: the target sends no "
                    + "MAX_PATH_ID above 2^32-1 (the suite would have to close)")
    Outcome noMaxPathIdAboveTwoTo32MinusOne(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        int mark = p.mark();
        p.command(new Command.RaiseMaxPathId(0x1_0000_0000L));
        return p.expectNotSent(mark, "MAX_PATH_ID above 2^32-1",
                s -> s.frame() instanceof Frame.MaxPathId m && m.maximum() > 0xFFFF_FFFFL);
    }

    @Case(requirements = {"MP-3.2.1-1", "MP-4.6-1"},
            text = "target allows path IDs up to 2, the suite up to 4; the target's application raises its "
                    + "maximum to 4: the target sends MAX_PATH_ID 4 and issues connection IDs for path IDs 3 and 4")
    Outcome raisedOwnLimitGetsConnectionIds(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), 4).withTargetMaxPathId(2));
        int mark = p.mark();
        p.commandOrUnsupported(new Command.RaiseMaxPathId(4), "raise its maximum path ID");
        return p.expectSent(mark, "MAX_PATH_ID 4", s -> s.frame() instanceof Frame.MaxPathId m && m.maximum() == 4)
                .and(p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 3",
                        s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 3))
                .and(p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 4",
                        s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 4));
    }

    @Case(requirements = {"MP-3.2-1", "MP-4.4-3"},
            text = "both sides allow path IDs up to 10; the target's application issues a connection ID for path 9, "
                    + "which nothing has named yet: its PATH_NEW_CONNECTION_ID starts path 9's own numbering, at 0 "
                    + "unless the target had already issued IDs there")
    Outcome firstConnectionIdOfAnUntouchedPathId(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), 10).withTesterMaxPathId(10));
        // A target that provisions every path ID up front has numbered path 9 already; the rule is the same.
        long next = CidSteps.highestIssued(p, 9) + 1;
        int mark = p.mark();
        p.commandOrUnsupported(new Command.IssueConnectionIds(9, 1), "issue a connection ID for path 9");
        return p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 9 with sequence " + next,
                s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 9 && n.sequence() == next)
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-2.2-1", "MP-4.4-7"}, tags = {"limits", "cid"},
            text = "the target's application asks for 2 more connection IDs for path 1 and 2 more for path 2, which "
                    + "brings each path to the suite's active_connection_id_limit of 4: the limit counts per path, "
                    + "so the target announces four on each")
    Outcome limitCountsPerPathUpToExactlyTheLimit(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        long before1 = announced(p, 1).size();
        long before2 = announced(p, 2).size();
        if (before1 != 2 || before2 != 2) {
            return Outcome.unsupported("the case needs 2 connection IDs issued on each of paths 1 and 2 at the "
                    + "start; the target issued " + before1 + " and " + before2);
        }
        p.commandOrUnsupported(new Command.IssueConnectionIds(1, 2), "issue connection IDs up to the limit");
        p.commandOrUnsupported(new Command.IssueConnectionIds(2, 2), "issue connection IDs up to the limit");
        Set<Long> one = announced(p, 1);
        Set<Long> two = announced(p, 2);
        // How they are numbered is MP-3.2-1's business (moreConnectionIdsContinueEachPathsNumbering).
        String expected = "4 connection IDs announced on each of paths 1 and 2";
        String observed = "path 1: sequences " + one + ", path 2: sequences " + two;
        if (one.size() > 4 || two.size() > 4) {
            return Outcome.notMet(expected, observed);
        }
        if (one.size() < 4 || two.size() < 4) {
            // Fewer than asked is a choice the limit allows: nothing shows how the target counts.
            return Outcome.unsupported("the target accepted the commands but issued fewer: " + observed);
        }
        return Outcome.met(expected, observed).and(p.expectNoClose());
    }

    @Case(requirements = {"MP-2.2-1", "MP-4.4-7"}, tags = {"limits", "cid"},
            text = "the suite's active_connection_id_limit is 2, the smallest allowed; path 1 is opened and the suite "
                    + "retires one connection ID of paths 0 and 1 each: at the start, after the opening and after the "
                    + "retirements, the target has at most 2 connection IDs of one path active (the handshake ID "
                    + "counts for path 0)")
    Outcome smallestLimitIsNeverExceeded(CaseContext ctx) throws TargetException {
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), CaseContext.DEFAULT_MAX_PATH_ID)
                .withTesterActiveCidLimit(2));
        Outcome o = CidSteps.activeWithin(p, java.util.Map.of(), 2, "at the start");
        PathSteps.openPath(p, 1);
        o = o.and(CidSteps.activeWithin(p, java.util.Map.of(), 2, "after path 1 opened"));
        long first1 = CidSteps.lowestIssuedSince(p, 0, 1);
        if (first1 < 0) {
            return o.and(Outcome.unsupported("the target issued no connection ID for path 1"));
        }
        // Each retirement travels on the other path, so that no packet retires its own connection ID (MP-4.5-4).
        p.sendOn(1, new Frame.PathRetireConnectionId(0, 0)).send(new Frame.PathRetireConnectionId(1, first1));
        return o.and(CidSteps.activeWithin(p, java.util.Map.of(0L, Set.of(0L), 1L, Set.of(first1)), 2,
                "after the retirements")).and(p.expectNoClose());
    }
}
