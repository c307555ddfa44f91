package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.FRAME_ENCODING_ERROR;
import static io.mpqc.ref.conn.Fx.PROTOCOL_VIOLATION;
import static io.mpqc.ref.conn.Fx.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Multipath on or off (draft-21 §2, §2.1). */
class NegotiationTest {

    /** Every multipath frame kind, with each way of not negotiating: neither side, only us, only the peer. */
    static Stream<Arguments> notNegotiated() {
        List<Arguments> out = new ArrayList<>();
        for (String how : List.of("neither", "local only", "peer only")) {
            for (FrameType t : Fx.MULTIPATH_TYPES) {
                out.add(Arguments.of(how, t));
            }
        }
        return out.stream();
    }

    private static ConnectionConfig.Builder notNegotiatedConfig(String how) {
        ConnectionConfig.Builder b = Fx.client();
        return switch (how) {
            case "neither" -> b.withoutMultipath();
            case "local only" -> b.peerMaxPathId(-1);
            case "peer only" -> b.localMaxPathId(-1);
            default -> throw new IllegalArgumentException(how);
        };
    }

    @ParameterizedTest(name = "{0} sent the TP, received {1}")
    @MethodSource("notNegotiated")
    @Tag("MP-2-1")
    @DisplayName("MP-2-1 a multipath frame without negotiation closes with FRAME_ENCODING_ERROR by default "
            + "(unknown frame)")
    void frameEncodingErrorByDefault(String how, FrameType type) {
        Fx.Conn c = Fx.conn(notNegotiatedConfig(how));
        assertThat(c.conn.multipathNegotiated()).isFalse();
        c.recv(0, Fx.withPathId(type, 0));
        c.assertClosedWith(FRAME_ENCODING_ERROR);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("MP-2-1");
    }

    @ParameterizedTest(name = "{0} sent the TP, received {1}")
    @MethodSource("notNegotiated")
    @Tag("MP-2-1")
    @DisplayName("MP-2-1 a multipath frame without negotiation closes with PROTOCOL_VIOLATION when so configured "
            + "(picoquic's choice)")
    void protocolViolationWhenConfigured(String how, FrameType type) {
        Fx.Conn c = Fx.conn(notNegotiatedConfig(how).notNegotiatedError(PROTOCOL_VIOLATION));
        c.recv(0, Fx.withPathId(type, 0));
        c.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("MP-2-1")
    @DisplayName("MP-2-1 without negotiation no multipath mechanism is used: no multipath command, no "
            + "PATH_* frame sent, ACK instead of PATH_ACK, packets for other path IDs dropped")
    void noMechanismWithoutNegotiation() {
        Fx.Conn c = Fx.conn(Fx.client().withoutMultipath());
        ConnectionSnapshot start = c.conn.snapshot();
        assertThat(start.multipath()).isFalse();
        assertThatThrownBy(() -> c.conn.openPath()).isInstanceOf(CommandRejectedException.class);
        assertThatThrownBy(() -> c.conn.abandonPath(0, 0)).isInstanceOf(CommandRejectedException.class);
        assertThatThrownBy(() -> c.conn.setLocalStatus(0, PathStatus.BACKUP))
                .isInstanceOf(CommandRejectedException.class);
        assertThatThrownBy(() -> c.conn.raiseMaxPathId(5)).isInstanceOf(CommandRejectedException.class);
        assertThatThrownBy(() -> c.conn.issueConnectionIds(1, 1)).isInstanceOf(CommandRejectedException.class);
        assertThat(c.conn.snapshot()).isEqualTo(start);

        c.conn.receive(PacketContext.oneRtt(0, 0), List.of(new Frame.Ping()));
        c.recv(1, new Frame.Ping());
        assertThat(c.events(ConnectionEvent.PacketDropped.class)).singleElement()
                .extracting(ConnectionEvent.PacketDropped::pathId).isEqualTo(1L);
        c.conn.issueConnectionIds(0, 1);
        List<OutgoingPacket> out = c.drain();
        assertThat(out).allMatch(p -> p.pathId() == 0);
        assertThat(out.stream().flatMap(p -> p.frames().stream())).noneMatch(f -> f.type().isMultipath());
        assertThat(frames(out, Frame.Ack.class)).hasSize(1);
        assertThat(frames(out, Frame.NewConnectionId.class)).isNotEmpty();
        c.assertOpen();
    }

    // ---- MP-2.1-3 ----

    @Test
    @Tag("MP-2.1-3")
    @DisplayName("MP-2.1-3 initial_max_path_id 0 enables multipath without extra paths; MAX_PATH_ID raises "
            + "the limit and then a path opens")
    void zeroThenRaise() {
        Fx.Conn c = Fx.conn(Fx.client().localMaxPathId(0).peerMaxPathId(0));
        assertThat(c.conn.multipathNegotiated()).isTrue();
        // Only path 0 exists; our CIDs are announced with PATH_NEW_CONNECTION_ID for path 0.
        List<OutgoingPacket> start = c.drain();
        assertThat(frames(start, Frame.PathNewConnectionId.class)).allMatch(f -> f.pathId() == 0).isNotEmpty();
        // No extra path: openPath reports the peer's limit with PATHS_BLOCKED.
        assertThat(c.conn.openPath()).isEmpty();
        assertThat(frames(c.drain(), Frame.PathsBlocked.class)).containsExactly(new Frame.PathsBlocked(0));
        c.assertOpen();
        // Multipath frames for path 0 are fine; path 1 is above our limit.
        c.recv(0, new Frame.PathStatusAvailable(0, 0));
        c.assertOpen();

        // The peer raises its limit, we raise ours, the peer gives a CID for path 1: path 1 opens.
        c.recv(0, new Frame.MaxPathId(1));
        assertThat(c.conn.snapshot().peerMaxPathId()).isEqualTo(1);
        assertThat(c.conn.openPath()).as("our own limit is still 0").isEmpty();
        c.conn.raiseMaxPathId(1);
        List<OutgoingPacket> out = c.drain();
        assertThat(frames(out, Frame.MaxPathId.class)).containsExactly(new Frame.MaxPathId(1));
        assertThat(frames(out, Frame.PathNewConnectionId.class)).anyMatch(f -> f.pathId() == 1);
        c.openValidated(1);
        c.assertOpen();
    }

    @Test
    @Tag("MP-2.1-3")
    @DisplayName("MP-2.1-3 with initial_max_path_id 0 on our side, a frame naming path 1 is above the limit")
    void zeroRejectsPathOne() {
        Fx.Conn c = Fx.conn(Fx.client().localMaxPathId(0));
        c.recv(0, new Frame.PathStatusAvailable(1, 0));
        c.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("MP-2.1-3")
    @DisplayName("MP-2.1-3 with initial_max_path_id 1 on both sides path 1 opens (picoquic #1935)")
    void oneOpensPathOne() {
        Fx.Conn c = Fx.conn(Fx.client().localMaxPathId(1).peerMaxPathId(1));
        c.openValidated(1);
        assertThat(c.conn.openPath()).isEmpty();
        assertThat(c.state(1)).isEqualTo(PathState.VALIDATED);
    }
}
