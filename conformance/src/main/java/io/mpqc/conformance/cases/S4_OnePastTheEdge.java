package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;

/**
 * draft-21 §4.1, §4.4 and §4.6 at the exact edge of a range: the packet number just above the highest one the
 * target used, a connection ID whose sequence number equals Retire Prior To, and a path ID limit just below
 * the one the target announced.
 */
final class S4_OnePastTheEdge implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §4.1, §4.4, §4.6";
    }

    @Override
    public String title() {
        return "One past the edge";
    }

    @Case(requirements = "MP-4.1-3", tags = "ack",
            text = "a PATH_ACK for path 0 whose Largest Acknowledged is one above the highest packet number the "
                    + "target used on path 0: that packet was never sent, so PROTOCOL_VIOLATION")
    Outcome ackOfTheNextPacketNumberCloses(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        long highest = -1;
        for (SentFrame s : p.allSent()) {
            if (s.pathId() == 0) {
                if (s.packetNumber() < 0) {
                    return Outcome.unsupported("the target does not report the numbers of its packets");
                }
                highest = Math.max(highest, s.packetNumber());
            }
        }
        if (highest < 0) {
            return Outcome.unsupported("the target sent nothing on path 0 after the handshake");
        }
        return p.send(PathSteps.pathAck(0, highest + 1, 0)).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "MP-4.6-3", tags = "limits",
            text = "the target announced a maximum path ID of 4; its application asks for a maximum of 3 "
                    + "(command): the target refuses or does nothing, but sends no MAX_PATH_ID below the 4 it "
                    + "announced")
    Outcome noMaxPathIdBelowTheAnnouncedOne(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        int mark = p.mark();
        p.command(new Command.RaiseMaxPathId(CaseContext.DEFAULT_MAX_PATH_ID - 1));
        return p.expectNotSent(mark, "MAX_PATH_ID below " + CaseContext.DEFAULT_MAX_PATH_ID,
                s -> s.frame() instanceof Frame.MaxPathId m && m.maximum() < CaseContext.DEFAULT_MAX_PATH_ID)
                .and(p.expectNoClose());
    }

    @Case(requirements = {"MP-4.4-7", "Q-19.15-4"}, tags = {"limits", "cid"},
            text = "the suite issues sequence numbers 5 to 8 for path 1 (four, the target's "
                    + "active_connection_id_limit), then sequence 4 with Retire Prior To 4: Retire Prior To retires "
                    + "nothing below 4, so five IDs would be active: CONNECTION_ID_LIMIT_ERROR")
    Outcome sequenceEqualToRetirePriorToStaysActive(CaseContext ctx) throws TargetException {
        int limit = SessionSpec.server(ctx.dialect(), CaseContext.DEFAULT_MAX_PATH_ID).targetActiveCidLimit();
        Probe p = ctx.server();
        long first = limit + 1;
        for (long seq = first; seq < first + limit && !p.closed(); seq++) {
            p.send(Stimuli.newCid(1, seq));
        }
        if (p.closed()) {
            return new Outcome(Outcome.Kind.NOT_MET, "no close while " + limit + " IDs are active",
                    p.expectNoClose().observed());
        }
        return p.send(Stimuli.newCid(1, limit, limit)).expectClose(TransportError.CONNECTION_ID_LIMIT_ERROR);
    }

    @Case(requirements = {"MP-4.6-2", "MP-4.6-1"}, tags = "limits",
            text = "the target's application raises its maximum path ID to 2^32-1, the largest value allowed: the "
                    + "target sends nothing above it (a FAIL otherwise) and announces 4294967295 itself "
                    + "(UNSUPPORTED if it announces less, which it may)")
    Outcome maxPathIdOfExactlyTwoTo32MinusOne(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        int mark = p.mark();
        p.commandOrUnsupported(new Command.RaiseMaxPathId(0xFFFF_FFFFL), "raise its maximum path ID to 2^32-1");
        Outcome above = p.expectNotSent(mark, "MAX_PATH_ID above 2^32-1",
                s -> s.frame() instanceof Frame.MaxPathId m && m.maximum() > 0xFFFF_FFFFL);
        if (!above.isMet()) {
            return above;
        }
        if (p.sentSince(mark, Frame.MaxPathId.class).stream().noneMatch(m -> m.maximum() == 0xFFFF_FFFFL)) {
            // Announcing less than asked, or in steps, is the target's choice.
            return Outcome.unsupported("the target accepted the command but announced no MAX_PATH_ID 4294967295");
        }
        return above.and(Outcome.met("MAX_PATH_ID 4294967295", "sent")).and(p.expectNoClose());
    }
}
