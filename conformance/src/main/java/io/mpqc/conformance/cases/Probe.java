package io.mpqc.conformance.cases;

import io.mpqc.conformance.target.CloseInfo;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.PeerStatus;
import io.mpqc.conformance.target.Reaction;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.Session;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A case's handle on an endpoint session: sends stimuli, remembers everything the target did (in the
 * transcript too) and turns observations into {@link Outcome}s that say what was expected and what was
 * seen.
 */
public final class Probe {
    private final Session session;
    private final Dialect dialect;
    private final Transcript transcript;
    private final boolean introspection;
    private final List<SentFrame> sent = new ArrayList<>();
    private CloseInfo close;
    private String lastRefusal;

    Probe(Session session, Dialect dialect, Transcript transcript, boolean introspection) {
        this.session = session;
        this.dialect = dialect;
        this.transcript = transcript;
        this.introspection = introspection;
        record(session.initial(), "after the handshake");
    }

    public Dialect dialect() {
        return dialect;
    }

    // ---- stimuli ----

    /** One 1-RTT packet on path 0 with these frames. */
    public Probe send(Frame... frames) throws TargetException {
        return sendIn(PacketType.ONE_RTT, 0, frames);
    }

    /** One 1-RTT packet on {@code pathId}. */
    public Probe sendOn(long pathId, Frame... frames) throws TargetException {
        return sendIn(PacketType.ONE_RTT, pathId, frames);
    }

    /** One packet of {@code type} on {@code pathId}. */
    public Probe sendIn(PacketType type, long pathId, Frame... frames) throws TargetException {
        List<Frame> list = Arrays.asList(frames);
        transcript.toTarget(type + " packet on path " + pathId, list);
        record(session.receive(type, pathId, list), "answer");
        return this;
    }

    /** Advances the target's clock. */
    public Probe waitMicros(long micros) throws TargetException {
        transcript.note("clock advanced by " + micros / 1000.0 + " ms");
        record(session.advance(micros), "after the clock advanced");
        return this;
    }

    /** Advances the target's clock by {@code n} of its PTOs on {@code pathId}. */
    public Probe waitPto(long pathId, double n) throws TargetException {
        return waitMicros((long) Math.ceil(n * session.ptoMicros(pathId)));
    }

    public long ptoMicros(long pathId) throws TargetException {
        return session.ptoMicros(pathId);
    }

    /** Gives a local command; a refusal is remembered, not thrown. */
    public Probe command(Command command) throws TargetException {
        transcript.note("command: " + command);
        Reaction r = session.command(command);
        lastRefusal = r.refused();
        record(r, "after the command");
        return this;
    }

    private void record(Reaction r, String when) {
        if (!r.sent().isEmpty()) {
            sent.addAll(r.sent());
            long path = r.sent().get(0).pathId();
            boolean onePath = r.sent().stream().allMatch(s -> s.pathId() == path);
            transcript.fromTarget("target sent " + when + (onePath ? " on path " + path : ""),
                    r.sent().stream().map(SentFrame::frame).collect(Collectors.toList()));
        }
        if (r.close() != null && close == null) {
            close = r.close();
            transcript.note("target closed the connection: " + TransportError.describe(close.errorCode(), dialect)
                    + (close.reason().isEmpty() ? "" : " \"" + close.reason() + "\""));
        }
        if (r.refused() != null) {
            transcript.note("target refused the command: " + r.refused());
        }
    }

    // ---- observations ----

    public boolean closed() {
        return close != null;
    }

    public CloseInfo close() {
        return close;
    }

    /**
     * Runs a local command the case cannot do without: if the target refuses it, the case ends UNSUPPORTED
     * with "the target refused to {@code what}" and the target's reason.
     */
    public Probe commandOrUnsupported(Command command, String what) throws TargetException {
        command(command);
        if (lastRefusal != null) {
            throw new CaseUnsupportedException("the target refused to " + what + ": " + lastRefusal);
        }
        return this;
    }

    public String lastRefusal() {
        return lastRefusal;
    }

    /** How many frames the target has sent so far: a mark for {@link #sentSince(int)}. */
    public int mark() {
        return sent.size();
    }

    public List<SentFrame> sentSince(int mark) {
        return List.copyOf(sent.subList(mark, sent.size()));
    }

    public List<SentFrame> allSent() {
        return List.copyOf(sent);
    }

    /** Frames of one record type sent since {@code mark}. */
    public <T extends Frame> List<T> sentSince(int mark, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (SentFrame s : sent.subList(mark, sent.size())) {
            if (type.isInstance(s.frame())) {
                out.add(type.cast(s.frame()));
            }
        }
        return out;
    }

    /** The status the target holds for a path; the case is UNSUPPORTED without introspection. */
    public Optional<PeerStatus> peerStatus(long pathId) throws TargetException {
        if (!introspection) {
            throw new CaseUnsupportedException("the target does not report the status it holds per path "
                    + "(capability 'introspection')");
        }
        return session.peerStatus(pathId);
    }

    // ---- expectations ----

    private String closeText() {
        return close == null ? "no close" : "closed with " + TransportError.describe(close.errorCode(), dialect);
    }

    /** The connection was closed with one of these codes. */
    public Outcome expectClose(long... codes) {
        String expected = "close with " + Arrays.stream(codes).mapToObj(c -> TransportError.describe(c, dialect))
                .collect(Collectors.joining(" or "));
        if (close != null && Arrays.stream(codes).anyMatch(c -> c == close.errorCode())) {
            return Outcome.met(expected, closeText());
        }
        return Outcome.notMet(expected, closeText());
    }

    public Outcome expectClose(TransportError... errors) {
        return expectClose(Arrays.stream(errors).mapToLong(TransportError::code).toArray());
    }

    public Outcome expectNoClose() {
        return close == null ? Outcome.met("no close", "no close") : Outcome.notMet("no close", closeText());
    }

    /** The target holds {@code status} with {@code sequence} for the path (introspection). */
    public Outcome expectPeerStatus(long pathId, PathStatus status, long sequence) throws TargetException {
        String expected = "status of path " + pathId + " is " + status + " (sequence " + sequence + ")";
        Optional<PeerStatus> seen = peerStatus(pathId);
        String observed = seen.map(s -> "status of path " + pathId + " is " + s.status() + " (sequence "
                + s.sequence() + ")").orElse("no status held for path " + pathId);
        boolean ok = seen.isPresent() && seen.get().status() == status && seen.get().sequence() == sequence;
        return ok ? Outcome.met(expected, observed) : Outcome.notMet(expected, observed);
    }

    /** Since {@code mark} the target sent a frame matching {@code p}. */
    public Outcome expectSent(int mark, String what, Predicate<SentFrame> p) {
        for (SentFrame s : sentSince(mark)) {
            if (p.test(s)) {
                return Outcome.met("target sends " + what, "sent " + describe(s));
            }
        }
        return Outcome.notMet("target sends " + what, "not sent; target sent: " + summary(sentSince(mark)));
    }

    /** Since {@code mark} the target sent no frame matching {@code p}. */
    public Outcome expectNotSent(int mark, String what, Predicate<SentFrame> p) {
        for (SentFrame s : sentSince(mark)) {
            if (p.test(s)) {
                return Outcome.notMet("target does not send " + what, "sent " + describe(s));
            }
        }
        return Outcome.met("target does not send " + what, "not sent");
    }

    private String describe(SentFrame s) {
        return io.mpqc.ref.frame.FrameFields.describe(s.frame(), dialect) + " on path " + s.pathId();
    }

    private String summary(List<SentFrame> frames) {
        if (frames.isEmpty()) {
            return "nothing";
        }
        return frames.stream().map(s -> dialect.frameName(s.frame().type()) + "@" + s.pathId()).distinct()
                .limit(12).collect(Collectors.joining(", "));
    }
}
