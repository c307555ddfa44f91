package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.FRAME_ENCODING_ERROR;
import static io.mpqc.ref.conn.Fx.PROTOCOL_VIOLATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.PacketType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which frames may travel in which packet types (RFC 9000 §12.4, draft-21 §2.3 and §4). */
class PacketTypeTest {
    private static final List<PacketType> NOT_ONE_RTT = List.of(PacketType.INITIAL, PacketType.ZERO_RTT,
            PacketType.HANDSHAKE);

    static Stream<Arguments> multipathFrameInLongHeaderPacket() {
        List<Arguments> out = new ArrayList<>();
        for (FrameType t : Fx.MULTIPATH_TYPES) {
            for (PacketType p : NOT_ONE_RTT) {
                out.add(Arguments.of(t, p));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("multipathFrameInLongHeaderPacket")
    @Tag("MP-4-2")
    @Tag("MP-2.3-3")
    @DisplayName("MP-4-2 / MP-2.3-3 every multipath frame in an Initial, 0-RTT or Handshake packet closes with "
            + "PROTOCOL_VIOLATION, naming the frame type")
    void multipathFrameOutsideOneRtt(FrameType type, PacketType packet) {
        for (Fx.Conn c : List.of(Fx.newClient(), Fx.newServer())) {
            ConnectionSnapshot before = c.conn.snapshot();
            c.recv(packet, 0, Fx.withPathId(type, 0));
            c.assertClosedWith(PROTOCOL_VIOLATION);
            CloseReason close = c.conn.closeReason().orElseThrow();
            assertThat(close.frameType()).isEqualTo(Fx.codepoint(type));
            assertThat(close.reason()).startsWith("MP-4-2");
            assertThat(close.byPeer()).isFalse();
            assertThat(Fx.withoutClose(c.conn.snapshot())).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("multipathFrameInLongHeaderPacket")
    @Tag("MP-4-2")
    @DisplayName("MP-4-2 draft-18 also answers a multipath frame outside 1-RTT with PROTOCOL_VIOLATION")
    void draft18(FrameType type, PacketType packet) {
        Fx.Conn c = Fx.conn(Fx.client().dialect(Dialect.DRAFT_18));
        c.recv(packet, 0, Fx.withPathId(type, 0));
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().frameType()).isEqualTo(Dialect.DRAFT_18.codepoint(type));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PacketType.class, names = {"INITIAL", "ZERO_RTT", "HANDSHAKE"})
    @Tag("MP-4-2")
    @DisplayName("MP-4-2 draft-06 frames outside 1-RTT close with FRAME_ENCODING_ERROR (drafts 05-12)")
    void draft06(PacketType packet) {
        for (FrameType t : List.of(FrameType.PATH_ACK, FrameType.PATH_ACK_ECN, FrameType.PATH_ABANDON,
                FrameType.PATH_STATUS_BACKUP, FrameType.PATH_STATUS_AVAILABLE)) {
            Fx.Conn c = Fx.conn(Fx.client().dialect(Dialect.DRAFT_06));
            c.recv(packet, 0, Fx.withPathId(t, 0));
            c.assertClosedWith(FRAME_ENCODING_ERROR);
        }
    }

    // ---- RFC 9000 frames (Q-12.4-3 / Q-12.4-6) ----

    static Stream<Arguments> rfcFrameInWrongPacket() {
        Bytes cid = Bytes.ofHex("0102030405060708");
        Bytes token = Bytes.of(new byte[16]);
        return Stream.of(
                Arguments.of(new Frame.Ack(0, 0, 0, AckRanges.NONE, null), PacketType.ZERO_RTT),
                Arguments.of(new Frame.PathResponse(1), PacketType.ZERO_RTT),
                Arguments.of(new Frame.PathResponse(1), PacketType.INITIAL),
                Arguments.of(new Frame.PathResponse(1), PacketType.HANDSHAKE),
                Arguments.of(new Frame.PathChallenge(1), PacketType.INITIAL),
                Arguments.of(new Frame.PathChallenge(1), PacketType.HANDSHAKE),
                Arguments.of(new Frame.NewConnectionId(1, 0, cid, token), PacketType.INITIAL),
                Arguments.of(new Frame.NewConnectionId(1, 0, cid, token), PacketType.HANDSHAKE),
                Arguments.of(new Frame.RetireConnectionId(0), PacketType.INITIAL),
                Arguments.of(new Frame.RetireConnectionId(0), PacketType.HANDSHAKE),
                Arguments.of(new Frame.HandshakeDone(), PacketType.HANDSHAKE),
                Arguments.of(new Frame.HandshakeDone(), PacketType.ZERO_RTT),
                Arguments.of(new Frame.NewToken(Bytes.ofHex("aa")), PacketType.ZERO_RTT),
                Arguments.of(new Frame.Stream(0, 0, Bytes.ofHex("aa"), false, true), PacketType.INITIAL),
                Arguments.of(new Frame.MaxData(10), PacketType.HANDSHAKE),
                Arguments.of(new Frame.ApplicationClose(0, Bytes.EMPTY), PacketType.INITIAL));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("rfcFrameInWrongPacket")
    @Tag("Q-12.4-3")
    @Tag("Q-12.4-6")
    @DisplayName("Q-12.4-3 / Q-12.4-6 an RFC 9000 frame in a packet type that may not carry it closes with "
            + "PROTOCOL_VIOLATION")
    void rfcFrameInWrongPacket(Frame frame, PacketType packet) {
        Fx.Conn c = Fx.newClient();
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(packet, 0, frame);
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("Q-12.4-3");
        assertThat(c.conn.closeReason().orElseThrow().frameType()).isEqualTo(frame.type().rfc9000Code());
        assertThat(Fx.withoutClose(c.conn.snapshot())).isEqualTo(before);
    }

    static Stream<Arguments> rfcFrameInAllowedPacket() {
        Bytes cid = Bytes.ofHex("0102030405060708");
        Bytes token = Bytes.of(new byte[16]);
        return Stream.of(
                Arguments.of(new Frame.Ack(0, 0, 0, AckRanges.NONE, null), PacketType.INITIAL),
                Arguments.of(new Frame.Ack(0, 0, 0, AckRanges.NONE, null), PacketType.HANDSHAKE),
                Arguments.of(new Frame.PathChallenge(1), PacketType.ZERO_RTT),
                Arguments.of(new Frame.PathChallenge(1), PacketType.ONE_RTT),
                Arguments.of(new Frame.PathResponse(1), PacketType.ONE_RTT),
                Arguments.of(new Frame.NewConnectionId(1, 0, cid, token), PacketType.ZERO_RTT),
                Arguments.of(new Frame.RetireConnectionId(1), PacketType.ZERO_RTT),
                Arguments.of(new Frame.Crypto(0, Bytes.ofHex("01")), PacketType.INITIAL),
                Arguments.of(new Frame.Crypto(0, Bytes.ofHex("01")), PacketType.HANDSHAKE),
                Arguments.of(new Frame.Padding(3), PacketType.INITIAL),
                Arguments.of(new Frame.Ping(), PacketType.HANDSHAKE),
                Arguments.of(new Frame.Stream(0, 0, Bytes.ofHex("aa"), false, true), PacketType.ZERO_RTT),
                Arguments.of(new Frame.HandshakeDone(), PacketType.ONE_RTT));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("rfcFrameInAllowedPacket")
    @Tag("Q-12.4-6")
    @DisplayName("Q-12.4-6 RFC 9000 frames in the packet types the table allows are accepted")
    void rfcFrameInAllowedPacket(Frame frame, PacketType packet) {
        Fx.Conn c = Fx.newClient();
        c.recv(packet, 0, frame);
        c.assertOpen();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PacketType.class)
    @Tag("Q-12.4-3")
    @DisplayName("Q-12.4-3 CONNECTION_CLOSE is allowed in every packet type and closes from the peer")
    void connectionCloseAnywhere(PacketType packet) {
        Fx.Conn c = Fx.newClient();
        c.recv(packet, 0, new Frame.ConnectionClose(0x0a, 0, Bytes.EMPTY));
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().byPeer()).isTrue();
    }

    @Test
    @Tag("Q-10.2-1")
    @DisplayName("Q-10.2-1 a packet that ends in the peer's CONNECTION_CLOSE is not acknowledged: draining sends nothing")
    void closingPacketIsNotAcknowledged() {
        Fx.Conn c = Fx.newServer();
        c.drain();
        c.conn.receive(PacketContext.oneRtt(0, 7),
                List.of(new Frame.Ping(), new Frame.ConnectionClose(0, 0, Bytes.EMPTY)));
        c.assertClosedWith(0);
        assertThat(c.drain()).isEmpty();
    }

    // ---- 0-RTT belongs to path 0 ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PacketType.class, names = {"INITIAL", "ZERO_RTT", "HANDSHAKE"})
    @Tag("MP-2.3-2")
    @DisplayName("MP-2.3-2 (draft-21 §2.3) Initial, Handshake and 0-RTT packets belong to path 0 whatever path ID "
            + "the context names: a PATH_CHALLENGE in one is answered on path 0 and path 3 stays untouched")
    void longHeaderPacketsArePathZero(PacketType packet) {
        Fx.Conn s = Fx.newServer();
        s.peerCid(3, 0);
        s.drain();
        ConnectionSnapshot before = s.conn.snapshot();
        Frame frame = packet == PacketType.ZERO_RTT ? new Frame.PathChallenge(77) : new Frame.Ping();
        s.conn.receive(new PacketContext(packet, 3, 0, -1, null), List.of(frame));
        s.assertOpen();
        assertThat(s.conn.snapshot().path(3)).isEqualTo(before.path(3));
        List<OutgoingPacket> out = s.drain();
        assertThat(out).noneMatch(p -> p.pathId() == 3);
        if (packet == PacketType.ZERO_RTT) {
            assertThat(Fx.framesOn(out, 0, Frame.PathResponse.class)).containsExactly(new Frame.PathResponse(77));
        }
    }

    // ---- Q-12.4-2: a multipath frame kind the dialect does not have ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FrameType.class, names = {"PATH_NEW_CONNECTION_ID", "PATH_RETIRE_CONNECTION_ID",
        "MAX_PATH_ID", "PATHS_BLOCKED", "PATH_CIDS_BLOCKED"})
    @Tag("Q-12.4-2")
    @DisplayName("Q-12.4-2 a draft-06 connection handed a frame kind draft-06 does not define closes with "
            + "FRAME_ENCODING_ERROR (unknown frame type) and keeps no state for it")
    void frameKindOutsideDialect(FrameType type) {
        Fx.Conn c = Fx.conn(Fx.client().dialect(Dialect.DRAFT_06));
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(0, Fx.withPathId(type, 1L << 40));
        c.assertClosedWith(FRAME_ENCODING_ERROR);
        assertThat(Fx.withoutClose(c.conn.snapshot())).isEqualTo(before);
    }

    // ---- Q-12.4-4 ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(PacketType.class)
    @Tag("Q-12.4-4")
    @DisplayName("Q-12.4-4 a packet without frames closes with PROTOCOL_VIOLATION")
    void emptyPacket(PacketType packet) {
        Fx.Conn c = Fx.newServer();
        ConnectionSnapshot before = c.conn.snapshot();
        c.conn.receive(PacketContext.of(packet, 0), List.of());
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("Q-12.4-4");
        assertThat(Fx.withoutClose(c.conn.snapshot())).isEqualTo(before);
    }
}
