package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathStatus;
import java.util.function.Predicate;

/**
 * RFC 9000 §10.2: once the target closed the connection it is closing: it processes no more frames and sends
 * nothing but CONNECTION_CLOSE, whatever arrives, whatever the clock does and whatever its application asks
 * for. Once the suite closed it, it is draining and sends nothing at all.
 */
final class S10_2_ClosingState implements CaseGroup {

    @Override
    public String section() {
        return "RFC 9000 §10.2";
    }

    @Override
    public String title() {
        return "Nothing but CONNECTION_CLOSE after the close";
    }

    /** Anything a closing target must not send: all but CONNECTION_CLOSE (either type) and PADDING. */
    static final Predicate<SentFrame> NOT_A_CLOSE = s -> !(s.frame() instanceof Frame.ConnectionClose)
            && !(s.frame() instanceof Frame.ApplicationClose) && !(s.frame() instanceof Frame.Padding);

    @Case(requirements = {"Q-10.2-1", "Q-19.20-1"},
            text = "one packet holds HANDSHAKE_DONE (from a client: PROTOCOL_VIOLATION) and then PATH_CHALLENGE; "
                    + "later packets bring a PATH_CHALLENGE, a connection ID for path 1 and a PING on path 1, and "
                    + "4 PTO pass: after its close the target answers none of it, except by repeating its "
                    + "CONNECTION_CLOSE")
    Outcome closedTargetAnswersNothing(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.send(new Frame.HandshakeDone(), new Frame.PathChallenge(0x0102030405060708L));
        if (!p.closed()) {
            return Outcome.unsupported("the target did not close on HANDSHAKE_DONE from a client (Q-19.20-1)");
        }
        p.send(new Frame.PathChallenge(0x1111111111111111L)).send(Stimuli.newCid(1, 0))
                .sendOn(1, new Frame.Ping()).waitPto(0, 4);
        return p.expectClose(TransportError.PROTOCOL_VIOLATION)
                .and(p.expectNotSent(mark, "any frame other than CONNECTION_CLOSE", NOT_A_CLOSE));
    }

    @Case(requirements = {"Q-10.2-1", "Q-8.2-2"},
            text = "one packet holds the suite's CONNECTION_CLOSE and then a PATH_CHALLENGE: the target is draining "
                    + "from the close on, so it answers neither that challenge nor a later one")
    Outcome drainingTargetAnswersNothing(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.send(new Frame.ConnectionClose(TransportError.NO_ERROR.code(), 0, io.mpqc.ref.frame.Bytes.of(new byte[0])),
                new Frame.PathChallenge(0x2122232425262728L));
        p.send(new Frame.PathChallenge(0x3132333435363738L)).waitPto(0, 1);
        return p.expectNotSent(mark, "any frame after the suite's CONNECTION_CLOSE", s -> true);
    }

    @Case(requirements = "Q-10.2-1",
            text = "one packet holds a PING and then the suite's CONNECTION_CLOSE: the target is draining once it "
                    + "has read the close, so even that ack-eliciting packet gets no acknowledgement")
    Outcome closingPacketIsNotAcknowledged(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.send(new Frame.Ping(), new Frame.ConnectionClose(TransportError.NO_ERROR.code(), 0,
                io.mpqc.ref.frame.Bytes.EMPTY));
        p.waitPto(0, 1);
        return p.expectNotSent(mark, "any frame (an ACK or PATH_ACK included) after the suite's CONNECTION_CLOSE",
                s -> true);
    }

    @Case(requirements = {"Q-10.2-1", "MP-4.1-3"},
            text = "target as client, given a connection ID for path 1, closes on a PATH_ACK for packet 1000 of "
                    + "path 0 (never sent); then its application opens a path, abandons path 0, sets a status, "
                    + "raises its maximum path ID and issues connection IDs: nothing but CONNECTION_CLOSE goes out")
    Outcome commandsAfterCloseSendNothing(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client().send(Stimuli.newCid(1, 0));
        int mark = p.mark();
        p.send(PathSteps.pathAck(0, 1000, 0));
        if (!p.closed()) {
            return Outcome.unsupported("the target did not close on a PATH_ACK for a packet never sent (MP-4.1-3)");
        }
        p.command(new Command.OpenPath())
                .command(new Command.AbandonPath(0, TransportError.NO_ERROR.code()))
                .command(new Command.SetStatus(0, PathStatus.BACKUP))
                .command(new Command.RaiseMaxPathId(CaseContext.DEFAULT_MAX_PATH_ID + 2))
                .command(new Command.IssueConnectionIds(0, 1))
                .waitPto(0, 4);
        return p.expectNotSent(mark, "any frame other than CONNECTION_CLOSE", NOT_A_CLOSE);
    }

    @Case(requirements = {"Q-10.2-1", "Q-12.4-4"},
            text = "the suite's application CONNECTION_CLOSE (0x1d) arrives alone; later come a 1-RTT packet "
                    + "without frames (otherwise a PROTOCOL_VIOLATION), one holding HANDSHAKE_DONE (from a client, "
                    + "the same) and a PATH_CHALLENGE, and a PTO passes: a draining target reads no packet, so it "
                    + "neither answers nor closes with an error of its own")
    Outcome drainingTargetIgnoresLaterViolations(CaseContext ctx) throws TargetException {
        Probe p = ctx.server();
        int mark = p.mark();
        p.send(new Frame.ApplicationClose(0, io.mpqc.ref.frame.Bytes.EMPTY));
        p.sendIn(io.mpqc.ref.frame.PacketType.ONE_RTT, 0)
                .send(new Frame.HandshakeDone(), new Frame.PathChallenge(0x4142434445464748L)).waitPto(0, 1);
        return p.expectNotSent(mark, "any frame after the suite's CONNECTION_CLOSE", s -> true)
                .and(p.expectNoClose());
    }
}
