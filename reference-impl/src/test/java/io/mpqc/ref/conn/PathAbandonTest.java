package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.INITIAL_PTO;
import static io.mpqc.ref.conn.Fx.NO_ERROR;
import static io.mpqc.ref.conn.Fx.frames;
import static io.mpqc.ref.conn.Fx.framesOn;
import static io.mpqc.ref.conn.Fx.newClient;
import static io.mpqc.ref.conn.Fx.newServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.path.StatusRecord;
import io.mpqc.ref.recovery.SentPacket;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PATH_ABANDON in both directions, keeping and freeing path state, the last path (draft-21 §3.4, §4.2). */
class PathAbandonTest {

    // ---- MP-3.4-2: the sender of PATH_ABANDON ----

    @Test
    @Tag("MP-3.4-2")
    @DisplayName("MP-3.4-2 abandoning a path retires the peer's CIDs for it at once, and nothing more goes "
            + "out on it; PATH_ABANDON travels on another path (MP-3.4-4)")
    void senderRetiresPeerCidsAndStopsSending() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.peerCid(1, 1);
        // A packet on path 1 that we must acknowledge.
        c.conn.receive(PacketContext.oneRtt(1, 0), List.of(new Frame.Ping()));
        c.conn.abandonPath(1, NO_ERROR);
        assertThat(c.path(1).peerCids()).isEmpty();
        assertThat(c.path(1).abandonSent()).isTrue();
        assertThat(c.state(1)).isEqualTo(PathState.CLOSING);
        assertThat(c.events(ConnectionEvent.ConnectionIdRetired.class))
                .filteredOn(e -> !e.ours() && e.pathId() == 1).hasSize(2);
        List<OutgoingPacket> out = c.drain();
        assertThat(out).noneMatch(p -> p.pathId() == 1);
        assertThat(framesOn(out, 0, Frame.PathAbandon.class)).containsExactly(new Frame.PathAbandon(1, NO_ERROR));
        // The ACK of path 1's packet goes on path 0 (MP-3.4.3-2).
        assertThat(framesOn(out, 0, Frame.PathAck.class)).extracting(Frame.PathAck::pathId).contains(1L);
        // Later commands and the timer never bring frames to path 1 either.
        c.conn.setLocalStatus(0, PathStatus.BACKUP);
        c.conn.receive(PacketContext.oneRtt(1, 1), List.of(new Frame.Ping()));
        assertThat(c.drain()).noneMatch(p -> p.pathId() == 1);
    }

    @Test
    @Tag("MP-3.4-2")
    @DisplayName("MP-3.4-2 frames queued for a path before we abandon it are not sent on it afterwards "
            + "(a PATH_CHALLENGE is dropped, path-independent frames move to another path)")
    void queuedFramesDoNotLeaveOnAbandonedPath() {
        Fx.Conn c = newClient();
        c.peerCid(1, 0);
        c.drain();
        assertThat(c.conn.openPath()).hasValue(1);
        // The PATH_CHALLENGE for path 1 is queued but not drained yet.
        c.conn.abandonPath(1, NO_ERROR);
        List<OutgoingPacket> out = c.drain();
        assertThat(out).as("no packet on the abandoned path 1").noneMatch(p -> p.pathId() == 1);
        assertThat(frames(out, Frame.PathChallenge.class)).isEmpty();
        assertThat(framesOn(out, 0, Frame.PathAbandon.class)).hasSize(1);
    }

    @Test
    @Tag("MP-3.4-2")
    @DisplayName("MP-3.4-2 abandoning path 0 moves its queued control frames to another open path")
    void queuedControlFramesMoveOffAbandonedPath() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.drain();
        c.conn.setLocalStatus(1, PathStatus.BACKUP); // queued on path 0, the lowest usable path
        c.conn.abandonPath(0, NO_ERROR);
        List<OutgoingPacket> out = c.drain();
        assertThat(out).as("nothing on abandoned path 0").noneMatch(p -> p.pathId() == 0);
        assertThat(framesOn(out, 1, Frame.PathStatusBackup.class)).containsExactly(new Frame.PathStatusBackup(1, 0));
        assertThat(framesOn(out, 1, Frame.PathAbandon.class)).containsExactly(new Frame.PathAbandon(0, NO_ERROR));
    }

    // ---- MP-3.4-3 ----

    @ParameterizedTest(name = "received on path {0}")
    @ValueSource(longs = {0, 1, 2})
    @Tag("MP-3.4-3")
    @DisplayName("MP-3.4-3 PATH_ABANDON is accepted on any open path, the abandoned one included")
    void abandonOnAnyPath(long carrier) {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.openValidated(2);
        c.recv(carrier, new Frame.PathAbandon(1, NO_ERROR));
        c.assertOpen();
        assertThat(c.state(1)).isEqualTo(PathState.CLOSING);
        assertThat(c.path(1).abandonReceived()).isTrue();
        assertThat(c.state(0).isUsable()).isTrue();
        assertThat(c.state(2).isUsable()).isTrue();
    }

    // ---- MP-3.4-5 ----

    @Test
    @Tag("MP-3.4-5")
    @DisplayName("MP-3.4-5 the receiver of PATH_ABANDON answers with its own, on another path, and retires "
            + "the peer's CIDs for the path")
    void reciprocalAbandon() {
        Fx.Conn s = newServer();
        s.peerOpensValidated(1);
        s.peerCid(1, 1);
        s.drain();
        s.recv(0, new Frame.PathAbandon(1, 0x3e76));
        assertThat(s.path(1).peerCids()).isEmpty();
        assertThat(s.path(1).abandonSent()).isTrue();
        List<OutgoingPacket> out = s.drain();
        assertThat(frames(out, Frame.PathAbandon.class)).containsExactly(new Frame.PathAbandon(1, NO_ERROR));
        assertThat(out).noneMatch(p -> p.pathId() == 1);
        assertThat(s.events(ConnectionEvent.PathAbandoned.class))
                .containsExactly(new ConnectionEvent.PathAbandoned(1, 0x3e76, true));
        s.assertOpen();
    }

    @Test
    @Tag("MP-3.4-5")
    @DisplayName("MP-3.4-5 no second PATH_ABANDON when we already sent one, nor for a repeated one")
    void noSecondAbandon() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.conn.abandonPath(1, NO_ERROR);
        assertThat(frames(c.drain(), Frame.PathAbandon.class)).hasSize(1);
        c.recv(0, new Frame.PathAbandon(1, NO_ERROR));
        assertThat(frames(c.drain(), Frame.PathAbandon.class)).isEmpty();
        assertThat(c.path(1).abandonReceived()).isTrue();
        // A repeated (retransmitted) PATH_ABANDON from the peer is ignored.
        c.recv(0, new Frame.PathAbandon(1, NO_ERROR));
        assertThat(frames(c.drain(), Frame.PathAbandon.class)).isEmpty();
        assertThat(c.ignored()).extracting(ConnectionEvent.FrameIgnored::requirement).containsExactly("MP-4-4");
        // And our own command cannot send another one.
        assertThatThrownBy(() -> c.conn.abandonPath(1, NO_ERROR)).isInstanceOf(CommandRejectedException.class);
        c.assertOpen();
    }

    @Test
    @Tag("MP-3.4-5")
    @DisplayName("MP-3.4-5 a peer's PATH_ABANDON answered once even when it arrives twice in one packet")
    void twiceInOnePacket() {
        Fx.Conn s = newServer();
        s.peerOpensValidated(1);
        s.drain();
        s.recv(0, new Frame.PathAbandon(1, NO_ERROR), new Frame.PathAbandon(1, NO_ERROR));
        assertThat(frames(s.drain(), Frame.PathAbandon.class)).hasSize(1);
    }

    // ---- MP-3.4-6 ----

    @Test
    @Tag("MP-3.4-6")
    @DisplayName("MP-3.4-6 after receiving PATH_ABANDON, our CIDs and the PN space of the path are kept 3 PTO "
            + "(late packets are acknowledged on another path), then freed")
    void stateKeptThreePtoThenFreed() {
        Fx.Conn s = newServer();
        s.peerOpensValidated(1);
        s.drain();
        long pto = s.conn.pto(1);
        s.tick(5_000);
        s.recv(0, new Frame.PathAbandon(1, NO_ERROR));
        long abandonedAt = s.conn.now();
        int ourCids = s.path(1).localCids().size();
        assertThat(ourCids).isPositive();

        s.tick(abandonedAt + 3 * pto - 1);
        assertThat(s.state(1)).isEqualTo(PathState.CLOSING);
        assertThat(s.path(1).localCids()).hasSize(ourCids);
        // A late packet on path 1 is still taken and acknowledged, on path 0.
        s.drain();
        s.conn.receive(PacketContext.oneRtt(1, 7), List.of(new Frame.Ping()));
        List<OutgoingPacket> out = s.drain();
        assertThat(framesOn(out, 0, Frame.PathAck.class)).anySatisfy(a -> {
            assertThat(a.pathId()).isEqualTo(1);
            assertThat(a.largest()).isEqualTo(7);
        });
        assertThat(out).noneMatch(p -> p.pathId() == 1);
        assertThat(s.events(ConnectionEvent.PacketDropped.class)).isEmpty();

        s.tick(abandonedAt + 3 * pto);
        assertThat(s.state(1)).isEqualTo(PathState.CLOSED);
        assertThat(s.path(1).localCids()).isEmpty();
        assertThat(s.events(ConnectionEvent.PathFreed.class)).extracting(ConnectionEvent.PathFreed::pathId)
                .containsExactly(1L);
        // Now packets for path 1 are dropped before their frames are looked at.
        s.conn.receive(PacketContext.oneRtt(1, 8), List.of(new Frame.Ping()));
        assertThat(s.events(ConnectionEvent.PacketDropped.class)).singleElement()
                .extracting(ConnectionEvent.PacketDropped::pathId).isEqualTo(1L);
        s.assertOpen();
    }

    @Test
    @Tag("MP-3.4-6")
    @Tag("MP-3.4-8")
    @DisplayName("MP-3.4-6 a path we abandoned without reply is kept 3 PTO after sending, and the connection "
            + "is not closed for the missing reply")
    void noReplyKeepsStateThreePto() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        long pto = c.conn.pto(1);
        c.conn.abandonPath(1, NO_ERROR);
        long t = c.conn.now();
        c.tick(t + 3 * pto - 1);
        assertThat(c.state(1)).isEqualTo(PathState.CLOSING);
        c.tick(t + 3 * pto);
        assertThat(c.state(1)).isEqualTo(PathState.CLOSED);
        c.advance(100 * pto);
        c.assertOpen();
    }

    // ---- MP-3.4-7 ----

    @ParameterizedTest(name = "path ID {0}")
    @ValueSource(longs = {2, 3, 4})
    @Tag("MP-3.4-7")
    @DisplayName("MP-3.4-7 PATH_ABANDON of a path ID that never carried traffic (up to the limit) is not an "
            + "error and is answered")
    void abandonOfUnusedPathId(long pathId) {
        Fx.Conn c = newClient();
        c.drain();
        c.recv(0, new Frame.PathAbandon(pathId, NO_ERROR));
        c.assertOpen();
        assertThat(c.state(pathId)).isEqualTo(PathState.CLOSING);
        assertThat(frames(c.drain(), Frame.PathAbandon.class)).containsExactly(new Frame.PathAbandon(pathId, NO_ERROR));
    }

    @Test
    @Tag("MP-3.4-7")
    @DisplayName("MP-3.4-7 PATH_ABANDON of a path ID without any state (not provisioned) is not an error")
    void abandonOfPathIdWithoutState() {
        Fx.Conn c = Fx.conn(Fx.client().provisionedPaths(1));
        assertThat(c.path(3)).isNull();
        c.recv(0, new Frame.PathAbandon(3, NO_ERROR));
        c.assertOpen();
        assertThat(c.state(3)).isEqualTo(PathState.CLOSING);
    }

    // ---- MP-4.2.1-1 ----

    @ParameterizedTest(name = "error code {0}")
    @ValueSource(longs = {0, 0x3e, 0x3e75, 0x3e76, 0x3e77, 0x1, 0x0a, 0x1234, 0x004150504142414eL, 0x3fffffffffffffffL})
    @Tag("MP-4.2.1-1")
    @DisplayName("MP-4.2.1-1 any error code in PATH_ABANDON, unknown ones included, abandons the path without "
            + "closing the connection")
    void anyErrorCode(long code) {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.recv(0, new Frame.PathAbandon(1, code));
        c.assertOpen();
        assertThat(c.state(1)).isEqualTo(PathState.CLOSING);
        assertThat(c.events(ConnectionEvent.PathAbandoned.class))
                .containsExactly(new ConnectionEvent.PathAbandoned(1, code, true));
    }

    // ---- MP-3.4-9 / MP-4-4 ----

    @Test
    @Tag("MP-3.4-9")
    @DisplayName("MP-3.4-9 openPath never reuses an abandoned path ID, used or not, closing or freed")
    void openPathSkipsAbandonedIds() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.conn.abandonPath(1, NO_ERROR);
        c.peerCid(2, 0);
        c.conn.abandonPath(2, NO_ERROR); // never used
        c.peerCid(3, 0);
        assertThat(c.conn.openPath()).hasValue(3);
        c.advance(10 * INITIAL_PTO); // 1 and 2 are freed, 3 failed validation and is closing
        assertThat(c.state(1)).isEqualTo(PathState.CLOSED);
        assertThat(c.state(2)).isEqualTo(PathState.CLOSED);
        c.peerCid(4, 0);
        assertThat(c.conn.openPath()).hasValue(4);
        c.advance(10 * INITIAL_PTO); // 4 fails validation and is abandoned
        c.advance(10 * INITIAL_PTO); // ... and freed
        // Every ID is spent now: nothing is reused.
        assertThat(c.conn.openPath()).isEmpty();
        for (long id = 1; id <= 4; id++) {
            assertThat(c.state(id)).isEqualTo(PathState.CLOSED);
        }
    }

    @Test
    @Tag("MP-3.4-9")
    @Tag("MP-4-4")
    @DisplayName("MP-4-4 frames naming an abandoned (closing) path ID are ignored silently")
    void framesForClosingPathIgnored() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.conn.abandonPath(1, NO_ERROR);
        c.drain();
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(0, new Frame.PathStatusAvailable(1, 100));
        c.recv(0, new Frame.PathStatusBackup(1, 101));
        c.recv(0, Fx.pathNewCid(1, 5, 0));
        c.recv(0, new Frame.PathRetireConnectionId(1, 0));
        c.recv(0, new Frame.PathCidsBlocked(1, 0));
        c.recv(1, new Frame.PathChallenge(42));
        c.assertOpen();
        assertThat(c.conn.snapshot()).isEqualTo(before);
        assertThat(c.ignored()).hasSize(6).allMatch(e -> e.requirement().equals("MP-4-4") && e.pathId() == 1);
    }

    @Test
    @Tag("MP-3.4-9")
    @Tag("MP-4-4")
    @DisplayName("MP-4-4 frames naming a freed path ID are ignored silently, PATH_ACK and PATH_ABANDON included")
    void framesForFreedPathIgnored() {
        Fx.Conn c = newClient();
        OutgoingPacket challenge = c.openValidated(1);
        c.conn.abandonPath(1, NO_ERROR);
        c.advance(10 * INITIAL_PTO);
        assertThat(c.state(1)).isEqualTo(PathState.CLOSED);
        c.drain();
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(0, Fx.pathAck(1, 0, challenge.packetNumber()));
        c.recv(0, new Frame.PathAbandon(1, NO_ERROR));
        c.recv(0, new Frame.PathStatusAvailable(1, 0));
        c.recv(0, Fx.pathNewCid(1, 9, 0));
        c.recv(0, new Frame.PathRetireConnectionId(1, 0));
        c.recv(0, new Frame.PathCidsBlocked(1, 0));
        c.conn.receive(PacketContext.oneRtt(1, 3), List.of(new Frame.PathResponse(0)));
        c.assertOpen();
        assertThat(c.conn.snapshot()).isEqualTo(before);
        assertThat(c.ignored()).hasSize(6).allMatch(e -> e.requirement().equals("MP-4-4"));
        assertThat(c.drain()).isEmpty();
    }

    @Test
    @Tag("MP-3.4-9")
    @DisplayName("MP-3.4-9 a packet on an abandoned path ID does not reopen it")
    void packetDoesNotReopen() {
        Fx.Conn s = newServer();
        s.peerCid(1, 0);
        s.recv(0, new Frame.PathAbandon(1, NO_ERROR));
        s.recv(1, new Frame.Ping());
        assertThat(s.state(1)).isEqualTo(PathState.CLOSING);
        s.advance(10 * INITIAL_PTO);
        s.recv(1, new Frame.Ping());
        assertThat(s.state(1)).isEqualTo(PathState.CLOSED);
        s.assertOpen();
    }

    // ---- MP-3.4-10 ----

    @Test
    @Tag("MP-3.4-10")
    @DisplayName("MP-3.4-10 the peer abandons the last open path: the connection closes after the grace "
            + "period (one PTO by default), not before")
    void lastPathClosesAfterGrace() {
        Fx.Conn c = newClient();
        c.tick(1_000);
        c.recv(0, new Frame.PathAbandon(0, NO_ERROR));
        assertThat(c.conn.snapshot().lastPathDeadline()).isEqualTo(1_000 + INITIAL_PTO);
        c.tick(1_000 + INITIAL_PTO - 1);
        c.assertOpen();
        c.tick(1_000 + INITIAL_PTO);
        c.assertClosedWith(NO_ERROR);
        assertThat(c.conn.closeReason().orElseThrow().byPeer()).isFalse();
    }

    @Test
    @Tag("MP-3.4-10")
    @DisplayName("MP-3.4-10 with a grace of 0 the connection closes at once when the last path is abandoned")
    void lastPathZeroGrace() {
        Fx.Conn s = Fx.conn(Fx.server().lastPathGraceMicros(0));
        s.peerOpensValidated(1);
        s.recv(0, new Frame.PathAbandon(0, NO_ERROR));
        s.assertOpen();
        s.recv(1, new Frame.PathAbandon(1, NO_ERROR));
        s.assertClosedWith(NO_ERROR);
    }

    @Test
    @Tag("MP-3.4-10")
    @DisplayName("MP-3.4-10 a client MAY open a new path within the grace period: then nothing closes")
    void newPathWithinGrace() {
        Fx.Conn c = newClient();
        c.peerCid(1, 0);
        c.recv(0, new Frame.PathAbandon(0, NO_ERROR));
        assertThat(c.conn.openPath()).hasValue(1);
        c.advance(INITIAL_PTO / 2);
        OutgoingPacket challenge = Fx.packetWith(c.drain(), 1, Frame.PathChallenge.class);
        c.recv(1, new Frame.PathResponse(Fx.first(challenge.frames(), Frame.PathChallenge.class).data()));
        c.advance(5 * INITIAL_PTO);
        c.assertOpen();
        assertThat(c.state(1)).isEqualTo(PathState.VALIDATED);
        assertThat(c.conn.snapshot().lastPathDeadline()).isEqualTo(-1);
    }

    @Test
    @Tag("MP-3.4-8")
    @DisplayName("MP-3.4-8 abandoning our own last path ends the connection only 3 PTO after the unanswered "
            + "PATH_ABANDON")
    void ownLastPath() {
        Fx.Conn c = newClient();
        c.conn.abandonPath(0, NO_ERROR);
        assertThat(frames(c.drain(), Frame.PathAbandon.class)).hasSize(1);
        c.advance(3 * INITIAL_PTO - 1);
        assertThat(c.conn.isClosed()).isFalse();
        c.advance(1);
        c.assertClosedWith(NO_ERROR);
    }

    // ---- MP-3.4.3-3 ----

    @Test
    @Tag("MP-3.4.3-3")
    @DisplayName("MP-3.4.3-3 when a path's state is deleted, its unacknowledged packets are reported lost in "
            + "PathFreed, acknowledged ones are not")
    void unackedPacketsReportedLost() {
        Fx.Conn s = newServer();
        s.peerCid(1, 0);
        s.drain();
        s.conn.receive(PacketContext.oneRtt(1, 0), List.of(new Frame.Ping()));
        OutgoingPacket first = Fx.packetWith(s.drain(), 1, Frame.PathChallenge.class); // challenge + ack
        s.conn.receive(PacketContext.oneRtt(1, 1), List.of(new Frame.Ping()));
        OutgoingPacket second = Fx.packetWith(s.drain(), 1, Frame.PathAck.class);
        s.conn.receive(PacketContext.oneRtt(1, 2), List.of(new Frame.Ping()));
        OutgoingPacket third = Fx.packetWith(s.drain(), 1, Frame.PathAck.class);
        assertThat(List.of(first.packetNumber(), second.packetNumber(), third.packetNumber()))
                .containsExactly(0L, 1L, 2L);
        s.recv(0, Fx.pathAck(1, 1, 1)); // only the second is acknowledged
        s.recv(0, new Frame.PathAbandon(1, NO_ERROR));
        s.advance(10 * INITIAL_PTO);
        List<ConnectionEvent.PathFreed> freed = s.events(ConnectionEvent.PathFreed.class);
        assertThat(freed).singleElement().satisfies(e -> {
            assertThat(e.pathId()).isEqualTo(1);
            assertThat(e.lost()).extracting(SentPacket::packetNumber).containsExactly(0L, 2L);
            assertThat(e.lost()).allMatch(p -> p.pathId() == 1);
        });
        assertThat(s.path(1).packetsInFlight()).isZero();
    }

    @Test
    @Tag("MP-3.4.3-3")
    @DisplayName("MP-3.4.3-3 control frames lost with a freed path are sent again on another path")
    void lostControlFramesReinjected() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.drain();
        c.conn.setLocalStatus(1, PathStatus.BACKUP); // travels on path 0
        OutgoingPacket carried = Fx.packetWith(c.drain(), 0, Frame.PathStatusBackup.class);
        c.conn.abandonPath(0, NO_ERROR);
        c.drain();
        c.advance(10 * INITIAL_PTO);
        ConnectionEvent.PathFreed freed = c.events(ConnectionEvent.PathFreed.class).get(0);
        assertThat(freed.pathId()).isZero();
        assertThat(freed.lost()).extracting(SentPacket::packetNumber).contains(carried.packetNumber());
        List<OutgoingPacket> out = c.drain();
        assertThat(framesOn(out, 1, Frame.PathStatusBackup.class)).containsExactly(new Frame.PathStatusBackup(1, 0));
        assertThat(c.path(1).localStatus()).isEqualTo(new StatusRecord(PathStatus.BACKUP, 0));
    }

    @Test
    @Tag("MP-3.4.3-3")
    @Tag("MP-3.2-1")
    @DisplayName("MP-3.4.3-3 frames still waiting on a path when it is freed (never sent) go out on another path "
            + "instead of being dropped: our CID announcements are not lost")
    void unsentFramesOfFreedPathMove() {
        Fx.Conn s = newServer();
        // The CIDs announced at start for paths other than 0 (path 0's own become moot when it is freed).
        List<Frame.PathNewConnectionId> announced = frames(List.of(new OutgoingPacket(0, 0,
                s.conn.snapshot().queued().get(0L))), Frame.PathNewConnectionId.class).stream()
                .filter(f -> f.pathId() != 0).toList();
        assertThat(announced).isNotEmpty();
        s.recv(1, new Frame.Ping()); // the client uses path 1; we hold no CID of it for path 1 yet
        s.recv(0, new Frame.PathAbandon(0, NO_ERROR)); // our answer waits on path 0, the only one we can address
        s.recv(1, Fx.pathNewCid(1, 0, 0)); // now path 1 is addressable, and we validate it (MP-3.1-4)
        Frame.PathChallenge challenge = s.conn.snapshot().queued().get(1L).stream()
                .filter(Frame.PathChallenge.class::isInstance).map(Frame.PathChallenge.class::cast)
                .findFirst().orElseThrow();
        s.recv(1, new Frame.PathResponse(challenge.data())); // the client answers before we drained anything
        s.advance(10 * INITIAL_PTO); // path 0 is freed before anything was drained
        assertThat(s.state(0)).isEqualTo(PathState.CLOSED);
        List<OutgoingPacket> out = s.drain();
        assertThat(framesOn(out, 1, Frame.PathNewConnectionId.class)).containsAll(announced);
        assertThat(framesOn(out, 1, Frame.PathAbandon.class)).contains(new Frame.PathAbandon(0, NO_ERROR));
        s.assertOpen();
    }

    @Test
    @Tag("MP-3.4.3-3")
    @Tag("MP-3.2-1")
    @DisplayName("MP-3.4.3-3 unsent frames of a freed path wait while no path can carry them, and leave on the "
            + "first path that can")
    void unsentFramesWaitForAPath() {
        Fx.Conn s = newServer();
        List<Frame.PathNewConnectionId> announced = frames(List.of(new OutgoingPacket(0, 0,
                s.conn.snapshot().queued().get(0L))), Frame.PathNewConnectionId.class).stream()
                .filter(f -> f.pathId() != 0).toList();
        s.recv(1, new Frame.Ping()); // path 1 in use, but not addressable
        s.recv(0, new Frame.PathAbandon(0, NO_ERROR));
        s.advance(10 * INITIAL_PTO); // path 0 freed; nothing can carry anything now
        assertThat(s.state(0)).isEqualTo(PathState.CLOSED);
        assertThat(s.drain()).isEmpty();
        s.recv(1, Fx.pathNewCid(1, 0, 0));
        List<OutgoingPacket> out = s.drain();
        assertThat(framesOn(out, 1, Frame.PathNewConnectionId.class)).containsAll(announced);
        assertThat(framesOn(out, 1, Frame.PathAbandon.class)).contains(new Frame.PathAbandon(0, NO_ERROR));
        assertThat(s.drain()).isEmpty();
        s.assertOpen();
    }

    // ---- the peer abandons a path we are validating ----

    @Test
    @Tag("MP-3.4-5")
    @DisplayName("MP-3.4-5 PATH_ABANDON for a path we are validating stops the validation; a late "
            + "PATH_RESPONSE does not revive it")
    void abandonDuringValidation() {
        Fx.Conn c = newClient();
        c.peerCid(1, 0);
        c.drain();
        assertThat(c.conn.openPath()).hasValue(1);
        long data = Fx.first(Fx.packetWith(c.drain(), 1, Frame.PathChallenge.class).frames(),
                Frame.PathChallenge.class).data();
        c.recv(0, new Frame.PathAbandon(1, NO_ERROR));
        c.recv(1, new Frame.PathResponse(data));
        assertThat(c.state(1)).isEqualTo(PathState.CLOSING);
        assertThat(c.ignored()).extracting(ConnectionEvent.FrameIgnored::frame).contains(FrameType.PATH_RESPONSE);
        c.advance(10 * INITIAL_PTO);
        assertThat(c.state(1)).isEqualTo(PathState.CLOSED);
        assertThat(c.events(ConnectionEvent.PathValidationFailed.class)).isEmpty();
        c.assertOpen();
    }

    @Test
    @Tag("MP-4-2")
    @DisplayName("PATH_ABANDON in a Handshake packet is still a PROTOCOL_VIOLATION (no abandonment)")
    void abandonInHandshakeRejected() {
        Fx.Conn c = newClient();
        c.recv(PacketType.HANDSHAKE, 0, new Frame.PathAbandon(0, NO_ERROR));
        c.assertClosedWith(Fx.PROTOCOL_VIOLATION);
        assertThat(c.state(0)).isEqualTo(PathState.VALIDATED);
    }
}
