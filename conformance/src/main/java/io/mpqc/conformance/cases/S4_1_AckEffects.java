package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;

/**
 * draft-21 §4.1: what a PATH_ACK does in the target. It acknowledges packets of the space it names (which
 * gives that path, and only that path, an RTT sample) and elicits no acknowledgement itself.
 */
final class S4_1_AckEffects implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §4.1";
    }

    @Override
    public String title() {
        return "Effects of PATH_ACK";
    }

    @Case(requirements = {"MP-4.1-4", "MP-4.1-2"},
            text = "the target sent its packet 0 on path 0 after the handshake; 40 ms later the suite acknowledges "
                    + "it with PATH_ACK for path 0: path 0's PTO drops below the initial one (an RTT sample of "
                    + "40 ms), path 1's stays")
    Outcome pathAckGivesItsPathAnRttSample(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        if (p.allSent().stream().noneMatch(s -> s.pathId() == 0)) {
            return Outcome.unsupported("the target sent no packet on path 0 after the handshake");
        }
        long before0 = p.ptoMicros(0);
        long before1 = p.ptoMicros(1);
        p.waitMicros(40_000).send(PathSteps.pathAck(0, 0, 0));
        return PathSteps.ptoOfPathZeroDropped(p, before0, before1);
    }

    @Case(requirements = "MP-4.1-4",
            text = "the suite sends a PING (the target acknowledges it) and then a packet holding only a PATH_ACK "
                    + "for path 0: the target sends nothing in answer to the second packet, not even its "
                    + "acknowledgement again")
    Outcome ackOnlyPacketAfterPingGetsNoAnswer(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int first = p.mark();
        p.send(new Frame.Ping());
        boolean acked = p.sentSince(first).stream().map(SentFrame::frame)
                .anyMatch(f -> f instanceof Frame.PathAck || f instanceof Frame.Ack);
        if (!acked) {
            return Outcome.unsupported("the target did not acknowledge the PING at once");
        }
        int mark = p.mark();
        p.send(PathSteps.pathAck(0, 0, 0));
        return p.expectNotSent(mark, "any frame in answer to an ACK-only packet", s -> true).and(p.expectNoClose());
    }
}
