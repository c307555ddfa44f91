package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.INITIAL_PTO;
import static io.mpqc.ref.conn.Fx.NO_ERROR;
import static io.mpqc.ref.conn.Fx.frames;
import static io.mpqc.ref.conn.Fx.framesOn;
import static io.mpqc.ref.conn.Fx.newClient;
import static io.mpqc.ref.conn.Fx.newServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Opening and validating paths (draft-21 §3.1). */
class PathOpeningTest {

    /** Frames a client may put in the first packet of a new path, none of them PATH_CHALLENGE. */
    static Stream<Frame> firstFrames() {
        return Stream.of(new Frame.Ping(), new Frame.Stream(0, 0, Bytes.ofHex("abcd"), false, true),
                new Frame.MaxData(1000), new Frame.Padding(20), new Frame.PathStatusAvailable(0, 0),
                Fx.pathAck(0, 0, 0));
    }

    // ---- MP-3.1-6 / MP-3.1.2-1 ----

    @ParameterizedTest(name = "first frame {0}")
    @MethodSource("firstFrames")
    @Tag("MP-3.1-6")
    @Tag("MP-3.1.2-1")
    @DisplayName("MP-3.1-6 / MP-3.1.2-1 a packet on a new path ID without PATH_CHALLENGE is accepted and "
            + "acknowledged, and no other path changes (no implicit migration)")
    void packetWithoutChallengeAccepted(Frame first) {
        Fx.Conn s = newServer();
        s.peerOpensValidated(1);
        s.peerCid(2, 0);
        s.drain(); // packet 0 on path 0 went out: the PATH_ACK case acknowledges it
        ConnectionSnapshot before = s.conn.snapshot();
        s.conn.receive(PacketContext.oneRtt(2, 0), List.of(first));
        s.assertOpen();
        assertThat(s.state(2)).isIn(PathState.CREATED, PathState.VALIDATING);
        ConnectionSnapshot after = s.conn.snapshot();
        for (long other : new long[] {0, 1, 3, 4}) {
            PathView b = before.path(other);
            PathView a = after.path(other);
            if (other == 0 && (first instanceof Frame.PathAck || first instanceof Frame.PathStatusAvailable)) {
                // Those frames name path 0 on purpose: its in-flight count or peer status changes, no more.
                assertThat(a.state().isUsable()).isTrue();
                assertThat(a.peerCids()).isEqualTo(b.peerCids());
                assertThat(a.localCids()).isEqualTo(b.localCids());
                assertThat(a.abandonSent() || a.abandonReceived()).isFalse();
            } else {
                assertThat(a).as("path %s", other).isEqualTo(b);
            }
        }
        // The packet is acknowledged (PATH_ACK for path 2) when it was ack-eliciting.
        List<Frame.PathAck> acks = frames(s.drain(), Frame.PathAck.class);
        if (first.type().isAckEliciting()) {
            assertThat(acks).anySatisfy(a -> {
                assertThat(a.pathId()).isEqualTo(2);
                assertThat(a.largest()).isZero();
            });
        }
    }

    @Test
    @Tag("MP-3.1-6")
    @DisplayName("MP-3.1-6 a client accepts packets on a path ID it did not open (no close)")
    void clientAcceptsPacketOnUnopenedPath() {
        Fx.Conn c = newClient();
        c.conn.receive(PacketContext.oneRtt(3, 0), List.of(new Frame.Ping()));
        c.assertOpen();
        assertThat(c.state(3)).isEqualTo(PathState.CREATED);
        assertThat(c.state(0)).isEqualTo(PathState.VALIDATED);
    }

    @Test
    @Tag("MP-3.1-6")
    @DisplayName("MP-3.1-6 a packet for a path ID we never issued a CID for cannot decrypt: dropped, no close")
    void packetWithoutOurCidDropped() {
        Fx.Conn s = Fx.conn(Fx.server().provisionedPaths(2));
        assertThat(s.path(3)).isNull();
        s.recv(3, new Frame.Ping());
        s.assertOpen();
        assertThat(s.path(3)).isNull();
        assertThat(s.events(ConnectionEvent.PacketDropped.class)).hasSize(1);
    }

    @Test
    @Tag("MP-3.1-4")
    @DisplayName("MP-3.1-4 the server validates a path opened by the client with PATH_CHALLENGE on that path")
    void serverValidatesNewPath() {
        Fx.Conn s = newServer();
        s.peerCid(1, 0);
        s.drain();
        s.recv(1, new Frame.Ping());
        assertThat(s.state(1)).isEqualTo(PathState.VALIDATING);
        assertThat(framesOn(s.drain(), 1, Frame.PathChallenge.class)).hasSize(1);
    }

    @Test
    @Tag("MP-3.1-4")
    @DisplayName("MP-3.1-4 a path the client used before giving the server an ID for it is validated once the ID arrives")
    void serverValidatesPathWhenItsFirstIdArrives() {
        Fx.Conn s = newServer();
        s.drain();
        s.recv(1, new Frame.Ping());
        assertThat(s.state(1)).isEqualTo(PathState.CREATED);
        s.peerCid(1, 0);
        assertThat(s.state(1)).isEqualTo(PathState.VALIDATING);
        assertThat(framesOn(s.drain(), 1, Frame.PathChallenge.class)).hasSize(1);
    }

    // ---- MP-3.1-5 ----

    @Test
    @Tag("MP-3.1-5")
    @DisplayName("MP-3.1-5 PATH_RESPONSE goes back on the path ID the PATH_CHALLENGE arrived on, not on another")
    void responseOnSamePath() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.openValidated(2);
        c.drain();
        c.recv(2, new Frame.PathChallenge(0xabc));
        c.recv(1, new Frame.PathChallenge(0xdef));
        List<OutgoingPacket> out = c.drain();
        assertThat(framesOn(out, 2, Frame.PathResponse.class)).containsExactly(new Frame.PathResponse(0xabc));
        assertThat(framesOn(out, 1, Frame.PathResponse.class)).containsExactly(new Frame.PathResponse(0xdef));
        assertThat(frames(out, Frame.PathResponse.class)).hasSize(2);
    }

    @Test
    @Tag("MP-3.1-5")
    @DisplayName("MP-3.1-5 a PATH_RESPONSE arriving on another path ID does not validate the challenged path")
    void responseOnOtherPathDoesNotValidate() {
        Fx.Conn c = newClient();
        c.peerCid(1, 0);
        c.drain();
        assertThat(c.conn.openPath()).hasValue(1);
        long data = Fx.first(Fx.packetWith(c.drain(), 1, Frame.PathChallenge.class).frames(),
                Frame.PathChallenge.class).data();
        c.recv(0, new Frame.PathResponse(data));
        assertThat(c.state(1)).isEqualTo(PathState.VALIDATING);
        assertThat(c.ignored()).singleElement().extracting(ConnectionEvent.FrameIgnored::frame)
                .isEqualTo(FrameType.PATH_RESPONSE);
        c.recv(1, new Frame.PathResponse(data ^ 1));
        assertThat(c.state(1)).isEqualTo(PathState.VALIDATING);
        c.recv(1, new Frame.PathResponse(data));
        assertThat(c.state(1)).isEqualTo(PathState.VALIDATED);
        c.assertOpen();
    }

    // ---- MP-3.1-9 / MP-7.1-1 ----

    @Test
    @Tag("MP-3.1-9")
    @Tag("MP-7.1-1")
    @DisplayName("MP-3.1-9 / MP-7.1-1 a flood of PATH_CHALLENGE on a path we hold no CID of the peer for keeps "
            + "bounded state: once a CID arrives only the latest few are answered, the newest included")
    void delayedResponsesBounded() {
        Fx.Conn s = newServer();
        s.drain();
        for (int i = 0; i < 10_000; i++) {
            s.recv(2, new Frame.PathChallenge(i));
        }
        s.assertOpen();
        assertThat(s.drain()).isEmpty();
        s.recv(0, Fx.pathNewCid(2, 0, 0));
        List<Frame.PathResponse> responses = framesOn(s.drain(), 2, Frame.PathResponse.class);
        assertThat(responses).hasSizeBetween(1, io.mpqc.ref.path.Path.MAX_DELAYED_RESPONSES)
                .contains(new Frame.PathResponse(9_999));
    }

    // ---- MP-3.1-12 / MP-3.1-11 ----

    @Test
    @Tag("MP-3.1-12")
    @Tag("MP-3.1-11")
    @DisplayName("MP-3.1-12 a path whose validation fails (no answer within 3 PTO) is closed with PATH_ABANDON "
            + "sent on another path, and never used")
    void failedValidationAbandons() {
        Fx.Conn c = newClient();
        c.peerCid(1, 0);
        c.drain();
        c.tick(1_000);
        assertThat(c.conn.openPath()).hasValue(1);
        long data = Fx.first(Fx.packetWith(c.drain(), 1, Frame.PathChallenge.class).frames(),
                Frame.PathChallenge.class).data();
        c.tick(1_000 + 3 * INITIAL_PTO - 1);
        assertThat(c.state(1)).isEqualTo(PathState.VALIDATING);
        c.tick(1_000 + 3 * INITIAL_PTO);
        assertThat(c.events(ConnectionEvent.PathValidationFailed.class)).singleElement()
                .extracting(ConnectionEvent.PathValidationFailed::pathId).isEqualTo(1L);
        assertThat(c.state(1)).isEqualTo(PathState.CLOSING);
        List<OutgoingPacket> out = c.drain();
        assertThat(framesOn(out, 0, Frame.PathAbandon.class)).containsExactly(new Frame.PathAbandon(1, NO_ERROR));
        assertThat(out).noneMatch(p -> p.pathId() == 1);
        // A late PATH_RESPONSE does not bring it back.
        c.recv(1, new Frame.PathResponse(data));
        assertThat(c.state(1)).isEqualTo(PathState.CLOSING);
        assertThat(c.conn.openPath()).isEmpty();
        c.assertOpen();
    }

    @Test
    @Tag("MP-3.1-12")
    @DisplayName("MP-3.1-12 the server abandons a client path it could not validate, too")
    void serverFailedValidation() {
        Fx.Conn s = newServer();
        s.peerCid(2, 0);
        s.recv(2, new Frame.Ping());
        s.drain();
        s.advance(3 * INITIAL_PTO);
        assertThat(s.state(2)).isEqualTo(PathState.CLOSING);
        assertThat(frames(s.drain(), Frame.PathAbandon.class)).containsExactly(new Frame.PathAbandon(2, NO_ERROR));
    }

    // ---- MP-3.1-1 / MP-3-1 ----

    @Test
    @Tag("MP-3-1")
    @Tag("MP-3.1-1")
    @DisplayName("MP-3-1 only clients open paths; openPath takes the lowest unused path ID for which both sides "
            + "hold CIDs")
    void openPathRules() {
        Fx.Conn s = newServer();
        ConnectionSnapshot before = s.conn.snapshot();
        assertThatThrownBy(() -> s.conn.openPath()).isInstanceOf(CommandRejectedException.class);
        assertThat(s.conn.snapshot()).isEqualTo(before);

        Fx.Conn c = Fx.conn(Fx.client().provisionedPaths(3));
        c.peerCid(4, 0); // we issued nothing for path 4 (provisioning stops at 2)
        c.peerCid(2, 0);
        assertThat(c.conn.openPath()).hasValue(2);
        assertThat(c.path(2).validating()).isTrue();
        assertThat(c.conn.openPath()).as("path 4 lacks a CID of ours").isEmpty();
    }
}
