package io.mpqc.ref.conn;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.path.PathView;
import io.mpqc.ref.recovery.SentPacket;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stateful random testing of the connection core, in the spirit of noq's proptest-driven connection
 * tests: a sequence of operations (received frames of every kind with fuzzed fields, packet types and path
 * IDs; the local commands; clock, drain, loss, reordering) runs against a client or server connection, and
 * invariants are checked after every step:
 * <ul>
 *   <li>no exception escapes, except {@link CommandRejectedException} from commands (which then changed
 *       nothing);</li>
 *   <li>path IDs are never reused: once FAILED, CLOSING or CLOSED a path never becomes usable again, and
 *       CLOSED is final (MP-3.4-9);</li>
 *   <li>per path the peer's status sequence number only grows, and an equal number never changes the
 *       status (MP-4.3-4); our own status numbers strictly increase per path, per connection in draft-06
 *       (MP-4.3-3);</li>
 *   <li>per path, active peer CIDs &lt;= our active_connection_id_limit and our issued ones &lt;= the
 *       peer's (MP-2.2-1, MP-4.4-7);</li>
 *   <li>no path state for an ID above our maximum unless a local command named it, and the table stays
 *       bounded by the limits (MP-4-3, MP-7.1-1);</li>
 *   <li>a closed connection stays closed with the same CloseReason and its paths freeze; every close code
 *       is a known transport error code (RFC 9000 §20.1 or a multipath code of the dialect);</li>
 *   <li>sent packets: numbers strictly increase per path (Q-12.3-1), nothing goes out on an UNUSED or
 *       CLOSED path or on a path we abandoned (MP-3.4-2) except the PATH_ABANDON of the last path, no
 *       PATH_NEW_CONNECTION_ID above the peer's limit (MP-3.2.1-5), every frame exists in the dialect;</li>
 *   <li>a one-frame packet that is only ignored changes nothing, one that only closes changes nothing but
 *       the close ("nothing lost");</li>
 *   <li>PathFreed reports only packets of the freed path (MP-3.4.3-3);</li>
 *   <li>the receiver of PATH_ABANDON has answered it (MP-3.4-5), and an abandoned path's peer status
 *       never changes again (MP-4-4);</li>
 *   <li>every CID we issue is announced, or still waits for a path to carry it, numbered per path from 0
 *       without gaps, each number with one value (MP-3.2-1; checked at the end of a run);</li>
 *   <li>an oracle for one-frame packets decides from the snapshot before what the rules require: a close
 *       with the named requirement (MP-2-1, MP-4-2, Q-12.4-3, Q-12.4-4, MP-4-3, MP-4.6-2/3, MP-4.7-3/4,
 *       MP-4.5-3), no close (MP-4-4, MP-4.6-5, MP-4.7-2, MP-3.4-7, MP-4.2.1-1), a status applied or ignored
 *       (MP-4.3-2/4/5);</li>
 *   <li>in runs whose peer keeps every rule (wildness 0), no connection error ever happens.</li>
 * </ul>
 *
 * <p>All 19 deliberate bugs of {@code SeededBug} (the mutant targets) are caught by
 * {@link #seededRandomSequences} (checked when this test was written, by building the machine's connection
 * with each bug in turn).</p>
 *
 * <p>Each run picks a "wildness": how often a choice is deliberately invalid (a path ID above the limit, a
 * multipath frame in a Handshake packet, an unissued sequence number ...). Wild runs exercise the error
 * paths; tame runs get deep into path lifecycles (validation, abandonment, freeing, reinjection).</p>
 *
 * <p>{@link #operations} is the Jazzer entry point: in regression mode (the normal build) it replays the
 * inputs under {@code src/test/resources/io/mpqc/ref/conn/ConnectionStateFuzzTestInputs/operations/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes. {@link #seededRandomSequences} runs the same machine over 2000
 * {@link SplittableRandom} seeds so that {@code mvn verify} exercises it without a fuzzer.
 */
@Tag("MP-3.4-9")
@Tag("MP-4.3-4")
@Tag("MP-4.3-3")
@Tag("MP-4.4-7")
@Tag("MP-4-3")
@Tag("Q-12.3-1")
class ConnectionStateFuzzTest {
    static final int SEEDS = 2000;

    @FuzzTest(maxDuration = "120s")
    void operations(FuzzedDataProvider data) {
        Machine m = new Machine(new FuzzerSource(data));
        try {
            m.run(400);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("failed after steps:\n" + m.trace(), e);
        }
    }

    @Test
    @DisplayName("2000 seeded random operation sequences keep every invariant")
    void seededRandomSequences() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Machine m = new Machine(new RandomSource(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17)));
            try {
                m.run(60 + seed % 240);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " failed after steps:\n" + m.trace(), e);
            }
        }
    }

    // ---- where the choices come from ----

    /** A source of choices: Jazzer's data or a seeded generator. */
    interface Source {
        /** A value in [0, bound). */
        int pick(int bound);

        /** A value in [lo, hi]. */
        long between(long lo, long hi);

        /** True with about {@code percent}% probability. */
        boolean chance(int percent);

        boolean exhausted();
    }

    static final class FuzzerSource implements Source {
        private final FuzzedDataProvider data;

        FuzzerSource(FuzzedDataProvider data) {
            this.data = data;
        }

        @Override
        public int pick(int bound) {
            return bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
        }

        @Override
        public long between(long lo, long hi) {
            return data.consumeLong(lo, hi);
        }

        @Override
        public boolean chance(int percent) {
            return data.consumeInt(0, 99) < percent;
        }

        @Override
        public boolean exhausted() {
            return data.remainingBytes() == 0;
        }
    }

    static final class RandomSource implements Source {
        private final SplittableRandom random;

        RandomSource(SplittableRandom random) {
            this.random = random;
        }

        @Override
        public int pick(int bound) {
            return bound <= 1 ? 0 : random.nextInt(bound);
        }

        @Override
        public long between(long lo, long hi) {
            return hi == Long.MAX_VALUE ? lo + random.nextLong(hi - lo) : random.nextLong(lo, hi + 1);
        }

        @Override
        public boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        @Override
        public boolean exhausted() {
            return false;
        }
    }

    // ---- the machine ----

    /** The connection under test, a model of its peer and the invariants' memory. */
    static final class Machine {
        private static final long VARINT_MAX = (1L << 62) - 1;
        /** Codes for PATH_ABANDON: NO_ERROR, some RFC 9000 codes, the draft-21 abandon reasons. */
        private static final long[] KNOWN_CODES = {0, 1, 2, 7, 9, 0x0a, 0x10, 0x3e, 0x3e75, 0x3e76, 0x3e77};
        /** Codes for CONNECTION_CLOSE, known in every dialect (RFC 9000 §20.1). */
        private static final long[] CLOSE_CODES = {0, 1, 2, 7, 8, 9, 0x0a, 0x0c, 0x10};

        private final Source in;
        private final ConnectionConfig config;
        private final MultipathConnection conn;
        private final Dialect dialect;
        private final List<ConnectionEvent> events = new ArrayList<>();
        /** The last steps, rendered only when a check fails. */
        private final java.util.ArrayDeque<java.util.function.Supplier<String>> trace = new java.util.ArrayDeque<>();

        // the peer's model
        private final Map<Long, Long> peerNextSeq = new HashMap<>();
        private final Map<Long, Long> peerRpt = new HashMap<>();
        private final Map<Long, java.util.TreeSet<Long>> peerIssued = new HashMap<>();
        private final Map<Long, Long> pnTo = new HashMap<>();
        private final List<Bytes> peerCidsSent = new ArrayList<>();
        private final List<long[]> ourCidsSeen = new ArrayList<>(); // {path, seq}
        private final List<long[]> challenges = new ArrayList<>(); // {path, data}
        private final List<OutgoingPacket> network = new ArrayList<>();
        private final List<List<Frame>> delivered = new ArrayList<>();
        private long peerMaxAnnounced;
        private final Map<Long, Long> peerStatusSent = new HashMap<>();
        /** How often (per mille) a choice is deliberately invalid in this run: never, 0.5%, 3% or 20%. */
        private final int wildPerMille;

        // the invariants' memory
        private final Set<Long> everEnding = new HashSet<>();
        private final Set<Long> everClosed = new HashSet<>();
        private final Map<Long, Long> peerStatusSeq = new HashMap<>();
        private final Map<Long, PathStatus> peerStatus = new HashMap<>();
        private final Map<Long, Long> lastSentPn = new HashMap<>();
        private final Map<Long, Long> lastLocalStatusSeq = new HashMap<>();
        private final Map<String, Frame> issuedFrames = new HashMap<>();
        private final Map<Long, io.mpqc.ref.path.StatusRecord> statusWhenEnding = new HashMap<>();
        private long lastConnectionWideStatusSeq = -1;
        private final Set<Long> commandTouched = new HashSet<>();
        private CloseReason closedWith;
        private List<PathView> pathsAtClose;
        private int scannedEvents;
        private int closeEvents;

        Machine(Source in) {
            this.in = in;
            this.config = config(in);
            this.dialect = config.dialect();
            this.conn = new MultipathConnection(config, (t, e) -> events.add(e));
            this.peerMaxAnnounced = config.peerMaxPathId();
            int[] levels = {0, 0, 5, 30, 200};
            this.wildPerMille = levels[in.pick(levels.length)];
            peerNextSeq.put(0L, 1L);
            check(conn.snapshot());
        }

        private static ConnectionConfig config(Source in) {
            ConnectionConfig.Builder b = ConnectionConfig.builder(in.chance(50) ? Role.CLIENT : Role.SERVER);
            int d = in.pick(10);
            b.dialect(d < 8 ? Dialect.DRAFT_21 : d == 8 ? Dialect.DRAFT_18 : Dialect.DRAFT_06);
            b.localMaxPathId(in.between(0, 6)).peerMaxPathId(in.between(0, 6));
            if (in.chance(5)) {
                b.withoutMultipath();
            } else if (in.chance(3)) {
                b.peerMaxPathId(-1);
            }
            b.localActiveCidLimit((int) in.between(2, 5)).peerActiveCidLimit((int) in.between(2, 5));
            b.cidsPerPath((int) in.between(1, 3)).provisionedPaths((int) in.between(1, 8));
            int grace = in.pick(3);
            b.lastPathGraceMicros(grace == 0 ? -1 : grace == 1 ? 0 : in.between(1, 3_000_000));
            b.closeOnRetireOfCarryingCid(in.chance(30));
            b.notNegotiatedError(in.chance(50) ? TransportError.FRAME_ENCODING_ERROR.code()
                    : TransportError.PROTOCOL_VIOLATION.code());
            b.initialRttMicros(in.chance(80) ? 333_000 : in.between(1_000, 1_000_000));
            b.seed(in.between(0, 1_000_000));
            return b.build();
        }

        String trace() {
            StringBuilder sb = new StringBuilder("config ").append(config).append(", wild ").append(wildPerMille);
            for (java.util.function.Supplier<String> line : trace) {
                sb.append('\n').append(line.get());
            }
            return sb.toString();
        }

        private void log(java.util.function.Supplier<String> line) {
            trace.addLast(line);
            if (trace.size() > 80) {
                trace.removeFirst();
            }
        }

        private static void require(boolean condition, String what, Object... args) {
            if (!condition) {
                throw new AssertionError(String.format(what, args));
            }
        }

        void run(int maxSteps) {
            for (int step = 0; step < maxSteps && !in.exhausted(); step++) {
                step();
            }
            // Let every timer run out at the end: all closing paths get freed, nothing breaks.
            tick(conn.now() + 50 * conn.pto(0) + 10_000_000);
            drain();
            allIssuedAnnounced(conn.snapshot());
        }

        // ---- one step ----

        private void step() {
            int op = in.pick(100);
            if (op < 16) {
                receiveOne(multipathFrame());
            } else if (op < 24) {
                receiveOne(rfcFrame());
            } else if (op < 33) {
                giveCid();
            } else if (op < 39) {
                command("openPath", () -> {
                    conn.openPath();
                });
            } else if (op < 46) {
                validate();
            } else if (op < 50) {
                long path = smallPathId();
                PathStatus s = wild() ? PathStatus.UNKNOWN : in.chance(50) ? PathStatus.AVAILABLE : PathStatus.BACKUP;
                statusCommand(path, s);
            } else if (op < 53) {
                long path = smallPathId();
                long code = KNOWN_CODES[in.pick(KNOWN_CODES.length)];
                command("abandonPath " + path, () -> conn.abandonPath(path, code), path);
            } else if (op < 58) {
                retireOurs();
            } else if (op < 60) {
                long path = smallPathId();
                int count = (int) in.between(wild() ? 0 : 1, 2);
                command("issueConnectionIds " + path + " x" + count, () -> conn.issueConnectionIds(path, count),
                        path);
            } else if (op < 62) {
                long max = Math.min(12, conn.snapshot().localMaxPathId() + in.between(wild() ? -1 : 1, 3));
                command("raiseMaxPathId " + max, () -> conn.raiseMaxPathId(max));
            } else if (op < 64) {
                if (!conn.multipathNegotiated() || dialect.pathsByDcidSequence()) {
                    return;
                }
                long max = Math.min(12, peerMaxAnnounced + in.between(wild() ? -2 : 0, 3));
                peerMaxAnnounced = Math.max(peerMaxAnnounced, max);
                receive(PacketContext.oneRtt(0), List.of(new Frame.MaxPathId(Math.max(0, max))), "peer MAX_PATH_ID");
            } else if (op < 72) {
                long t = conn.now() + (in.chance(70) ? in.between(0, 300_000) : in.between(0, 4 * conn.pto(0)));
                tick(t);
            } else if (op < 82) {
                drain();
            } else if (op < 84) {
                if (!network.isEmpty()) {
                    OutgoingPacket lost = network.remove(in.pick(network.size()));
                    log(() -> "drop " + lost.pathId() + "/" + lost.packetNumber());
                }
            } else if (op < 89) {
                ackSomething();
            } else if (op < 91) {
                if (wild()) {
                    receive(packetContext(), List.of(), "empty packet");
                } else if (!delivered.isEmpty()) {
                    List<Frame> again = delivered.get(in.pick(delivered.size()));
                    receive(packetContext(), again, "replay");
                }
            } else if (op < 99) {
                peerUsesPath();
            } else if (in.chance(5)) {
                long code = CLOSE_CODES[in.pick(CLOSE_CODES.length)];
                command("close " + code, () -> conn.close(code, "fuzz"));
            }
        }

        /** True for a deliberately invalid choice; how often depends on the run's wildness. */
        private boolean wild() {
            return in.between(0, 999) < wildPerMille;
        }

        // ---- frames ----

        private long localMax() {
            return Math.max(0, conn.snapshot().localMaxPathId());
        }

        private long pathIdField() {
            if (!wild()) {
                return in.between(0, localMax());
            }
            long local = localMax();
            long[] choices = {local + 1, 0xFFFF_FFFFL, 1L << 32, VARINT_MAX, in.between(0, 16)};
            return choices[in.pick(choices.length)];
        }

        private long smallPathId() {
            return wild() ? in.between(-1, 1L << 33) : in.between(0, 7);
        }

        private long smallValue() {
            return wild() ? in.between(0, VARINT_MAX) : in.between(0, 12);
        }

        private Frame multipathFrame() {
            long path = pathIdField();
            int kind = in.pick(10);
            if (!wild() && (!conn.multipathNegotiated() || dialect.pathsByDcidSequence() && kind > 4)) {
                return rfcFrame(); // not negotiated, or a kind draft-06 lacks: only when wild
            }
            switch (kind) {
                case 0, 1 -> {
                    return pathAck(path);
                }
                case 2 -> {
                    return new Frame.PathAbandon(path, in.chance(80) ? KNOWN_CODES[in.pick(KNOWN_CODES.length)]
                            : in.between(0, VARINT_MAX));
                }
                case 3 -> {
                    return new Frame.PathStatusBackup(path, in.between(0, 12));
                }
                case 4 -> {
                    return new Frame.PathStatusAvailable(path, in.between(0, 12));
                }
                case 5 -> {
                    if (!wild()) {
                        return peerCidFrame(path, false);
                    }
                    long seq = wild() ? smallValue() : peerNextSeq.getOrDefault(path, 0L);
                    long rpt = wild() ? in.between(0, seq) : Math.min(seq, peerRpt.getOrDefault(path, 0L));
                    Bytes cid = !wild() || peerCidsSent.isEmpty() ? Fx.freshCid()
                            : peerCidsSent.get(in.pick(peerCidsSent.size()));
                    peerCidsSent.add(cid);
                    if (seq == peerNextSeq.getOrDefault(path, 0L)) {
                        peerNextSeq.put(path, seq + 1);
                    }
                    return new Frame.PathNewConnectionId(path, seq, rpt, cid, Fx.token(cid));
                }
                case 6 -> {
                    PathView v = conn.path(path);
                    long next = v == null ? 0 : v.nextLocalCidSequence();
                    if (next == 0 && !wild()) {
                        path = 0; // nothing issued on that path: retire on path 0 instead
                        next = conn.path(0).nextLocalCidSequence();
                    }
                    return new Frame.PathRetireConnectionId(path, wild() ? smallValue()
                            : in.between(0, Math.max(0, next - 1)));
                }
                case 7 -> {
                    return new Frame.MaxPathId(wild() ? path : in.between(Math.max(0, config.peerMaxPathId()), 12));
                }
                case 8 -> {
                    return new Frame.PathsBlocked(wild() ? path : in.between(0, localMax()));
                }
                default -> {
                    PathView v = conn.path(path);
                    long next = v == null ? 0 : v.nextLocalCidSequence();
                    return new Frame.PathCidsBlocked(path, wild() ? smallValue() : in.between(0, next));
                }
            }
        }

        /** Nothing was sent at all: a MAX_PATH_ID that raises nothing, ignored (MP-4.6-5), instead of an ACK. */
        private Frame pathAckOfUnusedPath() {
            return dialect.supports(FrameType.MAX_PATH_ID) ? new Frame.MaxPathId(Math.max(0, config.peerMaxPathId()))
                    : new Frame.Ping();
        }

        private Frame pathAck(long path) {
            PathView v = path <= 0xFFFF_FFFFL ? conn.path(path) : null;
            long sent = v == null ? 0 : v.nextPacketNumber();
            boolean wild = wild();
            if (sent == 0 && !wild) {
                path = 0; // nothing sent on that path: acknowledge path 0 instead
                sent = conn.path(0).nextPacketNumber();
                if (sent == 0) {
                    return pathAckOfUnusedPath();
                }
            }
            long largest = wild ? smallValue() : in.between(0, sent - 1);
            long first = in.between(0, Math.min(largest, 5));
            AckRanges ranges = AckRanges.NONE;
            long low = largest - first;
            if (low >= 2 && in.chance(30)) {
                ranges = AckRanges.of(0, in.between(0, low - 2));
            }
            EcnCounts ecn = in.chance(30) ? new EcnCounts(smallValue(), smallValue(), smallValue()) : null;
            return new Frame.PathAck(path, largest, smallValue(), first, ranges, ecn);
        }

        private Frame rfcFrame() {
            switch (in.pick(12)) {
                case 0 -> {
                    PathView v = conn.path(0);
                    long sent = v == null ? 0 : v.nextPacketNumber();
                    if (sent == 0) {
                        return new Frame.Ping();
                    }
                    long largest = wild() ? in.between(0, sent + 3) : in.between(0, sent - 1);
                    return new Frame.Ack(largest, smallValue(), in.between(0, largest), AckRanges.NONE, null);
                }
                case 1 -> {
                    if (!wild()) {
                        return peerCidFrame(0, true);
                    }
                    long seq = smallValue();
                    Bytes cid = Fx.freshCid();
                    peerCidsSent.add(cid);
                    return new Frame.NewConnectionId(seq, in.between(0, seq), cid, Fx.token(cid));
                }
                case 2 -> {
                    PathView v = conn.path(0);
                    long next = v == null ? 0 : v.nextLocalCidSequence();
                    return new Frame.RetireConnectionId(wild() ? smallValue() : in.between(0, Math.max(0, next - 1)));
                }
                case 3 -> {
                    return new Frame.PathChallenge(in.between(0, VARINT_MAX));
                }
                case 4 -> {
                    return new Frame.PathResponse(in.between(0, 5));
                }
                case 5 -> {
                    return new Frame.Ping();
                }
                case 6 -> {
                    return new Frame.Stream(in.between(0, 8), in.between(0, 1000), Bytes.ofHex("00ff"),
                            in.chance(50), true);
                }
                case 7 -> {
                    return config.role() == Role.CLIENT || wild() ? new Frame.HandshakeDone() : new Frame.Ping();
                }
                case 8 -> {
                    return config.role() == Role.CLIENT || wild() ? new Frame.NewToken(Bytes.ofHex("0102"))
                            : new Frame.Ping();
                }
                case 9 -> {
                    return new Frame.Padding((int) in.between(1, 40));
                }
                case 10 -> {
                    return new Frame.MaxData(smallValue());
                }
                default -> {
                    if (wild() && in.chance(20)) {
                        return new Frame.ConnectionClose(CLOSE_CODES[in.pick(CLOSE_CODES.length)], 0, Bytes.EMPTY);
                    }
                    return new Frame.Ping();
                }
            }
        }

        private PacketContext packetContext() {
            PacketType type = PacketType.ONE_RTT;
            if (wild()) {
                PacketType[] others = {PacketType.INITIAL, PacketType.ZERO_RTT, PacketType.HANDSHAKE};
                type = others[in.pick(3)];
            }
            long path = in.chance(60) ? 0 : in.between(0, localMax() + (wild() ? 1 : 0));
            long pn = in.chance(20) ? -1 : in.chance(90) ? nextPn(path) : in.between(0, 20);
            long dcid = wild() ? in.between(0, 3) : -1;
            return new PacketContext(type, path, pn, dcid, null);
        }

        private long nextPn(long path) {
            long pn = pnTo.getOrDefault(path, 0L);
            pnTo.put(path, pn + 1);
            return pn;
        }

        /** The peer sends a packet on a path: opening it on a server (with a CID first, mostly). */
        private void peerUsesPath() {
            long path = in.between(0, localMax());
            PathView v = conn.path(path);
            if (path != 0 && (v == null || v.peerCids().isEmpty()) && in.chance(70)) {
                giveCid(path);
            }
            boolean mp = conn.multipathNegotiated();
            int k = in.pick(20);
            Frame f = k < 6 ? new Frame.PathChallenge(in.between(0, 1000))
                    : k < 10 && mp ? new Frame.PathStatusAvailable(path, peerStatusNext(path))
                    : k == 10 && mp ? new Frame.PathAbandon(path, 0)
                    : new Frame.Ping();
            receive(new PacketContext(PacketType.ONE_RTT, path, nextPn(path), -1, null), List.of(f), "peer on path");
        }

        private long peerStatusNext(long path) {
            long next = peerStatusSent.getOrDefault(path, -1L) + 1;
            peerStatusSent.put(path, next);
            return next;
        }

        private void giveCid() {
            giveCid(in.between(0, localMax()));
        }

        private void giveCid(long path) {
            receive(PacketContext.oneRtt(0), List.of(peerCidFrame(path, path == 0 && in.chance(30))), "give CID");
        }

        /** A CID of the peer for {@code path} in sequence, under our limit unless wild. */
        /** Whether CIDs travel in PATH_NEW/RETIRE_CONNECTION_ID: multipath negotiated, not draft-06. */
        private boolean pathFrames() {
            return conn.multipathNegotiated() && dialect.supports(FrameType.PATH_NEW_CONNECTION_ID);
        }

        private Frame peerCidFrame(long path, boolean plain) {
            boolean pathFrames = pathFrames();
            if (!pathFrames) {
                path = 0; // one CID space: path 0's
            }
            long seq = peerNextSeq.getOrDefault(path, 0L);
            long rpt = peerRpt.getOrDefault(path, 0L);
            if (in.chance(25)) {
                rpt = Math.min(seq, rpt + 1);
            }
            // Stay under our limit unless wild: raise Retire Prior To until the new one fits. Counted over what
            // the peer issued, delivered or not (a lost frame may be replayed later).
            java.util.TreeSet<Long> issued = peerIssued.computeIfAbsent(path, k -> new java.util.TreeSet<>(
                    k == 0 ? List.of(0L) : List.of()));
            if (!wild()) {
                while (rpt < seq && issued.tailSet(rpt).size() >= config.localActiveCidLimit()) {
                    rpt++;
                }
            }
            issued.add(seq);
            Bytes cid = Fx.freshCid();
            peerCidsSent.add(cid);
            peerNextSeq.put(path, seq + 1);
            peerRpt.put(path, rpt);
            return plain || !pathFrames ? new Frame.NewConnectionId(seq, rpt, cid, Fx.token(cid))
                    : new Frame.PathNewConnectionId(path, seq, rpt, cid, Fx.token(cid));
        }

        private void validate() {
            if (challenges.isEmpty()) {
                drain();
            }
            if (challenges.isEmpty()) {
                receiveOne(new Frame.PathResponse(in.between(0, 3)));
                return;
            }
            long[] c = challenges.remove(in.pick(challenges.size()));
            long path = wild() ? in.between(0, localMax()) : c[0];
            receive(new PacketContext(PacketType.ONE_RTT, path, nextPn(path), -1, null),
                    List.of(new Frame.PathResponse(c[1])), "validate");
        }

        private void retireOurs() {
            if (wild()) {
                receiveOne(new Frame.RetireConnectionId(smallValue()));
                return;
            }
            if (ourCidsSeen.isEmpty()) {
                return;
            }
            long[] c = ourCidsSeen.remove(in.pick(ourCidsSeen.size()));
            Frame f = c[0] == 0 && (in.chance(40) || !pathFrames()) ? new Frame.RetireConnectionId(c[1])
                    : new Frame.PathRetireConnectionId(c[0], c[1]);
            long carrierPath = in.chance(70) ? 0 : c[0];
            // Naming the retired CID as the packet's own DCID is a MAY-close (MP-4.5-4): only when wild.
            boolean ownDcid = carrierPath == c[0] && wild();
            receive(new PacketContext(PacketType.ONE_RTT, carrierPath, nextPn(carrierPath), ownDcid ? c[1] : -1,
                    null), List.of(f), "retire ours");
        }

        private void ackSomething() {
            if (network.isEmpty()) {
                return;
            }
            OutgoingPacket p = network.remove(in.pick(network.size()));
            Frame f = p.pathId() == 0 && (in.chance(30) || !conn.multipathNegotiated())
                    ? Fx.ack(p.packetNumber(), p.packetNumber())
                    : Fx.pathAck(p.pathId(), p.packetNumber(), p.packetNumber());
            receive(PacketContext.oneRtt(in.chance(70) ? 0 : p.pathId()), List.of(f), "ack");
        }

        // ---- driving the connection ----

        private void receiveOne(Frame f) {
            receive(packetContext(), List.of(f), "recv");
        }

        private void receive(PacketContext ctx, List<Frame> frames, String what) {
            log(() -> what + " " + ctx.type() + " path " + ctx.pathId() + " pn " + ctx.packetNumber() + ": " + frames);
            ConnectionSnapshot before = conn.snapshot();
            int from = events.size();
            conn.receive(ctx, frames);
            delivered.add(frames);
            if (delivered.size() > 200) {
                delivered.remove(0);
            }
            ConnectionSnapshot after = conn.snapshot();
            List<ConnectionEvent> caused = events.subList(from, events.size());
            if (frames.size() == 1 && !caused.isEmpty()) {
                boolean onlyIgnored = caused.stream().allMatch(e -> e instanceof ConnectionEvent.FrameIgnored
                        || e instanceof ConnectionEvent.PacketDropped);
                if (onlyIgnored) {
                    assertThat(after).as("nothing lost: ignored %s", frames).isEqualTo(before);
                }
                if (caused.size() == 1 && caused.get(0) instanceof ConnectionEvent.ConnectionClosed c
                        && !c.reason().byPeer() && before.close() == null) {
                    assertThat(Fx.withoutClose(after)).as("nothing lost: error on %s", frames)
                            .isEqualTo(Fx.withoutClose(before));
                }
            }
            if (frames.size() <= 1 && before.close() == null) {
                oracle(ctx, frames, before, after);
            }
            check(after);
        }

        /**
         * What the rules say one received frame (or an empty packet) must do, for the rules decidable from the
         * snapshot before: must close (with the error the catalog names), must not close, must be applied.
         */
        private void oracle(PacketContext ctx, List<Frame> frames, ConnectionSnapshot before, ConnectionSnapshot after) {
            // Closed by a connection error of ours (losing the last path closes with NO_ERROR: not an error).
            boolean closed = after.close() != null && !after.close().byPeer() && after.close().errorCode() != 0;
            if (frames.isEmpty()) {
                require(closed && after.close().errorCode() == TransportError.PROTOCOL_VIOLATION.code(),
                        "an empty packet must close with PROTOCOL_VIOLATION (Q-12.4-4): %s", after.close());
                return;
            }
            boolean multipath = before.multipath();
            long packetPath = ctx.type() == PacketType.ONE_RTT ? ctx.pathId() : 0;
            PathView carrier = before.path(packetPath);
            boolean dropped = (!multipath && packetPath != 0) || carrier == null
                    || carrier.nextLocalCidSequence() == 0 || carrier.state() == PathState.CLOSED;
            if (dropped) {
                require(!closed, "a packet no path can take must be dropped, not close: %s", after.close());
                return;
            }
            Frame f = frames.get(0);
            FrameType type = f.type();
            String mustClose = null;
            if (type.isMultipath() && !multipath) {
                mustClose = "MP-2-1";
            } else if (type.isMultipath() && !dialect.supports(type)) {
                mustClose = "Q-12.4-2";
            } else if (type.isMultipath() && ctx.type() != PacketType.ONE_RTT) {
                mustClose = "MP-4-2";
            } else if (!type.isMultipath() && !type.allowedIn(ctx.type())) {
                mustClose = "Q-12.4-3";
            }
            if (mustClose != null) {
                require(closed, "%s must close the connection (%s in %s)", f, mustClose, ctx.type());
                require(after.close().reason().startsWith(mustClose), "%s must close for %s, closed with %s", f,
                        mustClose, after.close());
                return;
            }
            if (dialect.pathsByDcidSequence() || !multipath) {
                return; // the path-ID rules below are those of draft-18/21
            }
            long localMax = before.localMaxPathId();
            long pathId = pathIdOf(f);
            PathView target = pathId >= 0 && pathId <= 0xFFFF_FFFFL ? before.path(pathId) : null;
            boolean ending = target != null && target.state().isEnding();
            if (pathId > localMax && type != FrameType.MAX_PATH_ID) {
                require(closed && after.close().reason().startsWith(type == FrameType.PATHS_BLOCKED ? "MP-4.7-3"
                        : "MP-4-3"), "%s names a path ID above our maximum %s: must close, got %s", f, localMax,
                        after.close());
                return;
            }
            if (f instanceof Frame.MaxPathId m) {
                boolean invalid = m.maximum() > 0xFFFF_FFFFL || m.maximum() < config.peerMaxPathId();
                require(closed == invalid, "MAX_PATH_ID %s: must %s (MP-4.6-2..5), got %s", m.maximum(),
                        invalid ? "close" : "not close", after.close());
            } else if (f instanceof Frame.PathsBlocked) {
                require(!closed, "PATHS_BLOCKED within the limit closed (MP-4.7-2): %s", after.close());
            } else if (f instanceof Frame.PathAbandon) {
                require(!closed, "PATH_ABANDON within the limit closed (MP-3.4-7, MP-4.2.1-1): %s", after.close());
            } else if (f instanceof Frame.PathStatusAvailable st) {
                statusOracle(pathId, st.sequence(), PathStatus.AVAILABLE, target, ending, closed, after);
            } else if (f instanceof Frame.PathStatusBackup st) {
                statusOracle(pathId, st.sequence(), PathStatus.BACKUP, target, ending, closed, after);
            } else if (f instanceof Frame.PathRetireConnectionId r) {
                retireOracle(r.sequence(), target, ending, closed, ctx, f);
            } else if (f instanceof Frame.RetireConnectionId r) {
                retireOracle(r.sequence(), target, ending, closed, ctx, f);
            } else if (f instanceof Frame.PathCidsBlocked b) {
                if (ending) {
                    require(!closed, "PATH_CIDS_BLOCKED for an abandoned path must be ignored (MP-4-4)");
                } else {
                    long next = target == null ? 0 : target.nextLocalCidSequence();
                    require(closed == b.nextSequence() > next,
                            "PATH_CIDS_BLOCKED next %s, ours %s: must %s (MP-4.7-4), got %s", b.nextSequence(), next,
                            b.nextSequence() > next ? "close" : "not close", after.close());
                }
            } else if (f instanceof Frame.PathNewConnectionId && ending) {
                require(!closed, "PATH_NEW_CONNECTION_ID for an abandoned path must be ignored (MP-4-4)");
            }
        }

        private void statusOracle(long pathId, long seq, PathStatus status, PathView target, boolean ending,
                boolean closed, ConnectionSnapshot after) {
            require(!closed, "a status frame within the limit must not close (MP-3.3-1): %s", after.close());
            PathView now = after.path(pathId);
            if (ending) {
                require(now.peerStatus().equals(target.peerStatus()),
                        "a status frame for an abandoned path must be ignored (MP-4-4)");
            } else if (target == null || seq > target.peerStatus().sequence()) {
                require(now != null && now.peerStatus().status() == status && now.peerStatus().sequence() == seq,
                        "a status frame with a new highest sequence %s must apply to path %s (MP-4.3-2, MP-4.3-5)",
                        seq, pathId);
            } else {
                require(now.peerStatus().equals(target.peerStatus()),
                        "a status frame with sequence %s <= %s must be ignored (MP-4.3-4)", seq,
                        target.peerStatus().sequence());
            }
        }

        private void retireOracle(long seq, PathView target, boolean ending, boolean closed, PacketContext ctx,
                Frame f) {
            if (ending) {
                require(!closed, "%s for an abandoned path must be ignored (MP-4-4)", f);
                return;
            }
            long highest = target == null ? -1 : target.nextLocalCidSequence() - 1;
            if (seq > highest) {
                require(closed, "%s retires a sequence above the highest issued %s: must close (MP-4.5-3)", f,
                        highest);
            } else if (!config.closeOnRetireOfCarryingCid() || ctx.dcidSequence() != seq) {
                require(!closed, "%s retires an issued sequence: must not close", f);
            }
        }

        /** The path ID a frame names (path 0 for NEW/RETIRE_CONNECTION_ID and ACK), the maximum of MAX_PATH_ID
         * and PATHS_BLOCKED, or -1. */
        private static long pathIdOf(Frame f) {
            if (f instanceof Frame.PathAck a) {
                return a.pathId();
            } else if (f instanceof Frame.PathAbandon a) {
                return a.pathId();
            } else if (f instanceof Frame.PathStatusAvailable a) {
                return a.pathId();
            } else if (f instanceof Frame.PathStatusBackup a) {
                return a.pathId();
            } else if (f instanceof Frame.PathNewConnectionId a) {
                return a.pathId();
            } else if (f instanceof Frame.PathRetireConnectionId a) {
                return a.pathId();
            } else if (f instanceof Frame.PathCidsBlocked a) {
                return a.pathId();
            } else if (f instanceof Frame.PathsBlocked a) {
                return a.maximum();
            } else if (f instanceof Frame.MaxPathId a) {
                return a.maximum();
            } else if (f instanceof Frame.NewConnectionId || f instanceof Frame.RetireConnectionId) {
                return 0;
            }
            return -1;
        }

        private void tick(long t) {
            log(() -> "tick " + t);
            conn.tick(t);
            check(conn.snapshot());
        }

        private void statusCommand(long path, PathStatus s) {
            log(() -> "setLocalStatus " + path + " " + s);
            ConnectionSnapshot before = conn.snapshot();
            try {
                long seq = conn.setLocalStatus(path, s);
                commandTouched.add(path);
                if (dialect.pathsByDcidSequence()) {
                    assertThat(seq).as("draft-06 status numbers grow across the connection")
                            .isGreaterThan(lastConnectionWideStatusSeq);
                    lastConnectionWideStatusSeq = seq;
                } else {
                    assertThat(seq).as("our status numbers grow per path (MP-4.3-3)")
                            .isGreaterThan(lastLocalStatusSeq.getOrDefault(path, -1L));
                }
                lastLocalStatusSeq.put(path, seq);
            } catch (CommandRejectedException e) {
                assertThat(conn.snapshot()).as("rejected command changed nothing").isEqualTo(before);
            }
            check(conn.snapshot());
        }

        private void command(String name, Runnable command, long... touched) {
            log(() -> name);
            ConnectionSnapshot before = conn.snapshot();
            int from = events.size();
            try {
                command.run();
                for (long t : touched) {
                    commandTouched.add(t);
                }
            } catch (CommandRejectedException e) {
                assertThat(conn.snapshot()).as("rejected %s changed nothing", name).isEqualTo(before);
                assertThat(events.size()).as("rejected %s emitted nothing", name).isEqualTo(from);
            }
            check(conn.snapshot());
        }

        private void drain() {
            ConnectionSnapshot before = conn.snapshot();
            List<OutgoingPacket> out = conn.drain();
            log(() -> "drain " + out);
            for (OutgoingPacket p : out) {
                PathView v = before.path(p.pathId());
                require(v != null, "packet on a path without state: %s", p);
                require(v.state() != PathState.UNUSED && v.state() != PathState.CLOSED, "packet on path %s in %s: %s",
                        p.pathId(), v.state(), p);
                require(!v.abandonSent() || p.frames().stream().anyMatch(
                        f -> f instanceof Frame.PathAbandon a && a.pathId() == p.pathId()),
                        "after our PATH_ABANDON only the last path carries its own abandon (MP-3.4-2): %s", p);
                long last = lastSentPn.getOrDefault(p.pathId(), -1L);
                require(p.packetNumber() > last, "packet numbers grow per path (Q-12.3-1): %s after %s",
                        p.packetNumber(), last);
                lastSentPn.put(p.pathId(), p.packetNumber());
                long peerMax = before.peerMaxPathId();
                for (Frame f : p.frames()) {
                    require(dialect.supports(f.type()), "%s does not exist in %s", f, dialect);
                    if (f instanceof Frame.PathNewConnectionId n) {
                        require(n.pathId() <= peerMax, "CID above the peer's limit (MP-3.2.1-5): %s", f);
                        announced(before, n.pathId(), n.sequence(), f);
                        ourCidsSeen.add(new long[] {n.pathId(), n.sequence()});
                    } else if (f instanceof Frame.NewConnectionId n) {
                        announced(before, 0, n.sequence(), f);
                        ourCidsSeen.add(new long[] {0, n.sequence()});
                    } else if (f instanceof Frame.PathChallenge c) {
                        challenges.add(new long[] {p.pathId(), c.data()});
                    } else if (f instanceof Frame.PathStatusAvailable a) {
                        require(a.pathId() <= peerMax, "status above the peer's limit: %s", f);
                    } else if (f instanceof Frame.PathStatusBackup b) {
                        require(b.pathId() <= peerMax, "status above the peer's limit: %s", f);
                    } else if (f instanceof Frame.PathCidsBlocked b) {
                        require(b.pathId() <= peerMax, "PATH_CIDS_BLOCKED above the peer's limit: %s", f);
                    }
                }
                network.add(p);
            }
            if (network.size() > 300) {
                network.subList(0, network.size() - 300).clear();
            }
            if (challenges.size() > 50) {
                challenges.remove(0);
            }
            if (ourCidsSeen.size() > 200) {
                ourCidsSeen.remove(0);
            }
            check(conn.snapshot());
        }

        // ---- invariants ----

        /**
         * A CID announcement names a sequence number we issued on that path, and a number is only ever announced
         * with one value (a repeat is a retransmission of the very same frame).
         */
        private void announced(ConnectionSnapshot before, long path, long seq, Frame f) {
            PathView v = before.path(path);
            require(v != null && seq < v.nextLocalCidSequence(), "announced CID %s was never issued", f);
            Frame earlier = issuedFrames.putIfAbsent(path + "/" + seq, f);
            require(earlier == null || earlier.equals(f), "sequence %s of path %s announced twice with different "
                    + "values: %s, %s", seq, path, earlier, f);
        }

        /**
         * At the end of a run, on an open connection: every CID we issued for a path still in use was announced
         * or still waits for a path to carry it, numbered per path from 0 (path 0 from 1, after the handshake
         * CID) without gaps (MP-3.2-1).
         */
        private void allIssuedAnnounced(ConnectionSnapshot s) {
            if (s.close() != null) {
                return;
            }
            for (List<Frame> waiting : s.queued().values()) {
                for (Frame f : waiting) {
                    if (f instanceof Frame.PathNewConnectionId n) {
                        issuedFrames.putIfAbsent(n.pathId() + "/" + n.sequence(), f);
                    } else if (f instanceof Frame.NewConnectionId n) {
                        issuedFrames.putIfAbsent("0/" + n.sequence(), f);
                    }
                }
            }
            for (PathView v : s.paths()) {
                if (v.state().isEnding()) {
                    continue;
                }
                for (long seq = v.pathId() == 0 ? 1 : 0; seq < v.nextLocalCidSequence(); seq++) {
                    require(issuedFrames.containsKey(v.pathId() + "/" + seq),
                            "CID %s of path %s issued but never announced (MP-3.2-1)", seq, v.pathId());
                }
            }
        }

        private void check(ConnectionSnapshot s) {
            // Close: once and for good, with a known code.
            if (closedWith != null) {
                require(closedWith.equals(s.close()) && conn.isClosed(),
                        "a closed connection stays closed with the same reason: %s then %s", closedWith, s.close());
                require(frozen(s.paths()).equals(pathsAtClose), "a closed connection's paths freeze");
            } else if (s.close() != null) {
                closedWith = s.close();
                pathsAtClose = frozen(s.paths());
                long code = closedWith.errorCode();
                require(TransportError.of(code) != null || dialect.multipathErrorName(code) != null,
                        "unknown close code in %s", closedWith);
                require(closedWith.byPeer() || code == 0
                        || closedWith.reason().matches("^((MP|Q)-[0-9.]+-[0-9]+: .*|fuzz)$"),
                        "an error names its requirement: %s", closedWith);
                // A peer that keeps every rule never causes a connection error.
                require(wildPerMille > 0 || code == 0 || closedWith.reason().equals("fuzz"),
                        "a well-behaved peer caused %s", closedWith);
            }

            long localMax = s.localMaxPathId();
            long peerMax = s.peerMaxPathId();
            require(s.paths().size() <= Math.max(localMax, peerMax) + 2,
                    "path table bounded by the limits (MP-7.1-1): %s paths, limits %s/%s", s.paths().size(),
                    localMax, peerMax);
            int queued = 0;
            for (List<Frame> q : s.queued().values()) {
                queued += q.size();
            }
            require(queued < 5_000, "queued frames bounded: %s", queued);
            for (PathView v : s.paths()) {
                long id = v.pathId();
                require(id <= Math.max(0, localMax) || commandTouched.contains(id),
                        "path %s above our maximum %s exists though no command named it", id, localMax);
                // Never reused (MP-3.4-9).
                require(!everClosed.contains(id) || v.state() == PathState.CLOSED, "path %s was freed, now %s",
                        id, v.state());
                require(!everEnding.contains(id) || v.state().isEnding(), "path %s was abandoned, now %s", id,
                        v.state());
                if (v.state().isEnding()) {
                    everEnding.add(id);
                    // Status frames for an abandoned path are ignored (MP-4-4): its peer status freezes.
                    io.mpqc.ref.path.StatusRecord frozenStatus = statusWhenEnding.putIfAbsent(id, v.peerStatus());
                    require(frozenStatus == null || frozenStatus.equals(v.peerStatus()),
                            "abandoned path %s's peer status changed to %s", id, v.peerStatus());
                }
                // The receiver of PATH_ABANDON answers with its own (MP-3.4-5).
                require(!v.abandonReceived() || v.abandonSent(), "PATH_ABANDON for path %s not answered", id);
                if (v.state() == PathState.CLOSED) {
                    everClosed.add(id);
                    require(v.localCids().isEmpty() && v.packetsInFlight() == 0,
                            "freed path %s keeps CIDs or packets: %s", id, v);
                }
                require(!(v.abandonSent() || v.state().isEnding()) || v.peerCids().isEmpty(),
                        "abandoned path %s still holds peer CIDs (MP-3.4-2): %s", id, v);
                // Status numbers only grow; an equal number never changes the status (MP-4.3-4).
                long seq = v.peerStatus().sequence();
                long old = peerStatusSeq.getOrDefault(id, -1L);
                require(seq >= old, "peer status sequence of path %s went from %s to %s", id, old, seq);
                require(seq != old || old < 0 || v.peerStatus().status() == peerStatus.get(id),
                        "equal status sequence %s changed path %s's status", seq, id);
                peerStatusSeq.put(id, seq);
                peerStatus.put(id, v.peerStatus().status());
                // CID limits per path (MP-2.2-1, MP-4.4-7).
                require(v.peerCids().size() <= config.localActiveCidLimit(), "%s peer CIDs on path %s",
                        v.peerCids().size(), id);
                require(v.localCids().size() <= config.peerActiveCidLimit(), "%s of our CIDs on path %s",
                        v.localCids().size(), id);
                for (ConnectionIdEntry e : v.peerCids()) {
                    require(e.sequence() >= v.peerRetirePriorTo(), "peer CID %s below Retire Prior To %s", e,
                            v.peerRetirePriorTo());
                }
            }
            for (; scannedEvents < events.size(); scannedEvents++) {
                ConnectionEvent e = events.get(scannedEvents);
                if (e instanceof ConnectionEvent.ConnectionClosed) {
                    closeEvents++;
                    require(closeEvents == 1, "more than one ConnectionClosed event");
                } else if (e instanceof ConnectionEvent.PathFreed f) {
                    for (SentPacket p : f.lost()) {
                        require(p.pathId() == f.pathId(), "PathFreed of %s reports %s", f.pathId(), p);
                    }
                } else if (e instanceof ConnectionEvent.FrameIgnored i) {
                    require(i.requirement().matches("(MP|Q)-[0-9.]+-[0-9]+"), "bad requirement in %s", i);
                }
            }
        }

        /**
         * The path views without the sending side's packet counters: drain() still sends what was queued when
         * the connection closed (the CONNECTION_CLOSE of close() among it), so only those may move.
         */
        private static List<PathView> frozen(List<PathView> views) {
            return views.stream().map(v -> new PathView(v.pathId(), v.state(), v.peerStatus(), v.localStatus(),
                    v.peerCids(), v.peerRetirePriorTo(), v.localCids(), v.nextLocalCidSequence(), v.abandonSent(),
                    v.abandonReceived(), v.validating(), 0, 0)).toList();
        }
    }
}
