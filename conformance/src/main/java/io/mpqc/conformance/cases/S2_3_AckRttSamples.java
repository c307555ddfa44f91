package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import java.util.OptionalLong;

/**
 * draft-21 §2.3 and §4.1: 0-RTT packets belong to path 0's application space, and an acknowledgement, plain
 * ACK or PATH_ACK, of one of the target's ack-eliciting packets gives the acknowledged path an RTT sample. The
 * RTT checks are orderings any RFC 9002 estimator satisfies, read from the target's PTO: a 40 ms sample brings
 * the PTO below the one of the initial RTT (333 ms), and a path that got no sample keeps its PTO.
 */
final class S2_3_AckRttSamples implements CaseGroup {

    private static final long SAMPLE_MICROS = 40_000;

    @Override
    public String section() {
        return "draft-21 §2.3, §4.1";
    }

    @Override
    public String title() {
        return "Path 0's application space and RTT samples";
    }

    /** The number of the last packet with an ack-eliciting frame sent on {@code pathId} since {@code mark}. */
    private static OptionalLong lastAckElicitingPacket(Probe p, int mark, long pathId) {
        OptionalLong found = OptionalLong.empty();
        for (SentFrame s : p.sentSince(mark)) {
            if (s.pathId() == pathId && s.packetNumber() >= 0 && s.frame().type().isAckEliciting()) {
                found = OptionalLong.of(s.packetNumber());
            }
        }
        return found;
    }


    @Case(requirements = {"MP-2.3-2", "MP-4.1-4"}, tags = "ack",
            text = "40 ms after the handshake the suite acknowledges the target's first ack-eliciting packet on "
                    + "path 0 with a plain ACK in a 1-RTT packet: the ACK counts for path 0, whose PTO drops below "
                    + "the initial one, while path 1's stays")
    Outcome plainAckGivesPathZeroAnRttSample(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        OptionalLong pn = lastAckElicitingPacket(p, 0, 0);
        if (pn.isEmpty()) {
            return Outcome.unsupported("the target sent no numbered ack-eliciting packet on path 0 after the "
                    + "handshake");
        }
        long before0 = p.ptoMicros(0);
        long before1 = p.ptoMicros(1);
        p.waitMicros(SAMPLE_MICROS).send(new Frame.Ack(pn.getAsLong(), 0, 0, AckRanges.NONE, null));
        return PathSteps.ptoOfPathZeroDropped(p, before0, before1);
    }

    @Case(requirements = "MP-4.1-4", tags = "ack",
            text = "1 s into the connection the suite sends a PATH_CHALLENGE on path 0 and acknowledges the "
                    + "target's PATH_RESPONSE 40 ms later with a PATH_ACK for path 0: the sample is the 40 ms since "
                    + "that packet left, not the time since the start, so path 0's PTO drops below the initial "
                    + "one, while path 1's stays")
    Outcome sampleIsTimedFromTheAcknowledgedPacket(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().waitMicros(1_000_000);
        long before0 = p.ptoMicros(0);
        long before1 = p.ptoMicros(1);
        int mark = p.mark();
        p.send(new Frame.PathChallenge(0x53616d706c654174L));
        OptionalLong pn = lastAckElicitingPacket(p, mark, 0);
        if (pn.isEmpty()) {
            return Outcome.unsupported("the target sent no numbered ack-eliciting packet on path 0 in answer to "
                    + "the PATH_CHALLENGE");
        }
        p.waitMicros(SAMPLE_MICROS).send(PathSteps.pathAck(0, pn.getAsLong(), 0));
        return PathSteps.ptoOfPathZeroDropped(p, before0, before1);
    }

    @Case(requirements = {"MP-2.3-1", "MP-2.3-2"}, tags = "ack",
            text = "after the handshake a server target gets a late 0-RTT packet holding a PING: 0-RTT shares path "
                    + "0's application space, so the target acknowledges it with a PATH_ACK naming path 0")
    Outcome lateZeroRttPacketIsAcknowledgedAsPathZero(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.sendIn(PacketType.ZERO_RTT, 0, new Frame.Ping());
        return p.expectSent(mark, "PATH_ACK for path 0", PathSteps.pathAckOf(0)).and(p.expectNoClose());
    }
}
