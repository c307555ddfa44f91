package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.frame.TransportError;

/**
 * draft-21 §2 and §4: multipath frames need negotiation and travel in 1-RTT packets only. Each case tries
 * every multipath frame the dialect has, one fresh session per frame, and reports the first that is
 * mishandled.
 */
final class S4_PacketTypesAndNegotiation implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §2, §4";
    }

    @Override
    public String title() {
        return "Negotiation and packet types of multipath frames";
    }

    @Case(requirements = "MP-4-2", tags = "packet-type", text = "each multipath frame in an Initial packet: "
            + "the connection closes with PROTOCOL_VIOLATION")
    Outcome multipathFramesInInitial(CaseContext ctx) throws TargetException {
        return inPacketType(ctx, PacketType.INITIAL);
    }

    @Case(requirements = "MP-4-2", tags = "packet-type", text = "each multipath frame in a 0-RTT packet: "
            + "the connection closes with PROTOCOL_VIOLATION")
    Outcome multipathFramesInZeroRtt(CaseContext ctx) throws TargetException {
        return inPacketType(ctx, PacketType.ZERO_RTT);
    }

    @Case(requirements = "MP-4-2", tags = "packet-type", text = "each multipath frame in a Handshake packet: "
            + "the connection closes with PROTOCOL_VIOLATION (iroh/noq once sent PATH_ACK there)")
    Outcome multipathFramesInHandshake(CaseContext ctx) throws TargetException {
        return inPacketType(ctx, PacketType.HANDSHAKE);
    }

    private Outcome inPacketType(CaseContext ctx, PacketType type) throws TargetException {
        Outcome all = null;
        for (Frame f : Stimuli.everyMultipathFrame(1)) {
            if (!ctx.dialect().supports(f.type())) {
                continue;
            }
            Probe p = ctx.server().sendIn(type, 0, f);
            Outcome o = p.expectClose(ctx.dialect().wrongPacketTypeCode());
            o = new Outcome(o.kind(), o.expected(), ctx.dialect().frameName(f.type()) + ": " + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    @Case(requirements = "MP-2-1", tags = "negotiation", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "the suite did not send the multipath parameter; each multipath frame then closes the "
                    + "connection, with FRAME_ENCODING_ERROR (unknown frame) or PROTOCOL_VIOLATION")
    Outcome multipathFramesWithoutNegotiation(CaseContext ctx) throws TargetException {
        Outcome all = null;
        for (Frame f : Stimuli.everyMultipathFrame(0)) {
            if (!ctx.dialect().supports(f.type())) {
                continue;
            }
            SessionSpec spec = SessionSpec.server(ctx.dialect(), CaseContext.DEFAULT_MAX_PATH_ID)
                    .withTesterMaxPathId(-1);
            Probe p = ctx.open(spec).send(f);
            Outcome o = p.expectClose(TransportError.FRAME_ENCODING_ERROR.code(),
                    TransportError.PROTOCOL_VIOLATION.code(), ctx.dialect().protocolViolationCode());
            o = new Outcome(o.kind(), o.expected(), ctx.dialect().frameName(f.type()) + ": " + o.observed());
            if (!o.isMet()) {
                return o;
            }
            all = all == null ? o : all.and(o);
        }
        return all;
    }

    @Case(requirements = "Q-12.4-4", text = "a 1-RTT packet without any frame: PROTOCOL_VIOLATION")
    Outcome packetWithoutFrames(CaseContext ctx) throws TargetException {
        return ctx.server().sendIn(PacketType.ONE_RTT, 0).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "Q-12.4-6", tags = "packet-type",
            text = "PATH_RESPONSE in a 0-RTT packet (allowed in 1-RTT only): PROTOCOL_VIOLATION")
    Outcome pathResponseInZeroRtt(CaseContext ctx) throws TargetException {
        return ctx.server().sendIn(PacketType.ZERO_RTT, 0, new Frame.PathResponse(1))
                .expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "Q-12.4-6", tags = "packet-type",
            text = "ACK in a 0-RTT packet (not allowed there): PROTOCOL_VIOLATION")
    Outcome ackInZeroRtt(CaseContext ctx) throws TargetException {
        return ctx.server().sendIn(PacketType.ZERO_RTT, 0,
                new Frame.Ack(0, 0, 0, io.mpqc.ref.frame.AckRanges.NONE, null))
                .expectClose(TransportError.PROTOCOL_VIOLATION);
    }
}
