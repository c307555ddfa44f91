package io.mpqc.fuzz;

import io.mpqc.conformance.target.Command;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.frame.Varint;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes session inputs for {@link StimulusGenerator}: the inverse of its reads, call for call, so that a
 * seed file means exactly the session written here (checked by the fuzz module's tests, which read every
 * written session back). Only values the generator can produce are accepted: up to 3 frames per packet,
 * CIDs and reset tokens from the generator's pools, no extra ACK ranges.
 */
final class SessionWriter {
    private final FuzzInputWriter w = new FuzzInputWriter();
    private final Dialect dialect;
    private final List<FrameType> kinds = new ArrayList<>();
    private final long[] abandonCodes;
    private final List<Stimulus> written = new ArrayList<>();
    private final StimulusGenerator.Setup setup;

    /** A session with the reference's default policy knobs (2 CIDs per path, 8 provisioned paths, seed 1). */
    SessionWriter(Dialect[] dialects, Role role, Dialect dialect, long maxPathId, int cidLimit) {
        this(dialects, role, dialect, maxPathId, maxPathId, cidLimit, cidLimit);
    }

    SessionWriter(Dialect[] dialects, Role role, Dialect dialect, long targetMax, long testerMax, int targetCids,
            int testerCids) {
        if ((targetMax < 0) != (testerMax < 0)) {
            throw new IllegalArgumentException("both sides offer multipath or neither does");
        }
        this.dialect = dialect;
        for (FrameType t : FrameType.values()) {
            if (dialect.supports(t)) {
                kinds.add(t);
            }
        }
        abandonCodes = dialect.multipathErrors().keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        w.bool(role == Role.SERVER);
        w.integer(0, dialects.length - 1, Arrays.asList(dialects).indexOf(dialect));
        w.integer(0, 7, targetMax < 0 ? 0 : 1);
        if (targetMax >= 0) {
            maxPathId(targetMax);
            maxPathId(testerMax);
        }
        w.integer(2, 6, targetCids);
        w.integer(2, 6, testerCids);
        w.integer(1, 4, 2); // cidsPerPath
        w.integer(1, 8, 8); // provisionedPaths
        w.bool(true); // lastPathGraceMicros -1: one PTO
        w.bool(false); // closeOnRetireOfCarryingCid
        w.bool(false); // not negotiated: FRAME_ENCODING_ERROR
        w.anyLong(1); // seed
        setup = new StimulusGenerator.Setup(role, dialect, targetMax, testerMax, targetCids, testerCids, 2, 8, -1,
                false, false, 1);
    }

    StimulusGenerator.Setup setup() {
        return setup;
    }

    /** The stimuli written so far, as the generator will read them back. */
    List<Stimulus> stimuli() {
        return List.copyOf(written);
    }

    byte[] toByteArray() {
        return w.toByteArray();
    }

    private void maxPathId(long v) {
        if (v <= 6) {
            w.integer(0, 15, v);
        } else if (v <= 64) {
            w.integer(0, 15, 14).integer(0, 64, v);
        } else if (v == FrameGenerator.MAX_PATH_ID) {
            w.integer(0, 15, 15);
        } else {
            throw new IllegalArgumentException("max path ID " + v + " cannot be written");
        }
    }

    // ---- stimuli ----

    /** A 1-RTT packet with the next packet number on {@code pathId}. */
    SessionWriter receive(long pathId, Object... frames) {
        return receive(PacketType.ONE_RTT, pathId, frames);
    }

    /**
     * A packet of {@code type}; each frame is a {@link Frame} or a {@link Stimulus.EchoChallenge} (whose path
     * must be the packet's or 0..4).
     */
    SessionWriter receive(PacketType type, long pathId, Object... frames) {
        if (frames.length > 3) {
            throw new IllegalArgumentException("at most 3 frames per packet");
        }
        w.integer(0, 15, 0);
        w.integer(0, 15, switch (type) {
            case INITIAL -> 0;
            case HANDSHAKE -> 1;
            case ZERO_RTT -> 2;
            case ONE_RTT -> 3;
        });
        packetPathId(pathId);
        w.integer(0, 7, 0); // next packet number
        w.bool(true); // DCID sequence unknown
        if (frames.length == 0) {
            w.integer(0, 31, 0);
        } else {
            w.integer(0, 31, 1).integer(1, 3, frames.length);
        }
        List<Stimulus.FrameSpec> specs = new ArrayList<>();
        for (Object o : frames) {
            if (o instanceof Stimulus.EchoChallenge e) {
                w.integer(0, 7, 0);
                if (e.challengePath() == pathId) {
                    w.bool(true);
                } else {
                    w.bool(false).integer(0, 4, e.challengePath());
                }
                specs.add(e);
            } else {
                Frame f = (Frame) o;
                w.integer(0, 7, 1);
                frame(f);
                specs.add(new Stimulus.Fixed(f));
            }
        }
        written.add(new Stimulus.Receive(type, pathId, -2, -1, specs));
        return this;
    }

    SessionWriter advance(long micros) {
        w.integer(0, 15, 9);
        if (micros == 0) {
            w.integer(0, 7, 0);
        } else if (micros == 25_000) {
            w.integer(0, 7, 2);
        } else if (micros == 1_000_000) {
            w.integer(0, 7, 3);
        } else if (micros == 3_000_000) {
            w.integer(0, 7, 4);
        } else if (micros == 10_000_000) {
            w.integer(0, 7, 5);
        } else {
            w.integer(0, 7, 6).integer(0, 5_000_000, micros);
        }
        written.add(new Stimulus.Advance(micros));
        return this;
    }

    SessionWriter command(Command c) {
        w.integer(0, 15, 11);
        if (c instanceof Command.OpenPath) {
            w.integer(0, 4, 0);
        } else if (c instanceof Command.AbandonPath a) {
            w.integer(0, 4, 1);
            pathId(a.pathId());
            abandonCode(a.errorCode());
        } else if (c instanceof Command.SetStatus s) {
            w.integer(0, 4, 2);
            pathId(s.pathId());
            w.integer(0, 2, s.status().ordinal());
        } else if (c instanceof Command.RaiseMaxPathId r) {
            w.integer(0, 4, 3);
            limitValue(r.maximum());
        } else if (c instanceof Command.IssueConnectionIds i) {
            w.integer(0, 4, 4);
            pathId(i.pathId());
            w.integer(0, 5, i.count());
        } else {
            // The fuzz input format has five command codes; closing is left to the frames (errors, CONNECTION_CLOSE).
            throw new IllegalArgumentException("no fuzz input encodes the command " + c);
        }
        written.add(new Stimulus.Local(c));
        return this;
    }

    /** Connection-core sessions only: the differential target reads this as a packet. */
    SessionWriter drain() {
        w.integer(0, 15, 14);
        written.add(new Stimulus.Drain());
        return this;
    }

    /** Connection-core sessions only. */
    SessionWriter close(long code) {
        w.integer(0, 15, 15).integer(0, 3, 0);
        errorCode(code);
        written.add(new Stimulus.Close(code, "fuzz"));
        return this;
    }

    // ---- frames, in FrameGenerator's order of reads ----

    private void frame(Frame f) {
        FrameType kind = f.type();
        int idx = kinds.indexOf(kind);
        if (idx < 0) {
            throw new IllegalArgumentException(dialect + " has no " + kind);
        }
        w.integer(0, kinds.size() - 1, idx);
        switch (kind) {
            case PADDING -> w.integer(1, 64, ((Frame.Padding) f).length());
            case PING, HANDSHAKE_DONE -> { }
            case ACK, ACK_ECN -> {
                Frame.Ack a = (Frame.Ack) f;
                ack(a.largest(), a.firstRange(), a.ackDelay(), a.ranges().count(), a.ecn());
            }
            case PATH_ACK, PATH_ACK_ECN -> {
                Frame.PathAck a = (Frame.PathAck) f;
                pathId(a.pathId());
                ack(a.largest(), a.firstRange(), a.ackDelay(), a.ranges().count(), a.ecn());
            }
            case RESET_STREAM -> {
                Frame.ResetStream r = (Frame.ResetStream) f;
                varint(r.streamId());
                varint(r.errorCode());
                varint(r.finalSize());
            }
            case MAX_DATA -> varint(((Frame.MaxData) f).maximum());
            case STREAM -> {
                Frame.Stream s = (Frame.Stream) f;
                data(s.data());
                varint(s.streamId());
                w.integer(0, Varint.MAX - s.data().length(), s.offset());
                w.bool(s.fin()).bool(s.explicitLength());
            }
            case NEW_CONNECTION_ID -> {
                Frame.NewConnectionId n = (Frame.NewConnectionId) f;
                sequence(n.sequence());
                retirePriorTo(n.sequence(), n.retirePriorTo());
                cid(n.connectionId());
                token(n.resetToken());
            }
            case RETIRE_CONNECTION_ID -> sequence(((Frame.RetireConnectionId) f).sequence());
            case PATH_CHALLENGE -> w.anyLong(((Frame.PathChallenge) f).data());
            case PATH_RESPONSE -> w.anyLong(((Frame.PathResponse) f).data());
            case CONNECTION_CLOSE -> {
                Frame.ConnectionClose c = (Frame.ConnectionClose) f;
                errorCode(c.errorCode());
                if (c.frameType() == 0) {
                    w.bool(true);
                } else {
                    w.bool(false);
                    varint(c.frameType());
                }
                w.integer(0, 8, c.reason().length()).bytes(c.reason().toByteArray());
            }
            case PATH_ABANDON -> {
                Frame.PathAbandon a = (Frame.PathAbandon) f;
                pathId(a.pathId());
                abandonCode(a.errorCode());
                if (dialect.abandonHasReasonPhrase()) {
                    w.integer(0, 8, a.reasonPhrase().length()).bytes(a.reasonPhrase().toByteArray());
                }
            }
            case PATH_STATUS_BACKUP -> {
                Frame.PathStatusBackup s = (Frame.PathStatusBackup) f;
                pathId(s.pathId());
                sequence(s.sequence());
            }
            case PATH_STATUS_AVAILABLE -> {
                Frame.PathStatusAvailable s = (Frame.PathStatusAvailable) f;
                pathId(s.pathId());
                sequence(s.sequence());
            }
            case PATH_NEW_CONNECTION_ID -> {
                Frame.PathNewConnectionId n = (Frame.PathNewConnectionId) f;
                pathId(n.pathId());
                sequence(n.sequence());
                retirePriorTo(n.sequence(), n.retirePriorTo());
                cid(n.connectionId());
                token(n.resetToken());
            }
            case PATH_RETIRE_CONNECTION_ID -> {
                Frame.PathRetireConnectionId r = (Frame.PathRetireConnectionId) f;
                pathId(r.pathId());
                sequence(r.sequence());
            }
            case MAX_PATH_ID -> limitValue(((Frame.MaxPathId) f).maximum());
            case PATHS_BLOCKED -> limitValue(((Frame.PathsBlocked) f).maximum());
            case PATH_CIDS_BLOCKED -> {
                Frame.PathCidsBlocked b = (Frame.PathCidsBlocked) f;
                pathId(b.pathId());
                sequence(b.nextSequence());
            }
            default -> throw new IllegalArgumentException("SessionWriter does not write " + kind + " frames");
        }
    }

    private void ack(long largest, long first, long delay, int rangeCount, io.mpqc.ref.frame.EcnCounts ecn) {
        if (rangeCount != 0) {
            throw new IllegalArgumentException("no extra ACK ranges in seeds");
        }
        if (largest <= 16) {
            w.bool(true).integer(0, 16, largest);
        } else {
            w.bool(false);
            varint(largest);
        }
        w.integer(0, largest, first);
        varint(delay);
        w.integer(0, 3, 0);
        if (ecn != null) {
            w.integer(0, 1000, ecn.ect0()).integer(0, 1000, ecn.ect1()).integer(0, 1000, ecn.ce());
        }
    }

    private void pathId(long v) {
        if (v < 6) {
            w.integer(0, 15, v);
        } else if (v <= 8) {
            w.integer(0, 15, 6).integer(0, 8, v);
        } else if (v == FrameGenerator.MAX_PATH_ID || v == FrameGenerator.MAX_PATH_ID + 1) {
            w.integer(0, 15, 13).integer(0, 1, v - FrameGenerator.MAX_PATH_ID);
        } else {
            w.integer(0, 15, 15);
            varint(v);
        }
    }

    private void packetPathId(long v) {
        if (v <= 3) {
            w.integer(0, 15, v);
        } else if (v <= 8) {
            w.integer(0, 15, 8).integer(0, 8, v);
        } else if (v == FrameGenerator.MAX_PATH_ID) {
            w.integer(0, 15, 14);
        } else {
            w.integer(0, 15, 15).integer(0, FrameGenerator.MAX_PATH_ID, v);
        }
    }

    private void limitValue(long v) {
        if (v <= 12) {
            w.integer(0, 7, 0).integer(0, 12, v);
        } else if (v == FrameGenerator.MAX_PATH_ID || v == FrameGenerator.MAX_PATH_ID + 1) {
            w.integer(0, 7, 5).integer(0, 1, v - FrameGenerator.MAX_PATH_ID);
        } else {
            w.integer(0, 7, 7);
            varint(v);
        }
    }

    private void sequence(long v) {
        if (v <= 9) {
            w.integer(0, 7, 0).integer(0, 9, v);
        } else if (v <= 1000) {
            w.integer(0, 7, 6).integer(0, 1000, v);
        } else {
            w.integer(0, 7, 7);
            varint(v);
        }
    }

    private void retirePriorTo(long seq, long rpt) {
        if (rpt == 0) {
            w.bool(true);
        } else {
            w.bool(false).integer(0, seq, rpt);
        }
    }

    private void varint(long v) {
        if (v <= 64) {
            w.bool(true).integer(0, 64, v);
        } else {
            w.bool(false).integer(0, Varint.MAX, v);
        }
    }

    private void cid(Bytes cid) {
        int i = FrameGenerator.cidPoolIndex(cid);
        if (i < 0) {
            throw new IllegalArgumentException("CID " + cid + " is not in the generator's pool");
        }
        w.integer(0, FrameGenerator.CID_POOL_SIZE + 1, i);
    }

    private void token(Bytes token) {
        int i = FrameGenerator.tokenPoolIndex(token);
        if (i < 0) {
            throw new IllegalArgumentException("token " + token + " is not in the generator's pool");
        }
        w.integer(0, FrameGenerator.TOKEN_POOL_SIZE, i);
    }

    private void data(Bytes d) {
        w.integer(0, 16, d.length()).bytes(d.toByteArray());
    }

    private void errorCode(long v) {
        if (v <= 0x10) {
            w.integer(0, 3, 0).integer(0, 0x10, v);
        } else {
            w.integer(0, 3, 3);
            varint(v);
        }
    }

    private void abandonCode(long code) {
        if (code == 0) {
            w.integer(0, 5, 0);
            return;
        }
        for (int i = 0; i < abandonCodes.length && i < 4; i++) {
            if (abandonCodes[i] == code) {
                w.integer(0, 5, 1 + i);
                return;
            }
        }
        w.integer(0, 5, 5);
        varint(code);
    }

    /** A CID of the generator's pool, for seeds. */
    static Bytes poolCid(int i) {
        return FrameGenerator.poolCid(i);
    }

    static Bytes poolToken(int i) {
        return FrameGenerator.poolToken(i);
    }

    /** Command shorthands. */
    static Command open() {
        return new Command.OpenPath();
    }

    static Command status(long pathId, PathStatus s) {
        return new Command.SetStatus(pathId, s);
    }
}
