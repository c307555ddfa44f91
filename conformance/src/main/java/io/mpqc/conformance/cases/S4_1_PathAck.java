package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.PathSteps.openPath;
import static io.mpqc.conformance.cases.PathSteps.pathAck;

import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.frame.TransportError;
import java.util.List;

/**
 * draft-21 §4.1 and §2.3: PATH_ACK names the packet number space it acknowledges by path ID and may
 * travel on any path; a plain ACK in a 1-RTT packet still counts and means path 0. Packet 0 of path 0 is
 * the one packet number the suite knows the target sent: its first 1-RTT packet after the handshake.
 */
final class S4_1_PathAck implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §4.1, §2.3";
    }

    @Override
    public String title() {
        return "PATH_ACK and ACK";
    }

    // ---- ACK in 1-RTT means path 0 (§2.3) ----

    @Case(requirements = "MP-2.3-2",
            text = "a plain ACK of packet 0 in a 1-RTT packet on path 0: processed as an acknowledgement of "
                    + "path 0, no close")
    Outcome ackInOneRttIsAccepted(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.Ack(0, 0, 0, AckRanges.NONE, null)).expectNoClose();
    }

    @Case(requirements = {"MP-2.3-2", "MP-4.1-4"},
            text = "path 1 open; a plain ACK of packet 0 carried on path 1: it still means path 0, no close")
    Outcome ackOnPathOneIsAccepted(CaseContext ctx) throws TargetException {
        return openPath(ctx.server(), 1).sendOn(1, new Frame.Ack(0, 0, 0, AckRanges.NONE, null)).expectNoClose();
    }

    @Case(requirements = {"MP-4.1-3", "MP-2.3-2"},
            text = "a plain ACK in 1-RTT acknowledging packet 1000 of path 0, never sent: PROTOCOL_VIOLATION "
                    + "(the ACK is processed as path 0)")
    Outcome ackOfUnsentPacketCloses(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.Ack(1000, 0, 0, AckRanges.NONE, null))
                .expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "MP-2.3-3", tags = "packet-type",
            text = "a plain ACK of packet 0 in an Initial packet and, in another session, in a Handshake packet: "
                    + "ACK is how those spaces are acknowledged, no close")
    Outcome ackInHandshakeSpacesIsAccepted(CaseContext ctx) throws TargetException {
        Outcome all = null;
        for (PacketType type : List.of(PacketType.INITIAL, PacketType.HANDSHAKE)) {
            Probe p = ctx.server().sendIn(type, 0, new Frame.Ack(0, 0, 0, AckRanges.NONE, null));
            Outcome o = p.expectNoClose();
            o = new Outcome(o.kind(), o.expected(), type + ": " + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    @Case(requirements = {"MP-2.3-3", "MP-4-2"}, tags = "packet-type",
            text = "PATH_ACK for path 0 in an Initial packet and, in another session, in a Handshake packet: "
                    + "only ACK acknowledges those spaces, the connection closes with PROTOCOL_VIOLATION")
    Outcome pathAckInHandshakeSpacesCloses(CaseContext ctx) throws TargetException {
        Outcome all = null;
        for (PacketType type : List.of(PacketType.INITIAL, PacketType.HANDSHAKE)) {
            Probe p = ctx.server().sendIn(type, 0, pathAck(0, 0, 0));
            Outcome o = p.expectClose(ctx.dialect().wrongPacketTypeCode());
            o = new Outcome(o.kind(), o.expected(), type + ": " + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    // ---- PATH_ACK (§4.1) ----

    @Case(requirements = "MP-4.1-4",
            text = "PATH_ACK for path 0 acknowledging packet 0, which the target sent after the handshake: no close")
    Outcome pathAckOfSentPacketIsAccepted(CaseContext ctx) throws TargetException {
        return ctx.server().send(pathAck(0, 0, 0)).expectNoClose();
    }

    @Case(requirements = "MP-4.1-4",
            text = "PATH_ACK_ECN for path 0 acknowledging packet 0 with all ECN counts 0: no close")
    Outcome pathAckEcnIsAccepted(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.PathAck(0, 0, 0, 0, AckRanges.NONE, new EcnCounts(0, 0, 0)))
                .expectNoClose();
    }

    @Case(requirements = "MP-4.1-3",
            text = "PATH_ACK and, in another session, PATH_ACK_ECN for path 0 acknowledging packet 1000, never sent "
                    + "in that space: PROTOCOL_VIOLATION")
    Outcome pathAckOfUnsentPacketCloses(CaseContext ctx) throws TargetException {
        Outcome all = null;
        for (EcnCounts ecn : new EcnCounts[] {null, new EcnCounts(0, 0, 0)}) {
            Probe p = ctx.server().send(new Frame.PathAck(0, 1000, 0, 0, AckRanges.NONE, ecn));
            Outcome o = p.expectClose(TransportError.PROTOCOL_VIOLATION);
            o = new Outcome(o.kind(), o.expected(), (ecn == null ? "PATH_ACK: " : "PATH_ACK_ECN: ") + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    @Case(requirements = "MP-4.1-3",
            text = "path 1 open; PATH_ACK for path 1 acknowledging packets 995..1000 of path 1, never sent: "
                    + "PROTOCOL_VIOLATION")
    Outcome pathAckOfUnsentPacketOnSecondPathCloses(CaseContext ctx) throws TargetException {
        return openPath(ctx.server(), 1).send(pathAck(1, 1000, 5)).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "MP-4.1-4",
            text = "path 1 open; PATH_ACK for path 0 (packet 0) carried on path 1: any path may carry it, no close")
    Outcome pathAckForPathZeroOnPathOne(CaseContext ctx) throws TargetException {
        return openPath(ctx.server(), 1).sendOn(1, pathAck(0, 0, 0)).expectNoClose();
    }

    @Case(requirements = "MP-4.1-4",
            text = "path 1 open (the target sent its PATH_CHALLENGE there as packet 0); PATH_ACK for path 1 "
                    + "(packet 0) carried on path 0: no close")
    Outcome pathAckForPathOneOnPathZero(CaseContext ctx) throws TargetException {
        return openPath(ctx.server(), 1).send(pathAck(1, 0, 0)).expectNoClose();
    }

    @Case(requirements = "MP-4.1-4",
            text = "a packet holding only PATH_ACK for path 0 (not ack-eliciting): the target sends no packet "
                    + "made only of acknowledgements in reply")
    Outcome pathAckDoesNotElicitAnAck(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.send(pathAck(0, 0, 0));
        List<SentFrame> reply = p.sentSince(mark);
        boolean onlyAcks = !reply.isEmpty() && reply.stream()
                .allMatch(s -> s.frame() instanceof Frame.PathAck || s.frame() instanceof Frame.Ack);
        Outcome o = onlyAcks
                ? Outcome.notMet("no acknowledgement-only reply", "target answered with " + reply.size()
                        + " acknowledgement frame(s) only")
                : Outcome.met("no acknowledgement-only reply", reply.isEmpty() ? "nothing sent" : "no ack-only reply");
        return p.expectNoClose().and(o);
    }

    @Case(requirements = {"MP-4.1-3", "MP-4-4"},
            text = "PATH_ACK for path 3, within the limit but never used, acknowledging packet 0: either ignored "
                    + "(no close) or PROTOCOL_VIOLATION, as the draft leaves it open")
    Outcome pathAckForUnusedPathId(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(pathAck(3, 0, 0));
        if (!p.closed()) {
            return Outcome.met("no close, or close with PROTOCOL_VIOLATION", "no close (ignored)");
        }
        Outcome o = p.expectClose(TransportError.PROTOCOL_VIOLATION);
        return o.isMet() ? o : Outcome.notMet("no close, or close with PROTOCOL_VIOLATION", o.observed());
    }
}
