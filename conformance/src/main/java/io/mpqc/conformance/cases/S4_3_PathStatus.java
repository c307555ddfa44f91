package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.Stimuli.available;
import static io.mpqc.conformance.cases.Stimuli.backup;

import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathStatus;

/** draft-21 §3.3 and §4.3: PATH_STATUS_AVAILABLE and PATH_STATUS_BACKUP, and their sequence numbers. */
final class S4_3_PathStatus implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §4.3";
    }

    @Override
    public String title() {
        return "PATH_STATUS_AVAILABLE and PATH_STATUS_BACKUP";
    }

    @Case(requirements = "MP-4.3-4", tags = {"attack", "replay"}, dialects = {"draft-21", "draft-18", "draft-06"},
            text = "AVAILABLE with sequence 7 then BACKUP with the same 7 for path 0: the second is ignored "
                    + "(the seed note applied it: 'reject only if lower')")
    Outcome equalSequenceIsIgnored(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(available(0, 7)).send(backup(0, 7));
        return p.expectNoClose().and(p.expectPeerStatus(0, PathStatus.AVAILABLE, 7));
    }

    @Case(requirements = "MP-4.3-4", tags = {"attack", "replay"}, dialects = {"draft-21", "draft-18", "draft-06"},
            text = "AVAILABLE 7 then AVAILABLE 7 again (a replayed frame): nothing changes")
    Outcome replayedFrameIsIgnored(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(available(0, 7)).send(available(0, 7));
        return p.expectNoClose().and(p.expectPeerStatus(0, PathStatus.AVAILABLE, 7));
    }

    @Case(requirements = "MP-4.3-4", tags = {"attack", "downgrade"}, dialects = {"draft-21", "draft-18", "draft-06"},
            text = "AVAILABLE 5 then a stale BACKUP 4 (a downgrade attempt): the path stays available")
    Outcome staleDowngradeIsIgnored(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(available(0, 5)).send(backup(0, 4));
        return p.expectNoClose().and(p.expectPeerStatus(0, PathStatus.AVAILABLE, 5));
    }

    @Case(requirements = "MP-4.3-4", tags = {"attack", "reorder"}, dialects = {"draft-21", "draft-18", "draft-06"},
            text = "BACKUP 3 arrives after AVAILABLE 2 and AVAILABLE 4 (reordering): the newest, 4, stays")
    Outcome olderStatusAfterNewerIsIgnored(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(available(0, 2)).send(available(0, 4)).send(backup(0, 3));
        return p.expectNoClose().and(p.expectPeerStatus(0, PathStatus.AVAILABLE, 4));
    }

    @Case(requirements = "MP-4.3-4", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "BACKUP 1 then AVAILABLE 2: a higher number is applied")
    Outcome higherSequenceIsApplied(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(backup(0, 1)).send(available(0, 2));
        return p.expectNoClose().and(p.expectPeerStatus(0, PathStatus.AVAILABLE, 2));
    }

    @Case(requirements = "MP-4.3-4", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "the very first status frame of a path carries sequence 0: it is applied")
    Outcome firstStatusWithZeroIsApplied(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(backup(0, 0));
        return p.expectNoClose().and(p.expectPeerStatus(0, PathStatus.BACKUP, 0));
    }

    @Case(requirements = "MP-4.3-5", tags = {"attack", "cross-path"}, dialects = {"draft-21", "draft-18"},
            text = "AVAILABLE 9 on path 1 must not make BACKUP 3 on path 2 stale: numbers compare per path ID")
    Outcome sequencesArePerPath(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(available(1, 9)).send(backup(2, 3));
        return p.expectNoClose().and(p.expectPeerStatus(1, PathStatus.AVAILABLE, 9))
                .and(p.expectPeerStatus(2, PathStatus.BACKUP, 3));
    }

    @Case(requirements = "MP-4.3-5", dialects = {"draft-21", "draft-18"},
            text = "the same sequence number 5 on path 1 and on path 2: both are applied")
    Outcome sameSequenceOnTwoPaths(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(backup(1, 5)).send(backup(2, 5));
        return p.expectNoClose().and(p.expectPeerStatus(1, PathStatus.BACKUP, 5))
                .and(p.expectPeerStatus(2, PathStatus.BACKUP, 5));
    }

    @Case(requirements = "MP-4.3-2",
            text = "BACKUP for path 3, within the limit but not in use yet: no close, the status is kept")
    Outcome statusForUnusedPathIdIsKept(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(backup(3, 1));
        return p.expectNoClose().and(p.expectPeerStatus(3, PathStatus.BACKUP, 1));
    }

    @Case(requirements = {"MP-4-3", "MP-4.3-2"},
            text = "AVAILABLE for path 5 when the target's maximum path ID is 4: PROTOCOL_VIOLATION")
    Outcome statusAboveLimitCloses(CaseContext ctx) throws TargetException {
        return ctx.server().send(available(5, 1)).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "MP-3.3-1",
            text = "BACKUP for path 0, the only path: advisory, so no close")
    Outcome backupForOnlyPathIsNoError(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(backup(0, 1));
        return p.expectNoClose().and(p.expectPeerStatus(0, PathStatus.BACKUP, 1));
    }

    @Case(requirements = "MP-4.3-7",
            text = "PATH_NEW_CONNECTION_ID for path 1 and AVAILABLE for path 1 in one packet: both accepted")
    Outcome statusSharesPacketWithNewConnectionId(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(Stimuli.newCid(1, 0), available(1, 1));
        // The MAY is the sender's; a receiver has to take both frames.
        return p.expectNoClose().and(p.expectPeerStatus(1, PathStatus.AVAILABLE, 1)).mandatory();
    }

    @Case(requirements = "MP-4-4", tags = {"attack", "resurrection"},
            text = "path 2 abandoned by the suite, then AVAILABLE for path 2: ignored, no close")
    Outcome statusForAbandonedPathIsIgnored(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(Stimuli.abandon(2)).send(available(2, 1));
        if (p.peerStatus(2).isPresent()) {
            return io.mpqc.conformance.cases.Outcome.notMet("no status held for abandoned path 2",
                    "status " + p.peerStatus(2).get() + " held");
        }
        return p.expectNoClose();
    }

    @Case(requirements = {"MP-4.3-5", "MP-4.3-2"}, tags = "cross-path",
            text = "both sides allow path IDs up to 10; AVAILABLE 3 for path 1 and BACKUP 3 for path 8 (both unused, "
                    + "so the target may or may not keep them): path 9, which nothing has named, has no status")
    Outcome statusIsHeldPerPathId(CaseContext ctx) throws TargetException {
        Probe p = ctx.open(io.mpqc.conformance.target.SessionSpec.server(ctx.dialect(), 10))
                .send(available(1, 3), backup(8, 3));
        Outcome nine = p.peerStatus(9).isEmpty()
                ? Outcome.met("no status held for path 9", "none held")
                : Outcome.notMet("no status held for path 9", "status " + p.peerStatus(9).get() + " held");
        return p.expectNoClose().and(nine);
    }
}
