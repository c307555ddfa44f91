package io.mpqc.fuzz;

import io.mpqc.conformance.target.Command;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns fuzzer bytes into a session: first the setup (role, dialect, both sides' path ID and CID limits),
 * then one {@link Stimulus} at a time until the input runs out or {@link #MAX_STEPS} is reached. Shared by
 * the connection-core and differential targets, so one corpus format serves both.
 */
final class StimulusGenerator {
    /** Sessions longer than this are cut: they add time per input, rarely new behaviour. */
    static final int MAX_STEPS = 96;

    /**
     * The connection settings the fuzzer chose; limits of -1 mean that side did not offer multipath. The
     * last six are the reference's policy knobs ({@link io.mpqc.ref.conn.ConnectionConfig}); only the
     * connection-core target uses them, every target reads them so that one input format serves all.
     */
    record Setup(Role targetRole, Dialect dialect, long targetMaxPathId, long testerMaxPathId,
            int targetActiveCidLimit, int testerActiveCidLimit, int cidsPerPath, int provisionedPaths,
            long lastPathGraceMicros, boolean closeOnRetireOfCarryingCid, boolean notNegotiatedIsProtocolViolation,
            long seed) {
    }

    private final FuzzInput in;
    private final Setup setup;
    private final FrameGenerator frames;
    private final boolean connectionCoreOnly;
    private int steps;

    /**
     * @param dialects the dialects the setup may choose from
     * @param connectionCoreOnly whether {@link Stimulus.Close} and {@link Stimulus.Drain} may be generated
     */
    StimulusGenerator(FuzzInput in, Dialect[] dialects, boolean connectionCoreOnly) {
        this.in = in;
        this.connectionCoreOnly = connectionCoreOnly;
        Role role = in.consumeBoolean() ? Role.SERVER : Role.CLIENT;
        Dialect dialect = dialects[in.consumeInt(0, dialects.length - 1)];
        boolean multipath = in.consumeInt(0, 7) != 0;
        long targetMax = multipath ? maxPathId() : -1;
        long testerMax = multipath ? maxPathId() : -1;
        int targetCids = in.consumeInt(2, 6);
        int testerCids = in.consumeInt(2, 6);
        int cidsPerPath = in.consumeInt(1, 4);
        int provisioned = in.consumeInt(1, 8);
        long grace = in.consumeBoolean() ? -1 : in.consumeLong(0, 2_000_000);
        boolean closeOnRetire = in.consumeBoolean();
        boolean notNegotiatedPv = in.consumeBoolean();
        long seed = in.consumeLong();
        this.setup = new Setup(role, dialect, targetMax, testerMax, targetCids, testerCids, cidsPerPath, provisioned,
                grace, closeOnRetire, notNegotiatedPv, seed);
        this.frames = new FrameGenerator(in, dialect, targetMax, testerMax);
    }

    private long maxPathId() {
        int mode = in.consumeInt(0, 15);
        return mode < 14 ? Math.min(mode, 6) : mode == 14 ? in.consumeLong(0, 64) : FrameGenerator.MAX_PATH_ID;
    }

    Setup setup() {
        return setup;
    }

    FuzzInput input() {
        return in;
    }

    FrameGenerator frames() {
        return frames;
    }

    /** The next stimulus, or null when the input is used up. */
    Stimulus next() {
        if (in.remainingBytes() == 0 || steps >= MAX_STEPS) {
            return null;
        }
        steps++;
        int kind = in.consumeInt(0, 15);
        if (kind <= 8) {
            return receive();
        }
        if (kind <= 10) {
            return new Stimulus.Advance(advance());
        }
        if (kind <= 13) {
            return new Stimulus.Local(command());
        }
        if (kind == 14) {
            return connectionCoreOnly ? new Stimulus.Drain() : receive();
        }
        if (connectionCoreOnly && in.consumeInt(0, 3) == 0) {
            return new Stimulus.Close(frames.errorCode(), "fuzz");
        }
        return new Stimulus.Advance(advance());
    }

    private Stimulus receive() {
        int t = in.consumeInt(0, 15);
        PacketType type = switch (t) {
            case 0 -> PacketType.INITIAL;
            case 1 -> PacketType.HANDSHAKE;
            case 2 -> PacketType.ZERO_RTT;
            default -> PacketType.ONE_RTT;
        };
        long pathId = frames.packetPathId();
        int pnMode = in.consumeInt(0, 7);
        long pn = pnMode < 6 ? -2 : pnMode == 6 ? -1 : in.consumeLong(0, 20);
        long dcidSeq = in.consumeBoolean() ? -1 : in.consumeLong(0, 4);
        int count = in.consumeInt(0, 31) == 0 ? 0 : in.consumeInt(1, 3);
        List<Stimulus.FrameSpec> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.consumeInt(0, 7) == 0) {
                list.add(new Stimulus.EchoChallenge(in.consumeBoolean() ? pathId : in.consumeLong(0, 4)));
            } else {
                list.add(new Stimulus.Fixed(frames.frame()));
            }
        }
        return new Stimulus.Receive(type, pathId, pn, dcidSeq, list);
    }

    private long advance() {
        return switch (in.consumeInt(0, 7)) {
            case 0 -> 0;
            case 1 -> in.consumeLong(1, 1_000);
            case 2 -> 25_000;
            case 3 -> 1_000_000;
            case 4 -> 3_000_000;
            case 5 -> 10_000_000;
            default -> in.consumeLong(0, 5_000_000);
        };
    }

    private Command command() {
        return switch (in.consumeInt(0, 4)) {
            case 0 -> new Command.OpenPath();
            case 1 -> new Command.AbandonPath(frames.pathId(), frames.abandonCode());
            case 2 -> new Command.SetStatus(frames.pathId(), PathStatus.values()[in.consumeInt(0, 2)]);
            case 3 -> new Command.RaiseMaxPathId(frames.limitValue());
            default -> new Command.IssueConnectionIds(frames.pathId(), in.consumeInt(0, 5));
        };
    }
}
