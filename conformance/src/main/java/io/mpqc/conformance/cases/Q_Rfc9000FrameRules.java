package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.frame.TransportError;

/** RFC 9000 §12.4, §13.1, §19.7, §19.20: frame rules a multipath endpoint keeps from QUIC v1. */
final class Q_Rfc9000FrameRules implements CaseGroup {

    @Override
    public String section() {
        return "RFC 9000 §12.4, §13.1, §19";
    }

    @Override
    public String title() {
        return "QUIC v1 frame rules";
    }

    @Case(requirements = "Q-12.4-3", tags = "packet-type", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "HANDSHAKE_DONE in a Handshake packet (1-RTT only): PROTOCOL_VIOLATION")
    Outcome handshakeDoneInHandshakePacket(CaseContext ctx) throws TargetException {
        return ctx.client().sendIn(PacketType.HANDSHAKE, 0, new Frame.HandshakeDone())
                .expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "Q-12.4-3", tags = "packet-type", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "NEW_TOKEN in a 0-RTT packet (1-RTT only): PROTOCOL_VIOLATION")
    Outcome newTokenInZeroRtt(CaseContext ctx) throws TargetException {
        return ctx.client().sendIn(PacketType.ZERO_RTT, 0, new Frame.NewToken(Bytes.of((byte) 1)))
                .expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "Q-13.1-1", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "an ACK in 1-RTT for packet 1000 of path 0, which the target never sent: PROTOCOL_VIOLATION")
    Outcome ackOfPacketNeverSent(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.Ack(1000, 0, 0, AckRanges.NONE, null))
                .expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "Q-19.7-1", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "a server receives NEW_TOKEN (only servers send it): PROTOCOL_VIOLATION")
    Outcome newTokenToServer(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.NewToken(Bytes.of((byte) 1, (byte) 2)))
                .expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "Q-19.20-1", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "a server receives HANDSHAKE_DONE (only servers send it): PROTOCOL_VIOLATION")
    Outcome handshakeDoneToServer(CaseContext ctx) throws TargetException {
        return ctx.server().send(new Frame.HandshakeDone()).expectClose(TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = "Q-19.20-1", dialects = {"draft-21", "draft-18", "draft-06"},
            text = "a client receives HANDSHAKE_DONE in 1-RTT: that is its purpose, no close")
    Outcome handshakeDoneToClient(CaseContext ctx) throws TargetException {
        return ctx.client().send(new Frame.HandshakeDone()).expectNoClose();
    }
}
