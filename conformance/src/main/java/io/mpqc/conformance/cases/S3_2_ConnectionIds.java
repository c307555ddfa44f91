package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.Stimuli.available;
import static io.mpqc.conformance.cases.Stimuli.cid;
import static io.mpqc.conformance.cases.Stimuli.newCid;
import static io.mpqc.conformance.cases.Stimuli.token;

import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathStatus;
import java.util.TreeSet;

/**
 * draft-21 §3.2: connection IDs per path ID. Each path ID has its own sequence space and limit,
 * NEW_CONNECTION_ID and RETIRE_CONNECTION_ID stay valid for path 0, IDs are issued for unused path IDs
 * ahead of time, and retiring IDs never closes a path.
 */
final class S3_2_ConnectionIds implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §3.2";
    }

    @Override
    public String title() {
        return "Connection IDs per path";
    }

    @Case(requirements = {"MP-3.2-1", "MP-4.4-3"},
            text = "PATH_NEW_CONNECTION_ID with sequence 0 and 1 for path 1 and for path 2: each path numbers "
                    + "from 0, so all four are accepted")
    Outcome sequenceSpacesArePerPath(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0), newCid(2, 0)).send(newCid(1, 1)).send(newCid(2, 1));
        return p.expectNoClose();
    }

    @Case(requirements = {"MP-3.2-1", "MP-4.5-2"},
            text = "the target's own PATH_NEW_CONNECTION_ID frames after the handshake: every path ID other than "
                    + "0 starts at sequence 0; path 0 starts above 0, the handshake connection ID being sequence 0")
    Outcome targetNumbersItsConnectionIdsPerPath(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        StringBuilder seen = new StringBuilder();
        String wrong = null;
        for (long path = 0; path <= CaseContext.DEFAULT_MAX_PATH_ID; path++) {
            long lowest = CidSteps.lowestIssuedSince(p, 0, path);
            if (lowest < 0) {
                continue;
            }
            seen.append(seen.length() == 0 ? "" : ", ").append("path ").append(path).append(" from ").append(lowest);
            boolean ok = path == 0 ? lowest >= 1 : lowest == 0;
            if (!ok && wrong == null) {
                wrong = "path " + path + " starts at sequence " + lowest;
            }
        }
        String expected = "connection IDs of path IDs 1..4 start at sequence 0, those of path 0 at 1 or above";
        if (seen.length() == 0) {
            return Outcome.unsupported("the target announced no connection ID after the handshake");
        }
        return wrong == null ? Outcome.met(expected, seen.toString())
                : Outcome.notMet(expected, wrong + " (" + seen + ")");
    }

    @Case(requirements = {"MP-3.2-3", "MP-4.4-5", "MP-2.2-1"},
            text = "four connection IDs for path 1 (its limit), then NEW_CONNECTION_ID with sequence 1, 2 and 3: "
                    + "those are path 0's and count against path 0 only, so no close")
    Outcome newConnectionIdCountsForPathZeroOnly(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0), newCid(1, 1), newCid(1, 2), newCid(1, 3));
        for (long seq = 1; seq <= 3; seq++) {
            p.send(new Frame.NewConnectionId(seq, 0, cid(0, seq), token(0, seq)));
        }
        return p.expectNoClose();
    }

    @Case(requirements = {"MP-4.4-5", "MP-3.2-3", "MP-4.4-7"},
            text = "PATH_NEW_CONNECTION_ID for path 0 with sequence 1, 2 and 3, then NEW_CONNECTION_ID with "
                    + "sequence 4: both frames fill path 0, which now holds five with the handshake ID, so "
                    + "CONNECTION_ID_LIMIT_ERROR")
    Outcome newConnectionIdSharesPathZeroLimit(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(0, 1), newCid(0, 2), newCid(0, 3));
        if (p.closed()) {
            return p.expectNoClose();
        }
        return p.send(new Frame.NewConnectionId(4, 0, cid(0, 4), token(0, 4)))
                .expectClose(TransportError.CONNECTION_ID_LIMIT_ERROR);
    }

    @Case(requirements = {"MP-3.2-3", "MP-4.5-2", "Q-19.16-1"},
            text = "PATH_RETIRE_CONNECTION_ID for path 1 sequence 0 makes the target issue path 1 a higher "
                    + "number; RETIRE_CONNECTION_ID naming a number above path 0's highest must close with "
                    + "PROTOCOL_VIOLATION: it concerns path 0 only")
    Outcome retireConnectionIdConcernsPathZeroOnly(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(new Frame.PathRetireConnectionId(1, 0));
        if (p.closed()) {
            return p.expectNoClose();
        }
        long beyond = CidSteps.highestIssued(p, 0) + 1;
        return p.send(new Frame.RetireConnectionId(beyond)).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = {"MP-3.2.1-4", "Q-19.15-3"}, tags = "attack",
            text = "the same connection ID value for path 1 and for path 2: the value must be unique in the "
                    + "connection, the receiver MAY close with PROTOCOL_VIOLATION (not closing is allowed)")
    Outcome sameValueOnTwoPaths(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0))
                .send(new Frame.PathNewConnectionId(2, 0, 0, cid(1, 0), token(2, 0)));
        return CidSteps.closeAllowedOrNone(p, TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = {"MP-3.2.1-5", "MP-4-3"}, tags = "limits",
            text = "PATH_NEW_CONNECTION_ID for path 5 when the target's maximum path ID is 4: PROTOCOL_VIOLATION")
    Outcome connectionIdAboveLimitCloses(CaseContext ctx) throws TargetException {
        return ctx.server().send(newCid(5, 0)).expectClose(ctx.dialect().protocolViolationCode());
    }

    @Case(requirements = {"MP-3.2.1-5", "MP-4-3"}, tags = "limits",
            text = "PATH_NEW_CONNECTION_ID for path 4, equal to the target's maximum path ID: accepted")
    Outcome connectionIdAtLimitIsAccepted(CaseContext ctx) throws TargetException {
        return ctx.server().send(newCid(4, 0)).expectNoClose();
    }

    @Case(requirements = {"MP-3.2.1-5"}, tags = "limits",
            text = "the suite announces maximum path ID 2 (the target 4): the target issues no connection ID for "
                    + "path 3 or 4")
    Outcome targetIssuesNothingAbovePeerLimit(CaseContext ctx) throws TargetException {
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), CaseContext.DEFAULT_MAX_PATH_ID).withTesterMaxPathId(2));
        return p.expectNotSent(0, "PATH_NEW_CONNECTION_ID for a path ID above 2",
                s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() > 2);
    }

    @Case(requirements = {"MP-3.2.1-1"},
            text = "after the handshake (both maximum path IDs 4) the target issues at least one connection ID "
                    + "for every unused path ID 1..4")
    Outcome targetIssuesForEveryUnusedPathId(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        TreeSet<Long> covered = new TreeSet<>();
        for (Frame.PathNewConnectionId n : p.sentSince(0, Frame.PathNewConnectionId.class)) {
            covered.add(n.pathId());
        }
        String expected = "PATH_NEW_CONNECTION_ID for each of path IDs 1, 2, 3, 4";
        String observed = covered.isEmpty() ? "no PATH_NEW_CONNECTION_ID" : "connection IDs for path IDs " + covered;
        for (long path = 1; path <= CaseContext.DEFAULT_MAX_PATH_ID; path++) {
            if (!covered.contains(path)) {
                return Outcome.notMet(expected, observed);
            }
        }
        return Outcome.met(expected, observed);
    }

    @Case(requirements = {"MP-3.2.2-4"}, tags = "path",
            text = "path 1 in use and announced AVAILABLE; the suite retires every connection ID the target "
                    + "issued for path 1 (on path 0): the target sends no PATH_ABANDON, does not close and "
                    + "keeps the status of path 1")
    Outcome retiringConnectionIdsKeepsThePath(CaseContext ctx) throws TargetException {
        Probe p = CidSteps.withPathOneOpen(ctx).send(available(1, 1));
        int mark = p.mark();
        long highest = CidSteps.highestIssued(p, 1);
        if (highest < 0) {
            return Outcome.unsupported("the target issued no connection ID for path 1");
        }
        for (long seq = 0; seq <= highest; seq++) {
            p.send(new Frame.PathRetireConnectionId(1, seq));
        }
        return p.expectNoClose()
                .and(p.expectNotSent(mark, "PATH_ABANDON", s -> s.frame() instanceof Frame.PathAbandon))
                .and(p.expectPeerStatus(1, PathStatus.AVAILABLE, 1));
    }
}
