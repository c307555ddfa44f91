package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;
import java.util.function.Predicate;

/**
 * draft-21 §2.6 with RFC 9000 §10.2, for a close the target's own application asks for (capability
 * {@code commands}, command {@code close}): one CONNECTION_CLOSE on a path that is still open closes every
 * path, and from then on the target answers nothing but CONNECTION_CLOSE.
 */
final class S2_6_ConnectionClose implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §2.6";
    }

    @Override
    public String title() {
        return "Closing the connection from the target's side";
    }

    private static final long CODE = TransportError.NO_ERROR.code();

    /** A CONNECTION_CLOSE of either type carrying {@link #CODE}. */
    private static final Predicate<SentFrame> CLOSE_FRAME = s ->
            s.frame() instanceof Frame.ConnectionClose c && c.errorCode() == CODE
                    || s.frame() instanceof Frame.ApplicationClose a && a.errorCode() == CODE;

    private static final Predicate<SentFrame> NOT_A_CLOSE = S10_2_ClosingState.NOT_A_CLOSE;

    @Case(requirements = {"MP-2.6-1", "Q-10.2-1"}, tags = "close",
            text = "path 1 open; the target's application closes the connection with code 0: the target sends at once "
                    + "a CONNECTION_CLOSE with code 0 and reports the close; a PATH_CHALLENGE on path 1 and a PING on "
                    + "path 0 that follow, and a PTO, get nothing but CONNECTION_CLOSE")
    Outcome localCloseSendsConnectionClose(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = PathSteps.openPath(ctx.server(), 1);
        int mark = p.mark();
        p.commandOrUnsupported(new Command.Close(CODE, "done"), "close the connection");
        // Judged before anything else arrives: a closing target repeats the frame to later packets anyway.
        Outcome atOnce = p.expectSent(mark, "CONNECTION_CLOSE with code 0 in answer to the command", CLOSE_FRAME);
        int after = p.mark();
        p.sendOn(1, new Frame.PathChallenge(0x5152535455565758L)).send(new Frame.Ping()).waitPto(0, 1);
        return atOnce.and(p.expectClose(CODE))
                .and(p.expectNotSent(after, "any frame other than CONNECTION_CLOSE after the close", NOT_A_CLOSE));
    }

    @Case(requirements = {"MP-3.4-2", "MP-2.6-1"}, tags = "close",
            text = "path 1 open; the target's application abandons path 0 and the suite answers with PATH_ABANDON "
                    + "on path 1; then the application closes the connection: the CONNECTION_CLOSE goes on path 1, "
                    + "the only open path, and nothing goes on the abandoned path 0")
    Outcome closeAvoidsTheAbandonedPath(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = PathSteps.openPath(ctx.server(), 1);
        p.commandOrUnsupported(new Command.AbandonPath(0, CODE), "abandon path 0");
        int mark = p.mark();
        p.sendOn(1, Stimuli.abandon(0));
        p.commandOrUnsupported(new Command.Close(CODE, "done"), "close the connection");
        return p.expectSent(mark, "CONNECTION_CLOSE with code 0 on path 1", CLOSE_FRAME.and(PathSteps.onPath(1)))
                .and(p.expectNotSent(mark, "any frame on the abandoned path 0", PathSteps.onPath(0)));
    }

    @Case(requirements = {"MP-2.6-2", "Q-10.2-1"}, tags = "close",
            text = "path 1 open; the target's application closes the connection, and 2.5 times the larger PTO of "
                    + "paths 0 and 1 later three PINGs arrive on path 0: the closing state lasts at least 3 times the "
                    + "largest PTO, so the target still answers one of them with its CONNECTION_CLOSE (RFC 9000 "
                    + "§10.2.1 lets it skip some, not all)")
    Outcome closingStateLastsThreeLargestPto(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = PathSteps.openPath(ctx.server(), 1);
        long largest = Math.max(p.ptoMicros(0), p.ptoMicros(1));
        p.commandOrUnsupported(new Command.Close(CODE, "done"), "close the connection");
        p.waitMicros(largest * 5 / 2);
        int mark = p.mark();
        p.send(new Frame.Ping()).send(new Frame.Ping()).send(new Frame.Ping());
        return p.expectSent(mark, "CONNECTION_CLOSE with code 0 again", CLOSE_FRAME)
                .and(p.expectNotSent(mark, "any frame other than CONNECTION_CLOSE", NOT_A_CLOSE));
    }
}
