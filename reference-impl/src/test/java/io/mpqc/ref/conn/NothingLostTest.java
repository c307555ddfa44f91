package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.CONNECTION_ID_LIMIT_ERROR;
import static io.mpqc.ref.conn.Fx.FRAME_ENCODING_ERROR;
import static io.mpqc.ref.conn.Fx.MAX_PATH_ID;
import static io.mpqc.ref.conn.Fx.NO_ERROR;
import static io.mpqc.ref.conn.Fx.PROTOCOL_VIOLATION;
import static io.mpqc.ref.conn.Fx.TWO_POW_32;
import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Nothing lost": a frame that the rules say to ignore leaves the connection exactly as it was, and a frame
 * that is a connection error changes nothing but the close. For each (state, frame) pair the snapshot is
 * taken before, the frame fed, and the snapshot compared after.
 */
class NothingLostTest {

    /** What the frame must lead to. */
    enum Outcome {
        IGNORED, ERROR
    }

    /** One case: a named state, the packet context, the frames, the outcome and (for errors) the code. */
    private record Case(String name, Supplier<Fx.Conn> state, PacketContext context, List<Frame> frames,
            Outcome outcome, long code) {
    }

    // ---- states ----

    private static Fx.Conn client() {
        Fx.Conn c = Fx.newClient();
        c.drain(); // packet 0 on path 0: the CIDs issued at start
        return c;
    }

    private static Fx.Conn server() {
        Fx.Conn s = Fx.newServer();
        s.drain();
        return s;
    }

    /** Client with path 1 validated, the peer's status for it at sequence 5, CIDs 0 and 1 of the peer. */
    private static Fx.Conn withPathOne() {
        Fx.Conn c = Fx.newClient();
        c.openValidated(1);
        c.peerCid(1, 1);
        c.recv(0, new Frame.PathStatusAvailable(1, 5));
        c.drain();
        return c;
    }

    /** Client that abandoned path 1 (closing, state kept). */
    private static Fx.Conn closingPathOne() {
        Fx.Conn c = withPathOne();
        c.conn.abandonPath(1, NO_ERROR);
        c.drain();
        return c;
    }

    /** Client whose path 1 was abandoned by both sides and freed. */
    private static Fx.Conn freedPathOne() {
        Fx.Conn c = closingPathOne();
        c.recv(0, new Frame.PathAbandon(1, NO_ERROR));
        c.advance(10 * Fx.INITIAL_PTO);
        c.drain();
        return c;
    }

    /** Client holding 4 CIDs of the peer for path 2: at the limit. */
    private static Fx.Conn fullPathTwo() {
        Fx.Conn c = client();
        c.peerCids(2, 4);
        c.drain();
        return c;
    }

    /** Client whose peer raised its limit to 7. */
    private static Fx.Conn peerRaised() {
        Fx.Conn c = client();
        c.recv(0, new Frame.MaxPathId(7));
        c.drain();
        return c;
    }

    private static Fx.Conn strictRetire() {
        Fx.Conn s = Fx.conn(Fx.server().closeOnRetireOfCarryingCid(true));
        s.peerOpensValidated(1);
        s.drain();
        return s;
    }

    private static Fx.Conn notNegotiated() {
        Fx.Conn c = Fx.conn(Fx.client().withoutMultipath());
        c.drain();
        return c;
    }

    private static Fx.Conn draft06() {
        Fx.Conn c = Fx.conn(Fx.client().dialect(Dialect.DRAFT_06));
        c.recv(0, new Frame.PathStatusAvailable(0, 3));
        c.drain();
        return c;
    }

    private static Fx.Conn ourStatusSent() {
        Fx.Conn c = withPathOne();
        c.conn.setLocalStatus(1, PathStatus.BACKUP);
        c.drain();
        return c;
    }

    // ---- cases ----

    private static final PacketContext P0 = PacketContext.oneRtt(0);
    private static final PacketContext P1 = PacketContext.oneRtt(1);

    private static Case ignored(String name, Supplier<Fx.Conn> state, PacketContext ctx, Frame... frames) {
        return new Case(name, state, ctx, List.of(frames), Outcome.IGNORED, -1);
    }

    private static Case error(String name, long code, Supplier<Fx.Conn> state, PacketContext ctx, Frame... frames) {
        return new Case(name, state, ctx, List.of(frames), Outcome.ERROR, code);
    }

    static Stream<Arguments> cases() {
        Frame.PathNewConnectionId dup = Fx.pathNewCid(1, 7, 0);
        Frame.NewConnectionId dupN = Fx.newCid(5, 0);
        List<Case> all = new ArrayList<>(List.of(
                // --- ignored ---
                ignored("MP-4.3-4 status, equal sequence, same type", NothingLostTest::withPathOne, P0,
                        new Frame.PathStatusAvailable(1, 5)),
                ignored("MP-4.3-4 status, equal sequence, other type (seed note bug)", NothingLostTest::withPathOne,
                        P0, new Frame.PathStatusBackup(1, 5)),
                ignored("MP-4.3-4 status, lower sequence", NothingLostTest::withPathOne, P1,
                        new Frame.PathStatusBackup(1, 4)),
                ignored("MP-4.3-4 status, sequence 0 after 5", NothingLostTest::withPathOne, P0,
                        new Frame.PathStatusAvailable(1, 0)),
                ignored("MP-4.3-4 draft-06 equal sequence", NothingLostTest::draft06, P0,
                        new Frame.PathStatusBackup(0, 3)),
                ignored("MP-4-4 status for a closing path", NothingLostTest::closingPathOne, P0,
                        new Frame.PathStatusBackup(1, 99)),
                ignored("MP-4-4 status for a freed path", NothingLostTest::freedPathOne, P0,
                        new Frame.PathStatusAvailable(1, 99)),
                ignored("MP-4-4 PATH_NEW_CONNECTION_ID for a closing path", NothingLostTest::closingPathOne, P0,
                        Fx.pathNewCid(1, 9, 0)),
                ignored("MP-4-4 PATH_NEW_CONNECTION_ID for a freed path", NothingLostTest::freedPathOne, P0,
                        Fx.pathNewCid(1, 9, 3)),
                ignored("MP-4-4 PATH_RETIRE_CONNECTION_ID for a closing path", NothingLostTest::closingPathOne, P0,
                        new Frame.PathRetireConnectionId(1, 0)),
                ignored("MP-4-4 PATH_RETIRE_CONNECTION_ID for a freed path, unissued sequence",
                        NothingLostTest::freedPathOne, P0, new Frame.PathRetireConnectionId(1, 1000)),
                ignored("MP-4-4 PATH_CIDS_BLOCKED for a closing path", NothingLostTest::closingPathOne, P0,
                        new Frame.PathCidsBlocked(1, 2)),
                ignored("MP-4-4 PATH_ACK for a freed path, never-sent number", NothingLostTest::freedPathOne, P0,
                        Fx.pathAck(1, 0, 1000)),
                ignored("MP-4-4 PATH_ABANDON repeated for a freed path", NothingLostTest::freedPathOne, P0,
                        new Frame.PathAbandon(1, 0x3e)),
                ignored("MP-4-4 PATH_CHALLENGE on a closing path", NothingLostTest::closingPathOne, P1,
                        new Frame.PathChallenge(5)),
                ignored("MP-4.1-3 PATH_ACK for an unused path ID (policy: ignore)", NothingLostTest::client, P0,
                        Fx.pathAck(3, 0, 10)),
                ignored("MP-4.4-9 exact repeat of PATH_NEW_CONNECTION_ID", () -> {
                    Fx.Conn c = client();
                    c.recv(0, dup);
                    c.drain();
                    return c;
                }, P0, dup),
                ignored("MP-4.4-9 exact repeat of NEW_CONNECTION_ID", () -> {
                    Fx.Conn c = client();
                    c.recv(0, dupN);
                    c.drain();
                    return c;
                }, P0, dupN),
                ignored("MP-4.6-5 MAX_PATH_ID equal to the TP", NothingLostTest::client, P0, new Frame.MaxPathId(4)),
                ignored("MP-4.6-5 MAX_PATH_ID below the last one", NothingLostTest::peerRaised, P0,
                        new Frame.MaxPathId(5)),
                ignored("MP-4.6-5 MAX_PATH_ID equal to the last one", NothingLostTest::peerRaised, P0,
                        new Frame.MaxPathId(7)),
                ignored("MP-4.7-2 PATHS_BLOCKED below our limit", NothingLostTest::server, P0,
                        new Frame.PathsBlocked(1)),
                ignored("Q-8.2-3 PATH_RESPONSE without a challenge", NothingLostTest::withPathOne, P1,
                        new Frame.PathResponse(1234)),
                ignored("Q-19.16-1 retirement of a sequence already retired", () -> {
                    Fx.Conn c = client();
                    c.recv(0, new Frame.PathRetireConnectionId(3, 0));
                    c.drain();
                    return c;
                }, P0, new Frame.PathRetireConnectionId(3, 0)),
                // --- errors ---
                error("MP-2-1 not negotiated", FRAME_ENCODING_ERROR, NothingLostTest::notNegotiated, P0,
                        new Frame.PathStatusBackup(0, 1)),
                error("MP-4-2 PATH_ACK in Handshake", PROTOCOL_VIOLATION, NothingLostTest::withPathOne,
                        PacketContext.of(PacketType.HANDSHAKE, 0), Fx.pathAck(0, 0, 0)),
                error("MP-4-2 PATH_ABANDON in 0-RTT", PROTOCOL_VIOLATION, NothingLostTest::withPathOne,
                        PacketContext.of(PacketType.ZERO_RTT, 0), new Frame.PathAbandon(1, 0)),
                error("MP-4-2 PATH_STATUS_BACKUP in Initial", PROTOCOL_VIOLATION, NothingLostTest::withPathOne,
                        PacketContext.of(PacketType.INITIAL, 0), new Frame.PathStatusBackup(1, 100)),
                error("Q-12.4-3 ACK in 0-RTT", PROTOCOL_VIOLATION, NothingLostTest::withPathOne,
                        PacketContext.of(PacketType.ZERO_RTT, 0), Fx.ack(0, 0)),
                error("Q-12.4-3 PATH_RESPONSE in Handshake", PROTOCOL_VIOLATION, NothingLostTest::withPathOne,
                        PacketContext.of(PacketType.HANDSHAKE, 0), new Frame.PathResponse(1)),
                error("Q-12.4-4 empty packet", PROTOCOL_VIOLATION, NothingLostTest::withPathOne, P1),
                error("MP-4-3 status above the limit", PROTOCOL_VIOLATION, NothingLostTest::withPathOne, P0,
                        new Frame.PathStatusAvailable(5, 100)),
                error("MP-4-3 PATH_ABANDON for 2^32", PROTOCOL_VIOLATION, NothingLostTest::withPathOne, P0,
                        new Frame.PathAbandon(TWO_POW_32, 0)),
                error("MP-4-3 PATH_ACK for 2^32-1", PROTOCOL_VIOLATION, NothingLostTest::withPathOne, P0,
                        Fx.pathAck(MAX_PATH_ID, 0, 0)),
                error("MP-4-3 PATH_NEW_CONNECTION_ID above the limit", PROTOCOL_VIOLATION, NothingLostTest::client,
                        P0, Fx.pathNewCid(5, 0, 0)),
                error("MP-4-3 PATH_RETIRE_CONNECTION_ID above the limit", PROTOCOL_VIOLATION,
                        NothingLostTest::client, P0, new Frame.PathRetireConnectionId(6, 0)),
                error("MP-4-3 PATH_CIDS_BLOCKED above the limit", PROTOCOL_VIOLATION, NothingLostTest::client, P0,
                        new Frame.PathCidsBlocked(5, 0)),
                error("MP-4-3 status for a closing path above the limit (limit first)", PROTOCOL_VIOLATION,
                        NothingLostTest::closingPathOne, P0, new Frame.PathStatusBackup(9, 0)),
                error("MP-4.1-3 PATH_ACK of a never-sent packet", PROTOCOL_VIOLATION, NothingLostTest::withPathOne,
                        P0, Fx.pathAck(1, 0, 50)),
                error("MP-4.1-3 PATH_ACK with extra ranges, largest never sent", PROTOCOL_VIOLATION,
                        NothingLostTest::withPathOne, P0, new Frame.PathAck(0, 9, 0, 0, AckRanges.of(0, 0), null)),
                error("MP-2.3-2 ACK of a never-sent path-0 packet", PROTOCOL_VIOLATION, NothingLostTest::withPathOne,
                        P1, Fx.ack(0, 40)),
                error("MP-4.6-2 MAX_PATH_ID 2^32", PROTOCOL_VIOLATION, NothingLostTest::client, P0,
                        new Frame.MaxPathId(TWO_POW_32)),
                error("MP-4.6-3 MAX_PATH_ID below the TP", PROTOCOL_VIOLATION, NothingLostTest::peerRaised, P0,
                        new Frame.MaxPathId(3)),
                error("MP-4.7-3 PATHS_BLOCKED above our limit", PROTOCOL_VIOLATION, NothingLostTest::server, P0,
                        new Frame.PathsBlocked(5)),
                error("MP-4.7-4 PATH_CIDS_BLOCKED sequence too high", PROTOCOL_VIOLATION, NothingLostTest::server,
                        P0, new Frame.PathCidsBlocked(2, 3)),
                error("MP-4.4-7 CID limit exceeded", CONNECTION_ID_LIMIT_ERROR, NothingLostTest::fullPathTwo, P0,
                        Fx.pathNewCid(2, 4, 0)),
                error("MP-4.4-7 NEW_CONNECTION_ID beyond path 0's limit", CONNECTION_ID_LIMIT_ERROR, () -> {
                    Fx.Conn c = client();
                    c.peerCid(0, 1);
                    c.peerCid(0, 2);
                    c.peerCid(0, 3);
                    c.drain();
                    return c;
                }, P0, Fx.newCid(4, 0)),
                error("MP-3.2.1-4 CID value of another path", PROTOCOL_VIOLATION, NothingLostTest::withPathOne, P0,
                        new Frame.PathNewConnectionId(2, 0, 0, Bytes.ofHex("5e5e5e5e5e5e5e5e"),
                                Fx.token(Fx.freshCid()))),
                error("Q-19.15-3 sequence reused for another CID", PROTOCOL_VIOLATION, NothingLostTest::withPathOne,
                        P0, Fx.pathNewCid(1, 1, 0)),
                error("MP-4.5-3 retire of an unissued sequence", PROTOCOL_VIOLATION, NothingLostTest::withPathOne,
                        P1, new Frame.PathRetireConnectionId(1, 2)),
                error("Q-19.16-1 RETIRE_CONNECTION_ID of an unissued sequence", PROTOCOL_VIOLATION,
                        NothingLostTest::client, P0, new Frame.RetireConnectionId(2)),
                error("MP-4.5-4 retire of the carrying CID (configured)", PROTOCOL_VIOLATION,
                        NothingLostTest::strictRetire, new PacketContext(PacketType.ONE_RTT, 1, -1, 0, null),
                        new Frame.PathRetireConnectionId(1, 0)),
                error("Q-19.20-1 HANDSHAKE_DONE to a server", PROTOCOL_VIOLATION, NothingLostTest::server, P0,
                        new Frame.HandshakeDone()),
                error("Q-19.7-1 NEW_TOKEN to a server", PROTOCOL_VIOLATION, NothingLostTest::server, P0,
                        new Frame.NewToken(Bytes.ofHex("01"))),
                error("Q-12.4-2 draft-06 given PATH_NEW_CONNECTION_ID", FRAME_ENCODING_ERROR, NothingLostTest::draft06,
                        P0, Fx.pathNewCid(1, 0, 0)),
                error("error after our own status frame was sent", PROTOCOL_VIOLATION,
                        NothingLostTest::ourStatusSent, P0, new Frame.PathStatusBackup(7, 0))));
        return all.stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("nothing lost: an ignored frame changes nothing; a connection error changes only the close")
    void nothingLost(String name, Case c) {
        Fx.Conn conn = c.state().get();
        conn.assertOpen();
        ConnectionSnapshot before = conn.conn.snapshot();
        int events = conn.events.size();
        conn.conn.receive(c.context(), c.frames());
        ConnectionSnapshot after = conn.conn.snapshot();
        if (c.outcome() == Outcome.IGNORED) {
            conn.assertOpen();
            assertThat(after).isEqualTo(before);
            assertThat(conn.events.subList(events, conn.events.size()))
                    .as("only FrameIgnored events").allMatch(e -> e instanceof ConnectionEvent.FrameIgnored)
                    .isNotEmpty();
        } else {
            conn.assertClosedWith(c.code());
            assertThat(Fx.withoutClose(after)).isEqualTo(before);
            assertThat(after.close()).isEqualTo(conn.conn.closeReason().orElseThrow());
            assertThat(conn.events.subList(events, conn.events.size())).singleElement()
                    .isInstanceOf(ConnectionEvent.ConnectionClosed.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("nothing lost, in a packet after harmless frames: the earlier frames take effect, the bad one "
            + "adds nothing")
    void nothingLostAfterHarmlessFrames(String name, Case c) {
        Fx.Conn conn = c.state().get();
        if (c.frames().isEmpty() || !c.context().type().equals(PacketType.ONE_RTT)) {
            return; // the empty packet and long-header cases have no "earlier frames" variant
        }
        // A PING first (changes nothing observable), then the frame under test.
        List<Frame> frames = new ArrayList<>();
        frames.add(new Frame.Ping());
        frames.addAll(c.frames());
        ConnectionSnapshot before = conn.conn.snapshot();
        conn.conn.receive(c.context(), frames);
        ConnectionSnapshot after = conn.conn.snapshot();
        if (c.outcome() == Outcome.IGNORED) {
            assertThat(after).isEqualTo(before);
        } else {
            conn.assertClosedWith(c.code());
            assertThat(Fx.withoutClose(after)).isEqualTo(before);
        }
    }
}
