package io.mpqc.ref.conn;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathView;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixtures of the connection-core tests: connections with an event recorder, fresh connection IDs and
 * tokens of "the peer", frame factories, and the few driver steps the tests repeat (the peer hands out
 * connection IDs, a client opens and validates a path, a server sees a path opened by the client).
 *
 * <p>Defaults everywhere are those of {@link ConnectionConfig#builder(Role)}: draft-21, maximum path ID 4
 * on both sides, active_connection_id_limit 4 on both sides, 2 connection IDs issued per path, 333 ms
 * initial RTT (so one PTO is 1,024,000 µs until an RTT sample arrives).
 */
final class Fx {
    static final long NO_ERROR = TransportError.NO_ERROR.code();
    static final long FRAME_ENCODING_ERROR = TransportError.FRAME_ENCODING_ERROR.code();
    static final long CONNECTION_ID_LIMIT_ERROR = TransportError.CONNECTION_ID_LIMIT_ERROR.code();
    static final long PROTOCOL_VIOLATION = TransportError.PROTOCOL_VIOLATION.code();
    /** One PTO of a path without RTT sample: 333,000 + 4 * 166,500 + 25,000. */
    static final long INITIAL_PTO = 1_024_000;
    static final long TWO_POW_32 = 1L << 32;
    static final long MAX_PATH_ID = TWO_POW_32 - 1;

    /** The ten multipath frame kinds of draft-21, in codepoint order. */
    static final List<FrameType> MULTIPATH_TYPES = List.of(FrameType.PATH_ACK, FrameType.PATH_ACK_ECN,
            FrameType.PATH_ABANDON, FrameType.PATH_STATUS_BACKUP, FrameType.PATH_STATUS_AVAILABLE,
            FrameType.PATH_NEW_CONNECTION_ID, FrameType.PATH_RETIRE_CONNECTION_ID, FrameType.MAX_PATH_ID,
            FrameType.PATHS_BLOCKED, FrameType.PATH_CIDS_BLOCKED);

    /** The multipath frames that carry a Path Identifier field (all but MAX_PATH_ID and PATHS_BLOCKED). */
    static final List<FrameType> PATH_CARRYING_TYPES = List.of(FrameType.PATH_ACK, FrameType.PATH_ACK_ECN,
            FrameType.PATH_ABANDON, FrameType.PATH_STATUS_BACKUP, FrameType.PATH_STATUS_AVAILABLE,
            FrameType.PATH_NEW_CONNECTION_ID, FrameType.PATH_RETIRE_CONNECTION_ID, FrameType.PATH_CIDS_BLOCKED);

    private static final AtomicInteger CID_COUNTER = new AtomicInteger(1);

    private Fx() {
    }

    // ---- connections ----

    /** A connection and everything it told its listener. */
    static final class Conn {
        final MultipathConnection conn;
        final List<ConnectionEvent> events = new ArrayList<>();

        Conn(ConnectionConfig config) {
            this.conn = new MultipathConnection(config, (t, e) -> events.add(e));
        }

        <T extends ConnectionEvent> List<T> events(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (ConnectionEvent e : events) {
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            }
            return out;
        }

        List<ConnectionEvent.FrameIgnored> ignored() {
            return events(ConnectionEvent.FrameIgnored.class);
        }

        /** Receives a one-frame 1-RTT packet on {@code pathId} (no packet number). */
        Conn recv(long pathId, Frame... frames) {
            conn.receive(PacketContext.oneRtt(pathId), List.of(frames));
            return this;
        }

        Conn recv(PacketType type, long pathId, Frame... frames) {
            conn.receive(PacketContext.of(type, pathId), List.of(frames));
            return this;
        }

        List<OutgoingPacket> drain() {
            return conn.drain();
        }

        PathView path(long id) {
            return conn.path(id);
        }

        PathState state(long id) {
            PathView v = conn.path(id);
            return v == null ? null : v.state();
        }

        /** The peer hands out connection ID {@code seq} for {@code pathId} (Retire Prior To 0). */
        Conn peerCid(long pathId, long seq) {
            return recv(0, pathNewCid(pathId, seq, 0));
        }

        /** The peer hands out connection IDs 0 .. count-1 for {@code pathId}. */
        Conn peerCids(long pathId, int count) {
            for (int s = 0; s < count; s++) {
                peerCid(pathId, s);
            }
            return this;
        }

        boolean closed() {
            return conn.isClosed();
        }

        long closeCode() {
            assertThat(conn.closeReason()).as("connection should be closed").isPresent();
            return conn.closeReason().orElseThrow().errorCode();
        }

        void assertOpen() {
            assertThat(conn.closeReason()).as("connection must not be closed").isEmpty();
        }

        void assertClosedWith(long code) {
            assertThat(conn.closeReason()).as("connection should be closed").isPresent();
            assertThat(conn.closeReason().orElseThrow().errorCode())
                    .as("close code of %s", conn.closeReason().orElseThrow()).isEqualTo(code);
        }

        void tick(long micros) {
            conn.tick(micros);
        }

        void advance(long micros) {
            conn.tick(conn.now() + micros);
        }

        /**
         * As a client: gets a connection ID of the peer for {@code pathId} if needed, opens the path (it
         * must be the one openPath picks) and validates it with the PATH_RESPONSE to the challenge drained.
         * Returns the PATH_CHALLENGE packet.
         */
        OutgoingPacket openValidated(long pathId) {
            if (conn.path(pathId) == null || conn.path(pathId).peerCids().isEmpty()) {
                peerCid(pathId, 0);
            }
            drain();
            OptionalLong opened = conn.openPath();
            assertThat(opened).as("openPath").hasValue(pathId);
            OutgoingPacket challengePacket = packetWith(drain(), pathId, Frame.PathChallenge.class);
            long data = first(challengePacket.frames(), Frame.PathChallenge.class).data();
            recv(pathId, new Frame.PathResponse(data));
            assertThat(state(pathId).isUsable()).as("path %s validated: %s", pathId, state(pathId)).isTrue();
            return challengePacket;
        }

        /**
         * As a server: the client gives connection IDs for {@code pathId}, a 1-RTT packet arrives on it, we
         * challenge and the client answers.
         */
        void peerOpensValidated(long pathId) {
            if (conn.path(pathId) == null || conn.path(pathId).peerCids().isEmpty()) {
                peerCid(pathId, 0);
            }
            drain();
            recv(pathId, new Frame.Ping());
            assertThat(state(pathId)).isEqualTo(PathState.VALIDATING);
            OutgoingPacket challenge = packetWith(drain(), pathId, Frame.PathChallenge.class);
            recv(pathId, new Frame.PathResponse(first(challenge.frames(), Frame.PathChallenge.class).data()));
            assertThat(state(pathId).isUsable()).as("path %s validated: %s", pathId, state(pathId)).isTrue();
        }
    }

    static ConnectionConfig.Builder client() {
        return ConnectionConfig.builder(Role.CLIENT);
    }

    static ConnectionConfig.Builder server() {
        return ConnectionConfig.builder(Role.SERVER);
    }

    static Conn conn(ConnectionConfig.Builder b) {
        return new Conn(b.build());
    }

    static Conn newClient() {
        return conn(client());
    }

    static Conn newServer() {
        return conn(server());
    }

    // ---- values ----

    /** A connection ID value of "the peer" never used before in this JVM (8 bytes, starts with 0xee). */
    static Bytes freshCid() {
        int n = CID_COUNTER.getAndIncrement();
        return Bytes.of((byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) (n >>> 24), (byte) (n >>> 16),
                (byte) (n >>> 8), (byte) n);
    }

    static Bytes token(Bytes cid) {
        byte[] t = new byte[16];
        byte[] c = cid.toByteArray();
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) (c[i % c.length] ^ 0x5a ^ i);
        }
        return Bytes.of(t);
    }

    // ---- frames ----

    static Frame.PathNewConnectionId pathNewCid(long pathId, long seq, long rpt) {
        Bytes cid = freshCid();
        return new Frame.PathNewConnectionId(pathId, seq, rpt, cid, token(cid));
    }

    static Frame.NewConnectionId newCid(long seq, long rpt) {
        Bytes cid = freshCid();
        return new Frame.NewConnectionId(seq, rpt, cid, token(cid));
    }

    /** PATH_ACK for {@code pathId} acknowledging [smallest, largest]. */
    static Frame.PathAck pathAck(long pathId, long smallest, long largest) {
        return new Frame.PathAck(pathId, largest, 0, largest - smallest, AckRanges.NONE, null);
    }

    static Frame.Ack ack(long smallest, long largest) {
        return new Frame.Ack(largest, 0, largest - smallest, AckRanges.NONE, null);
    }

    /**
     * A frame of a multipath kind naming {@code pathId} (for MAX_PATH_ID and PATHS_BLOCKED, carrying it as
     * the maximum). Fields other than the path ID are chosen so that the frame is harmless in a fresh
     * default connection when the path ID is acceptable.
     */
    static Frame withPathId(FrameType type, long pathId) {
        return switch (type) {
            case PATH_ACK -> new Frame.PathAck(pathId, 0, 0, 0, AckRanges.NONE, null);
            case PATH_ACK_ECN -> new Frame.PathAck(pathId, 0, 0, 0, AckRanges.NONE, new EcnCounts(0, 0, 0));
            case PATH_ABANDON -> new Frame.PathAbandon(pathId, NO_ERROR);
            case PATH_STATUS_BACKUP -> new Frame.PathStatusBackup(pathId, 7);
            case PATH_STATUS_AVAILABLE -> new Frame.PathStatusAvailable(pathId, 7);
            case PATH_NEW_CONNECTION_ID -> pathNewCid(pathId, 0, 0);
            case PATH_RETIRE_CONNECTION_ID -> new Frame.PathRetireConnectionId(pathId, 0);
            case MAX_PATH_ID -> new Frame.MaxPathId(pathId);
            case PATHS_BLOCKED -> new Frame.PathsBlocked(pathId);
            case PATH_CIDS_BLOCKED -> new Frame.PathCidsBlocked(pathId, 0);
            default -> throw new IllegalArgumentException("not a multipath frame: " + type);
        };
    }

    // ---- looking at output ----

    static <T extends Frame> List<T> frames(List<OutgoingPacket> packets, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (OutgoingPacket p : packets) {
            for (Frame f : p.frames()) {
                if (type.isInstance(f)) {
                    out.add(type.cast(f));
                }
            }
        }
        return out;
    }

    static <T extends Frame> List<T> framesOn(List<OutgoingPacket> packets, long pathId, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (OutgoingPacket p : packets) {
            if (p.pathId() == pathId) {
                out.addAll(frames(List.of(p), type));
            }
        }
        return out;
    }

    static <T extends Frame> T first(List<Frame> frames, Class<T> type) {
        for (Frame f : frames) {
            if (type.isInstance(f)) {
                return type.cast(f);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + frames);
    }

    static OutgoingPacket packetWith(List<OutgoingPacket> packets, long pathId, Class<? extends Frame> type) {
        for (OutgoingPacket p : packets) {
            if (p.pathId() == pathId && p.frames().stream().anyMatch(type::isInstance)) {
                return p;
            }
        }
        throw new AssertionError("no packet on path " + pathId + " with " + type.getSimpleName() + " in " + packets);
    }

    /** The snapshot with its close field cleared: what a connection error may change. */
    static ConnectionSnapshot withoutClose(ConnectionSnapshot s) {
        return new ConnectionSnapshot(s.multipath(), s.localMaxPathId(), s.peerMaxPathId(), s.paths(), s.queued(),
                null, s.lastPathDeadline());
    }

    static long codepoint(FrameType type) {
        return Dialect.DRAFT_21.codepoint(type);
    }
}
