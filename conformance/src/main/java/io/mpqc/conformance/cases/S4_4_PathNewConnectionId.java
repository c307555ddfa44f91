package io.mpqc.conformance.cases;

import static io.mpqc.conformance.cases.Stimuli.cid;
import static io.mpqc.conformance.cases.Stimuli.newCid;
import static io.mpqc.conformance.cases.Stimuli.token;

import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;

/**
 * draft-21 §4.4 with RFC 9000 §19.15 applied per path: PATH_NEW_CONNECTION_ID, the per-path
 * active_connection_id_limit, Retire Prior To per path, repeats and reuse.
 */
final class S4_4_PathNewConnectionId implements CaseGroup {
    /** PATH_NEW_CONNECTION_ID frames in the flood case. */
    private static final int FLOOD = 300;

    @Override
    public String section() {
        return "draft-21 §4.4";
    }

    @Override
    public String title() {
        return "PATH_NEW_CONNECTION_ID";
    }

    /** The target's active_connection_id_limit in the default session: how many IDs each path may hold. */
    private static int limit(CaseContext ctx) {
        return SessionSpec.server(ctx.dialect(), CaseContext.DEFAULT_MAX_PATH_ID).targetActiveCidLimit();
    }

    /** Sends sequence numbers {@code from}..{@code to} for {@code pathId}, one packet each. */
    private static Probe fill(Probe p, long pathId, long from, long to) throws TargetException {
        for (long seq = from; seq <= to && !p.closed(); seq++) {
            p.send(newCid(pathId, seq));
        }
        return p;
    }

    @Case(requirements = {"MP-2.2-1", "MP-4.4-7"}, tags = "limits",
            text = "four connection IDs (the target's active_connection_id_limit) for path 1, four for path 2 "
                    + "and four for path 3: the limit counts per path, so no close")
    Outcome limitCountsPerPath(CaseContext ctx) throws TargetException {
        int n = limit(ctx);
        Probe p = ctx.server();
        for (long path = 1; path <= 3; path++) {
            fill(p, path, 0, n - 1);
        }
        return p.expectNoClose();
    }

    @Case(requirements = {"MP-4.4-7", "MP-2.2-1", "Q-19.15-4"}, tags = "limits",
            text = "four connection IDs for path 1 and four for path 2, then a fifth for path 1 without Retire "
                    + "Prior To: CONNECTION_ID_LIMIT_ERROR")
    Outcome fifthConnectionIdOnPathCloses(CaseContext ctx) throws TargetException {
        int n = limit(ctx);
        Probe p = fill(fill(ctx.server(), 1, 0, n - 1), 2, 0, n - 1);
        if (p.closed()) {
            return p.expectNoClose();
        }
        return p.send(newCid(1, n)).expectClose(TransportError.CONNECTION_ID_LIMIT_ERROR);
    }

    @Case(requirements = {"MP-4.4-7", "MP-4.4-6"}, tags = "limits",
            text = "four connection IDs for path 1, then a fifth with Retire Prior To 1: after processing only "
                    + "four are active, so no close, and the target retires path 1 sequence 0")
    Outcome fifthWithRetirePriorToIsAccepted(CaseContext ctx) throws TargetException {
        int n = limit(ctx);
        Probe p = fill(ctx.server(), 1, 0, n - 1);
        int mark = p.mark();
        p.send(newCid(1, n, 1));
        return p.expectNoClose().and(p.expectSent(mark, "PATH_RETIRE_CONNECTION_ID for path 1 sequence 0",
                s -> CidSteps.retires(s, 1, 0)));
    }

    @Case(requirements = {"MP-4.4-4", "MP-4.4-6"}, tags = "cross-path",
            text = "sequence 0 and 1 for paths 1 and 2, then sequence 2 for path 1 with Retire Prior To 2: the "
                    + "target retires path 1 sequences 0 and 1 and nothing of any other path; sequences 2 and 3 "
                    + "for path 2 are still accepted")
    Outcome retirePriorToStaysOnItsPath(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(2, 0), newCid(2, 1), newCid(1, 0), newCid(1, 1));
        int mark = p.mark();
        p.send(newCid(1, 2, 2)).send(newCid(2, 2)).send(newCid(2, 3));
        return p.expectNoClose()
                .and(p.expectSent(mark, "PATH_RETIRE_CONNECTION_ID for path 1 sequence 0",
                        s -> CidSteps.retires(s, 1, 0)))
                .and(p.expectSent(mark, "PATH_RETIRE_CONNECTION_ID for path 1 sequence 1",
                        s -> CidSteps.retires(s, 1, 1)))
                .and(p.expectNotSent(mark, "a retirement for a path other than 1",
                        s -> CidSteps.retiresOnPath(s, 0) || CidSteps.retiresOnPath(s, 2)));
    }

    @Case(requirements = {"MP-4.4-6", "MP-4.4-5"}, tags = "cross-path",
            text = "sequence 0 and 1 for path 1, then NEW_CONNECTION_ID with sequence 1 and Retire Prior To 1: "
                    + "the target retires path 0 sequence 0 (the handshake ID) and nothing of path 1")
    Outcome newConnectionIdRetirePriorToStaysOnPathZero(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0), newCid(1, 1));
        int mark = p.mark();
        p.send(new Frame.NewConnectionId(1, 1, cid(0, 1), token(0, 1)));
        return p.expectNoClose()
                .and(p.expectSent(mark, "RETIRE_CONNECTION_ID or PATH_RETIRE_CONNECTION_ID for path 0 sequence 0",
                        s -> CidSteps.retires(s, 0, 0)))
                .and(p.expectNotSent(mark, "PATH_RETIRE_CONNECTION_ID for path 1",
                        s -> CidSteps.retiresOnPath(s, 1)));
    }

    @Case(requirements = {"MP-4.4-8", "Q-19.15-5"},
            text = "sequence 0, 1 and then 3 with Retire Prior To 3 for path 1; then sequence 2, below the "
                    + "path's Retire Prior To: the target retires it at once with PATH_RETIRE_CONNECTION_ID "
                    + "for path 1 sequence 2, without closing")
    Outcome connectionIdBelowRetirePriorToIsRetiredAtOnce(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0), newCid(1, 1)).send(newCid(1, 3, 3));
        int mark = p.mark();
        p.send(newCid(1, 2));
        return p.expectNoClose().and(p.expectSent(mark, "PATH_RETIRE_CONNECTION_ID for path 1 sequence 2",
                s -> CidSteps.retires(s, 1, 2)));
    }

    @Case(requirements = {"MP-4.4-9", "Q-19.15-5"}, tags = "replay",
            text = "sequence 0 and 1 for path 1, then sequence 1 again, identical, and then both again in one "
                    + "packet: a repeat is no error")
    Outcome exactRepeatIsNoError(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0)).send(newCid(1, 1)).send(newCid(1, 1))
                .send(newCid(1, 0), newCid(1, 1));
        return p.expectNoClose();
    }

    @Case(requirements = {"MP-4.4-9", "MP-4.4-7"}, tags = {"replay", "limits"},
            text = "four connection IDs for path 1 (the limit), then the fourth again: a repeat does not add an "
                    + "active ID, so no CONNECTION_ID_LIMIT_ERROR")
    Outcome repeatDoesNotCountAgainstLimit(CaseContext ctx) throws TargetException {
        int n = limit(ctx);
        Probe p = fill(ctx.server(), 1, 0, n - 1);
        return p.send(newCid(1, n - 1)).expectNoClose();
    }

    @Case(requirements = {"MP-4.4-9", "MP-4.4-8"}, tags = "replay",
            text = "sequence 0 for path 1, then sequence 1 with Retire Prior To 1 (retiring 0), then sequence 0 "
                    + "again, identical: no close")
    Outcome repeatOfRetiredIdIsNoError(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0)).send(newCid(1, 1, 1)).send(newCid(1, 0));
        return p.expectNoClose();
    }

    @Case(requirements = {"Q-19.15-3", "MP-4.4-3"}, tags = "attack",
            text = "sequence 0 for path 1, then sequence 0 for path 1 again with another connection ID value: "
                    + "MAY close with PROTOCOL_VIOLATION (not closing is allowed)")
    Outcome sequenceReusedForAnotherValue(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0))
                .send(new Frame.PathNewConnectionId(1, 0, 0, cid(1, 9), token(1, 9)));
        return CidSteps.closeAllowedOrNone(p, TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = {"Q-19.15-3", "MP-3.2.1-4"}, tags = "attack",
            text = "sequence 0 for path 1, then the same connection ID value as sequence 1 of path 1: MAY close "
                    + "with PROTOCOL_VIOLATION (not closing is allowed)")
    Outcome valueReusedWithAnotherSequence(CaseContext ctx) throws TargetException {
        Probe p = ctx.server().send(newCid(1, 0))
                .send(new Frame.PathNewConnectionId(1, 1, 0, cid(1, 0), token(1, 0)));
        return CidSteps.closeAllowedOrNone(p, TransportError.PROTOCOL_VIOLATION);
    }

    @Case(requirements = {"MP-4.4-7", "MP-4.4-6"}, tags = {"attack", "flood"},
            text = "300 PATH_NEW_CONNECTION_ID frames for path 1, sequence n with Retire Prior To n-3, one "
                    + "packet each: no step leaves more than four active, so the target must not close. RFC 9000 "
                    + "§5.1.2 allows CONNECTION_ID_LIMIT_ERROR only once more than twice its limit of "
                    + "retirements await acknowledgement (the suite acknowledges nothing)")
    Outcome connectionIdFloodWithRisingRetirePriorTo(CaseContext ctx) throws TargetException {
        int n = limit(ctx);
        Probe p = ctx.server();
        String expected = "no close during " + FLOOD + " frames that never exceed " + n + " active IDs";
        for (long seq = 0; seq < FLOOD; seq++) {
            long retirePriorTo = Math.max(0, seq - (n - 1));
            p.send(newCid(1, seq, retirePriorTo));
            if (p.closed()) {
                String observed = "closed with " + TransportError.describe(p.close().errorCode(), ctx.dialect())
                        + " at sequence " + seq + " after " + retirePriorTo + " retirements";
                boolean overwhelmed = p.close().errorCode() == TransportError.CONNECTION_ID_LIMIT_ERROR.code()
                        && retirePriorTo > 2L * n;
                return overwhelmed ? Outcome.met(expected + " (or CONNECTION_ID_LIMIT_ERROR after more than "
                        + 2 * n + " unacknowledged retirements)", observed + " (allowed by RFC 9000 §5.1.2)")
                        : Outcome.notMet(expected, observed);
            }
        }
        return p.expectNoClose();
    }
}
