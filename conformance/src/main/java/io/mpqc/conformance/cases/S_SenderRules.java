package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What a target sends when told to act (capability {@code commands}): status sequence numbers, what it
 * does without connection IDs for a new path, how it treats a wrong PATH_RESPONSE, and what it sends again
 * when a path's state is deleted.
 */
final class S_SenderRules implements CaseGroup {

    @Override
    public String section() {
        return "draft-21 §3.2.2, §3.4.3, §4.3";
    }

    @Override
    public String title() {
        return "Sender-side rules";
    }

    @Case(requirements = "MP-4.3-3", tags = "status",
            text = "the target announces AVAILABLE, BACKUP, AVAILABLE for path 0: the three sequence numbers "
                    + "strictly increase")
    Outcome statusSequenceNumbersIncrease(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.server();
        int mark = p.mark();
        p.command(new Command.SetStatus(0, PathStatus.AVAILABLE)).command(new Command.SetStatus(0, PathStatus.BACKUP))
                .command(new Command.SetStatus(0, PathStatus.AVAILABLE));
        List<Long> seqs = new ArrayList<>();
        for (SentFrame s : p.sentSince(mark)) {
            if (s.frame() instanceof Frame.PathStatusAvailable a && a.pathId() == 0) {
                seqs.add(a.sequence());
            } else if (s.frame() instanceof Frame.PathStatusBackup b && b.pathId() == 0) {
                seqs.add(b.sequence());
            }
        }
        String expected = "three status frames for path 0 with strictly increasing sequence numbers";
        if (seqs.size() != 3) {
            return Outcome.notMet(expected, "status sequence numbers sent: " + seqs);
        }
        boolean increasing = seqs.get(0) < seqs.get(1) && seqs.get(1) < seqs.get(2);
        return increasing ? Outcome.met(expected, "sent " + seqs) : Outcome.notMet(expected, "sent " + seqs);
    }

    @Case(requirements = "MP-3.2.2-3", tags = {"cid", "blocked"},
            text = "a client target asked to open a path while the suite issued no connection ID for any other "
                    + "path may send PATH_CIDS_BLOCKED; it must not close")
    Outcome openPathWithoutConnectionIds(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client();
        int mark = p.mark();
        p.command(new Command.OpenPath());
        Outcome blocked = p.expectSent(mark, "PATH_CIDS_BLOCKED", s -> s.frame() instanceof Frame.PathCidsBlocked);
        Outcome noPathUsed = p.expectNotSent(mark, "anything on a path other than 0", s -> s.pathId() != 0);
        // Only sending PATH_CIDS_BLOCKED is optional; closing or using a path without an ID is not.
        return p.expectNoClose().mandatory().and(noPathUsed.mandatory()).and(blocked);
    }

    @Case(requirements = "Q-8.2-3", tags = "validation",
            text = "a client target opens path 1 and the suite answers its PATH_CHALLENGE with other data: the "
                    + "target may close with PROTOCOL_VIOLATION or ignore it")
    Outcome mismatchedPathResponse(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client().send(Stimuli.newCid(1, 0));
        int mark = p.mark();
        p.command(new Command.OpenPath());
        List<Frame.PathChallenge> challenges = p.sentSince(mark, Frame.PathChallenge.class);
        if (challenges.isEmpty()) {
            return Outcome.notMet("a PATH_CHALLENGE on the new path", "no PATH_CHALLENGE sent");
        }
        p.sendOn(1, new Frame.PathResponse(~challenges.get(0).data()));
        return p.closed() ? p.expectClose(TransportError.PROTOCOL_VIOLATION).mandatory()
                : Outcome.notMet("PROTOCOL_VIOLATION (the MAY) or silence", "no close (the wrong response was ignored)");
    }

    @Case(requirements = "MP-3.4.3-3", tags = {"abandon", "recovery"},
            text = "path 0 of a client target is abandoned after path 1 was validated; the connection IDs it "
                    + "announced in still unacknowledged packets on path 0 are sent again on path 1 once path 0 "
                    + "is freed (3 PTO)")
    Outcome lostFramesOfFreedPathAreSentAgain(CaseContext ctx) throws TargetException {
        ctx.require(Capabilities.COMMANDS);
        Probe p = ctx.client();
        List<Frame.PathNewConnectionId> announced = p.sentSince(0, Frame.PathNewConnectionId.class).stream()
                .filter(n -> n.pathId() != 0).toList();
        if (announced.isEmpty()) {
            throw new CaseUnsupportedException("the target announced no connection ID for other paths at start");
        }
        p.send(Stimuli.newCid(1, 0));
        int mark = p.mark();
        p.command(new Command.OpenPath());
        PathSteps.answerChallenges(p, mark, 1);
        p.send(Stimuli.abandon(0));
        int beforeFree = p.mark();
        p.waitPto(0, 3.5).waitPto(1, 1);
        List<Long> resentSeqs = new ArrayList<>();
        for (SentFrame s : p.sentSince(beforeFree)) {
            if (s.pathId() == 1 && s.frame() instanceof Frame.PathNewConnectionId n && announced.contains(n)) {
                resentSeqs.add(n.sequence());
            }
        }
        String expected = "the " + announced.size() + " connection IDs announced on path 0 are sent again on path 1";
        return resentSeqs.size() == announced.size() ? Outcome.met(expected, "sent again: " + resentSeqs.size())
                : Outcome.notMet(expected, "sent again: " + resentSeqs.size() + " of " + announced.size());
    }
}
