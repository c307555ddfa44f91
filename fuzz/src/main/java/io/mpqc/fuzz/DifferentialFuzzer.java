package io.mpqc.fuzz;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.CodecResult;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.Reaction;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.Session;
import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.Targets;
import io.mpqc.conformance.target.UnsupportedByTargetException;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The same fuzzed session through the reference and through another target, compared step by step.
 *
 * <p>The other target is named by the system property {@code mpqc.against} or the environment variable
 * {@code MPQC_AGAINST} (the property wins), with any URI {@link Targets#open} accepts; the default is
 * {@code reference:draft-18}. The session dialect is one the other target speaks (chosen by the input).
 * The reference runs the same dialect, except that when the other side speaks draft-18 the reference runs
 * draft-21: the two generations have the same fields and rules and differ only in codepoints and in the
 * numeric values of the PATH_ABANDON error codes (digest appendix A), so any difference in behaviour
 * between them is a bug. Frames are dialect-independent records, so the same frames go to both; PATH_ABANDON
 * error codes are translated by name.
 *
 * <p>What is compared after every stimulus (a difference is a {@link Finding}):
 * <ul>
 *   <li>whether the connection closed, and with which error code;</li>
 *   <li>whether a local command was refused;</li>
 *   <li>the path-management frames sent, as a multiset: PATH_CHALLENGE (on which path), PATH_RESPONSE (on
 *       which path, which data), PATH_NEW_CONNECTION_ID / NEW_CONNECTION_ID (path, sequence, Retire Prior
 *       To; not the random CID and token), PATH_RETIRE_CONNECTION_ID / RETIRE_CONNECTION_ID, PATH_ABANDON
 *       (path, error code by name), PATH_STATUS_* (path, sequence), MAX_PATH_ID, PATHS_BLOCKED,
 *       PATH_CIDS_BLOCKED. Not compared: ACK and PATH_ACK (acknowledgement timing is a local policy),
 *       PADDING, PING, CONNECTION_CLOSE frames (the close is compared through its code), and which path
 *       carries a control frame that may travel on any path (draft-21 §3.4 only RECOMMENDs a choice);</li>
 *   <li>when the other target decodes at codec level: the frames of each packet encoded in each side's
 *       dialect decode to the same frames, or are rejected with the same code.</li>
 * </ul>
 * A target that fails (TargetException) is a finding too; one that says a stimulus is unsupported ends
 * the input without a verdict. Each target must answer a stimulus before returning, as the Session
 * contract says; a target that sends later than the reference will show up as a difference.
 */
public final class DifferentialFuzzer {
    /** The system property naming the other target. */
    public static final String AGAINST_PROPERTY = "mpqc.against";
    /** The environment variable naming the other target. */
    public static final String AGAINST_ENV = "MPQC_AGAINST";
    public static final String DEFAULT_AGAINST = "reference:draft-18";

    private static Target reference;
    private static Target other;
    private static Dialect[] otherDialects;

    private DifferentialFuzzer() {
    }

    /** The name of the other target as configured now. */
    public static String against() {
        String p = System.getProperty(AGAINST_PROPERTY);
        if (p != null && !p.isBlank()) {
            return p.trim();
        }
        String e = System.getenv(AGAINST_ENV);
        return e != null && !e.isBlank() ? e.trim() : DEFAULT_AGAINST;
    }

    /** Called once by the Jazzer driver before the first input. */
    public static synchronized void fuzzerInitialize() {
        if (other != null) {
            return;
        }
        String name = against();
        try {
            reference = Targets.open("reference");
            other = Targets.open(name);
        } catch (TargetException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open the target to compare with, '" + name + "': "
                    + e.getMessage(), e);
        }
        Capabilities caps = other.capabilities();
        if (!caps.endpoint() && !caps.codec()) {
            throw new IllegalStateException(name + " can be driven neither at endpoint nor at codec level");
        }
        otherDialects = caps.dialects().stream().sorted().toArray(Dialect[]::new);
        if (otherDialects.length == 0) {
            throw new IllegalStateException(name + " speaks no dialect");
        }
    }

    public static void fuzzerTestOneInput(byte[] data) {
        fuzzerInitialize();
        new Run(new FuzzInput(data)).run();
    }

    /** The dialect the reference speaks when the other target speaks {@code d}. */
    static Dialect referenceDialect(Dialect d) {
        return d == Dialect.DRAFT_18 ? Dialect.DRAFT_21 : d;
    }

    /** What one side did in answer to a stimulus, in comparable form. */
    record Observed(List<String> pathFrames, String close, boolean refused) {
    }

    private static final class Run {
        private final StimulusGenerator gen;
        private final Dialect otherDialect;
        private final Dialect refDialect;
        private final List<Stimulus> trace = new ArrayList<>();
        private final Map<Long, Long> refChallenges = new HashMap<>();
        private final Map<Long, Long> otherChallenges = new HashMap<>();
        private final boolean commands;

        Run(FuzzInput data) {
            gen = new StimulusGenerator(data, otherDialects, false);
            otherDialect = gen.setup().dialect();
            refDialect = referenceDialect(otherDialect);
            commands = other.capabilities().has(Capabilities.COMMANDS);
        }

        void run() {
            StimulusGenerator.Setup s = gen.setup();
            boolean endpoint = other.capabilities().endpoint();
            Session a = null;
            Session b = null;
            try {
                if (endpoint) {
                    a = reference.endpoint().open(new SessionSpec(s.targetRole(), refDialect, s.targetMaxPathId(),
                            s.testerMaxPathId(), s.targetActiveCidLimit(), s.testerActiveCidLimit()));
                    b = other.endpoint().open(new SessionSpec(s.targetRole(), otherDialect, s.targetMaxPathId(),
                            s.testerMaxPathId(), s.targetActiveCidLimit(), s.testerActiveCidLimit()));
                    compare("the start of the session", a.initial(), b.initial());
                }
                Stimulus st;
                boolean closed = false;
                while (!closed && (st = gen.next()) != null) {
                    if (st instanceof Stimulus.Local && !commands) {
                        continue;
                    }
                    trace.add(st);
                    if (st instanceof Stimulus.Receive r && other.capabilities().codec()) {
                        compareCodec(r);
                    }
                    if (!endpoint) {
                        continue;
                    }
                    Reaction ra = apply(a, st, refDialect, refChallenges, true);
                    Reaction rb = apply(b, st, otherDialect, otherChallenges, false);
                    if (rb == null) {
                        return; // unsupported by the other target: no verdict for this input
                    }
                    compare("step " + trace.size(), ra, rb);
                    closed = ra.close() != null;
                }
            } catch (UnsupportedByTargetException e) {
                // The other target does not do what this input asks: nothing to compare.
            } catch (TargetException e) {
                throw finding(other.name() + " failed: " + e.getMessage(), e);
            } finally {
                if (a != null) {
                    a.close();
                }
                if (b != null) {
                    b.close();
                }
            }
        }

        private Reaction apply(Session session, Stimulus st, Dialect dialect, Map<Long, Long> challenges,
                boolean isReference) throws TargetException {
            Reaction r;
            try {
                if (st instanceof Stimulus.Receive rc) {
                    List<Frame> frames = new ArrayList<>(rc.frames().size());
                    for (Stimulus.FrameSpec spec : rc.frames()) {
                        if (spec instanceof Stimulus.Fixed f) {
                            frames.add(translate(f.frame(), dialect));
                        } else if (spec instanceof Stimulus.EchoChallenge e) {
                            frames.add(new Frame.PathResponse(challenges.getOrDefault(e.challengePath(), 0L)));
                        }
                    }
                    r = session.receive(rc.type(), rc.pathId(), frames);
                } else if (st instanceof Stimulus.Advance adv) {
                    r = session.advance(adv.micros());
                } else if (st instanceof Stimulus.Local l) {
                    r = session.command(translate(l.command(), dialect));
                } else {
                    r = Reaction.NOTHING;
                }
            } catch (UnsupportedByTargetException e) {
                if (isReference) {
                    throw finding("the reference says it does not support " + st + ": " + e.getMessage(), e);
                }
                return null;
            } catch (TargetException e) {
                if (isReference) {
                    throw finding("the reference failed on " + st + ": " + e.getMessage(), e);
                }
                throw e;
            } catch (RuntimeException e) {
                throw finding((isReference ? "the reference" : other.name()) + " threw " + e + " on " + st, e);
            }
            for (SentFrame f : r.sent()) {
                if (f.frame() instanceof Frame.PathChallenge c) {
                    challenges.put(f.pathId(), c.data());
                }
            }
            return r;
        }

        /** Frames are built for the other target's dialect; PATH_ABANDON codes are carried over by name. */
        private Frame translate(Frame f, Dialect to) {
            return translate(f, otherDialect, to);
        }

        private Command translate(Command c, Dialect to) {
            if (to == otherDialect || !(c instanceof Command.AbandonPath a)) {
                return c;
            }
            return new Command.AbandonPath(a.pathId(), abandonCode(a.errorCode(), otherDialect, to));
        }

        static Frame translate(Frame f, Dialect from, Dialect to) {
            if (to == from || !(f instanceof Frame.PathAbandon p)) {
                return f;
            }
            return new Frame.PathAbandon(p.pathId(), abandonCode(p.errorCode(), from, to), p.reasonPhrase());
        }

        /** A PATH_ABANDON error code of {@code from} as {@code to} names the same error; other codes unchanged. */
        static long abandonCode(long code, Dialect from, Dialect to) {
            String name = from.multipathErrorName(code);
            if (name == null || from == to) {
                return code;
            }
            for (Map.Entry<Long, String> e : to.multipathErrors().entrySet()) {
                if (e.getValue().equals(name)) {
                    return e.getKey();
                }
            }
            return code;
        }

        private void compare(String when, Reaction ra, Reaction rb) {
            Observed oa = observe(ra, refDialect);
            Observed ob = observe(rb, otherDialect);
            if (!oa.equals(ob)) {
                throw finding("at " + when + " the reference (" + refDialect.id() + ") and " + other.name() + " ("
                        + otherDialect.id() + ") differ:\n  reference: " + oa + "\n  " + other.name() + ": " + ob);
            }
        }

        private void compareCodec(Stimulus.Receive r) throws TargetException {
            List<Frame> frames = new ArrayList<>();
            for (Stimulus.FrameSpec spec : r.frames()) {
                if (spec instanceof Stimulus.Fixed f) {
                    // A STREAM frame without Length runs to the end of the packet: only the last one may omit it,
                    // or the frames after it become its data, in different bytes for different codepoints.
                    frames.add(f.frame() instanceof Frame.Stream st && !st.explicitLength()
                            ? new Frame.Stream(st.streamId(), st.offset(), st.data(), st.fin(), true) : f.frame());
                }
            }
            String ra = codec(reference, refDialect, frames);
            String rb = codec(other, otherDialect, frames);
            if (!ra.equals(rb)) {
                throw finding("decoding " + frames + " the reference (" + refDialect.id() + ") and " + other.name()
                        + " (" + otherDialect.id() + ") differ:\n  reference: " + ra + "\n  " + other.name() + ": " + rb);
            }
        }

        private String codec(Target t, Dialect d, List<Frame> frames) throws TargetException {
            List<Frame> own = frames.stream().map(f -> translate(f, d)).toList();
            byte[] payload = new FrameEncoder(d).encodeAll(own);
            CodecResult res = t.codec().decode(d, payload);
            if (res instanceof CodecResult.Decoded dec) {
                return "decoded " + dec.frames().stream().map(f -> translate(f, d, otherDialect)).toList();
            }
            CodecResult.Rejected rej = (CodecResult.Rejected) res;
            return "rejected with 0x" + Long.toHexString(rej.errorCode());
        }

        private static Observed observe(Reaction r, Dialect d) {
            List<String> frames = new ArrayList<>();
            for (SentFrame s : r.sent()) {
                String key = key(s, d);
                if (key != null) {
                    frames.add(key);
                }
            }
            frames.sort(null);
            String close = r.close() == null ? "open" : "closed with 0x" + Long.toHexString(r.close().errorCode());
            return new Observed(frames, close, r.refused() != null);
        }

        /** The comparable form of a sent frame, or null for a frame that is not compared. */
        static String key(SentFrame s, Dialect d) {
            Frame f = s.frame();
            if (f instanceof Frame.PathChallenge) {
                return "PATH_CHALLENGE on path " + s.pathId();
            } else if (f instanceof Frame.PathResponse p) {
                return "PATH_RESPONSE on path " + s.pathId() + " data " + Long.toHexString(p.data());
            } else if (f instanceof Frame.PathNewConnectionId n) {
                return "PATH_NEW_CONNECTION_ID path " + n.pathId() + " seq " + n.sequence() + " rpt " + n.retirePriorTo();
            } else if (f instanceof Frame.NewConnectionId n) {
                return "NEW_CONNECTION_ID seq " + n.sequence() + " rpt " + n.retirePriorTo();
            } else if (f instanceof Frame.PathRetireConnectionId r) {
                return "PATH_RETIRE_CONNECTION_ID path " + r.pathId() + " seq " + r.sequence();
            } else if (f instanceof Frame.RetireConnectionId r) {
                return "RETIRE_CONNECTION_ID seq " + r.sequence();
            } else if (f instanceof Frame.PathAbandon a) {
                String name = d.multipathErrorName(a.errorCode());
                return "PATH_ABANDON path " + a.pathId() + " code "
                        + Objects.requireNonNullElse(name, "0x" + Long.toHexString(a.errorCode()));
            } else if (f instanceof Frame.PathStatusAvailable a) {
                return "PATH_STATUS_AVAILABLE path " + a.pathId() + " seq " + a.sequence();
            } else if (f instanceof Frame.PathStatusBackup b) {
                return "PATH_STATUS_BACKUP path " + b.pathId() + " seq " + b.sequence();
            } else if (f instanceof Frame.MaxPathId m) {
                return "MAX_PATH_ID " + m.maximum();
            } else if (f instanceof Frame.PathsBlocked p) {
                return "PATHS_BLOCKED " + p.maximum();
            } else if (f instanceof Frame.PathCidsBlocked p) {
                return "PATH_CIDS_BLOCKED path " + p.pathId() + " next " + p.nextSequence();
            }
            return null;
        }

        private Finding finding(String what) {
            return finding(what, null);
        }

        private Finding finding(String what, Throwable cause) {
            StimulusGenerator.Setup s = gen.setup();
            StringBuilder sb = new StringBuilder("differential, reference vs ").append(other.name()).append(", ")
                    .append(s).append(": ").append(what).append("\nsteps:");
            for (int i = 0; i < trace.size(); i++) {
                sb.append("\n  ").append(i + 1).append(". ").append(trace.get(i));
            }
            return cause == null ? new Finding(sb.toString()) : new Finding(sb.toString(), cause);
        }
    }
}
