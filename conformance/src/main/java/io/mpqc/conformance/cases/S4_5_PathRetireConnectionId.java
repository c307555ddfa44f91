package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.Stimuli.newCid;

import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;

/**
 * draft-21 §4.5 with RFC 9000 §19.16 applied per path: PATH_RETIRE_CONNECTION_ID, the highest sequence
 * number issued per path, the handshake connection ID as path 0 sequence 0, and replacements.
 */
final class S4_5_PathRetireConnectionId implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §4.5";
    }

    @Override
    public String title() {
        return "PATH_RETIRE_CONNECTION_ID";
    }

    @Case(requirements = {"MP-4.5-3", "Q-19.16-1"},
            text = "PATH_RETIRE_CONNECTION_ID for path 1 sequence 7 (or above whatever the target issued for "
                    + "path 1) when the target issued 0 and 1 there: PROTOCOL_VIOLATION")
    Outcome retireNeverIssuedSequenceCloses(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        long seq = Math.max(7, CidSteps.highestIssued(p, 1) + 1);
        return p.send(new Frame.PathRetireConnectionId(1, seq)).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = {"MP-4.5-3", "Q-19.16-1"},
            text = "PATH_RETIRE_CONNECTION_ID for path 1 naming the highest sequence number the target issued "
                    + "there, then the same again: the boundary is allowed and a repeat is no error")
    Outcome retireHighestIssuedIsAccepted(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        long highest = CidSteps.highestIssued(p, 1);
        if (highest < 0) {
            return Outcome.unsupported("the target issued no connection ID for path 1");
        }
        Frame retire = new Frame.PathRetireConnectionId(1, highest);
        return p.send(retire).send(retire).expectNoClose();
    }

    @Case(requirements = {"MP-4.5-3", "MP-3.2-1"}, tags = "cross-path",
            text = "path 1 sequence 0 retired so that the target issues path 1 a higher sequence number than path "
                    + "2 has; PATH_RETIRE_CONNECTION_ID for path 2 with path 1's highest number: "
                    + "PROTOCOL_VIOLATION, the check runs per path")
    Outcome highestIssuedIsPerPath(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(new Frame.PathRetireConnectionId(1, 0));
        long highest1 = CidSteps.highestIssued(p, 1);
        long highest2 = CidSteps.highestIssued(p, 2);
        if (p.closed() || highest1 <= highest2) {
            return p.closed() ? p.expectNoClose() : Outcome.unsupported("the target issued path 1 no sequence "
                    + "number above path 2's highest (" + highest2 + ") after a retirement");
        }
        return p.send(new Frame.PathRetireConnectionId(2, highest1)).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = {"Q-19.16-1", "MP-3.2-3"},
            text = "RETIRE_CONNECTION_ID for a sequence number above any the target issued for path 0: "
                    + "PROTOCOL_VIOLATION")
    Outcome retireConnectionIdBeyondIssuedCloses(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        long beyond = CidSteps.highestIssued(p, 0) + 1;
        return p.send(new Frame.RetireConnectionId(beyond)).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = {"MP-4.5-2", "MP-3.2-3"},
            text = "the suite gives path 1 a connection ID and, in a packet on path 1, retires path 0 sequence 0 "
                    + "with RETIRE_CONNECTION_ID: the handshake connection ID is path 0 sequence 0, so this is "
                    + "valid and does not close")
    Outcome retireHandshakeConnectionId(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0)).sendOn(1, new Frame.RetireConnectionId(0));
        return p.expectNoClose();
    }

    @Case(requirements = {"MP-4.5-2", "MP-3.2-1"},
            text = "in a packet on path 1, PATH_RETIRE_CONNECTION_ID for path 0 sequence 0 (the handshake "
                    + "connection ID): valid, no close")
    Outcome pathRetireOfHandshakeConnectionId(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0)).sendOn(1, new Frame.PathRetireConnectionId(0, 0));
        return p.expectNoClose();
    }

    @Case(requirements = {"MP-4.5-4", "Q-19.16-2"},
            text = "in a packet on path 0, PATH_RETIRE_CONNECTION_ID for path 0 sequence 0, the handshake "
                    + "connection ID that packet is sent to: MAY close with PROTOCOL_VIOLATION (not closing is "
                    + "allowed)")
    Outcome retireCarryingConnectionId(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(new Frame.PathRetireConnectionId(0, 0));
        return CidSteps.closeAllowedOrNone(p, TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = {"MP-3.2.2-2", "MP-4.5-5"},
            text = "path 1 in use; the suite retires path 1 sequence 0 (on path 0): the target SHOULD issue a "
                    + "replacement, a PATH_NEW_CONNECTION_ID for path 1 with a new sequence number")
    Outcome replacementForOpenPath(CaseContext ctx) throws TargetException {
        Probe p = CidSteps.withPathOneOpen(ctx);
        long highest = CidSteps.highestIssued(p, 1);
        int mark = p.mark();
        p.send(new Frame.PathRetireConnectionId(1, 0));
        return p.expectNoClose().and(p.expectSent(mark, "PATH_NEW_CONNECTION_ID for path 1 above sequence "
                + highest, s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 1
                        && n.sequence() > highest));
    }

    @Case(requirements = {"MP-3.2.2-2", "MP-4.5-2"},
            text = "RETIRE_CONNECTION_ID for sequence 1 of path 0, in a packet on path 0: the target SHOULD "
                    + "replace it with a connection ID for path 0 (PATH_NEW_CONNECTION_ID for path 0 or "
                    + "NEW_CONNECTION_ID), not one for another path")
    Outcome replacementForPathZero(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        if (CidSteps.highestIssued(p, 0) < 1) {
            return Outcome.unsupported("the target issued no connection ID for path 0 besides the handshake one");
        }
        long highest = CidSteps.highestIssued(p, 0);
        int mark = p.mark();
        p.send(new Frame.RetireConnectionId(1));
        return p.expectNoClose().and(p.expectSent(mark, "a new connection ID for path 0 above sequence " + highest,
                s -> s.frame() instanceof Frame.PathNewConnectionId n && n.pathId() == 0 && n.sequence() > highest
                        || s.frame() instanceof Frame.NewConnectionId m && m.sequence() > highest));
    }

    @Case(requirements = "MP-4.5-3", tags = "limits",
            text = "the target allows path IDs up to 6, the suite up to 2, so the target issues connection IDs for "
                    + "paths 0 to 2 only; PATH_RETIRE_CONNECTION_ID for path 5 sequence 0: path 5 is within the "
                    + "target's limit but nothing was ever issued on it, so PROTOCOL_VIOLATION")
    Outcome retireOnPathIdWithoutIssuedIdsCloses(CaseContext ctx) throws TargetException {
        Probe p = ctx.open(SessionSpec.server(ctx.dialect(), 6).withTesterMaxPathId(2));
        // The suite never named path 5, so the target has no reason to hold anything for it; should it
        // have issued an ID there anyway, sequence 0 exists and the premise is gone.
        if (CidSteps.highestIssued(p, 5) >= 0) {
            return Outcome.unsupported("the target issued a connection ID for path 5 above the suite's maximum 2");
        }
        return p.send(new Frame.PathRetireConnectionId(5, 0)).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = {"MP-4.5-3", "Q-19.16-1"},
            text = "the suite retires the first connection ID the target issued for path 1, and then retires it "
                    + "again: the sequence number was issued, so the repeated retirement is no error")
    Outcome retiringTheSameIdTwiceIsNoError(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        long first = CidSteps.lowestIssuedSince(p, 0, 1);
        if (first < 0) {
            return Outcome.unsupported("the target issued no connection ID for path 1");
        }
        p.send(new Frame.PathRetireConnectionId(1, first)).send(new Frame.PathRetireConnectionId(1, first));
        return p.expectNoClose();
    }
}
