package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.MAX_PATH_ID;
import static io.mpqc.ref.conn.Fx.PROTOCOL_VIOLATION;
import static io.mpqc.ref.conn.Fx.TWO_POW_32;
import static io.mpqc.ref.conn.Fx.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.path.PathView;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Path ID limits: initial_max_path_id, MAX_PATH_ID, PATHS_BLOCKED, PATH_CIDS_BLOCKED (draft-21 §4, §4.6, §4.7). */
class PathLimitTest {

    static Stream<Arguments> pathIdAboveLimit() {
        List<Arguments> out = new ArrayList<>();
        for (FrameType t : Fx.PATH_CARRYING_TYPES) {
            for (long id : new long[] {5, MAX_PATH_ID, TWO_POW_32, (1L << 62) - 1}) {
                out.add(Arguments.of(t, id));
            }
        }
        return out.stream();
    }

    static Stream<FrameType> pathCarryingTypes() {
        return Fx.PATH_CARRYING_TYPES.stream();
    }

    @ParameterizedTest(name = "{0} naming path {1}")
    @MethodSource("pathIdAboveLimit")
    @Tag("MP-4-3")
    @DisplayName("MP-4-3 a multipath frame naming a path ID above our maximum (4) closes with PROTOCOL_VIOLATION, "
            + "values above 2^32-1 included (a state error, not an encoding error)")
    void aboveLimit(FrameType type, long pathId) {
        Fx.Conn c = Fx.newClient();
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(0, Fx.withPathId(type, pathId));
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("MP-4-3");
        assertThat(c.conn.closeReason().orElseThrow().frameType()).isEqualTo(Fx.codepoint(type));
        assertThat(Fx.withoutClose(c.conn.snapshot())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathCarryingTypes")
    @Tag("MP-4-3")
    @DisplayName("MP-4-3 a multipath frame naming exactly our maximum path ID is accepted")
    void equalToLimit(FrameType type) {
        Fx.Conn c = Fx.newClient();
        c.recv(0, Fx.withPathId(type, 4));
        c.assertOpen();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathCarryingTypes")
    @Tag("MP-4-3")
    @DisplayName("MP-4-3 after raiseMaxPathId(8) the limit is 8: 8 is accepted, 9 closes")
    void afterRaise(FrameType type) {
        for (long id : new long[] {8, 9}) {
            // The peer raises its limit too, so that we hold CIDs for path 8 (PATH_RETIRE_CONNECTION_ID).
            Fx.Conn c = Fx.conn(Fx.client().provisionedPaths(16));
            c.recv(0, new Frame.MaxPathId(8));
            c.conn.raiseMaxPathId(8);
            assertThat(c.conn.snapshot().localMaxPathId()).isEqualTo(8);
            c.recv(0, Fx.withPathId(type, id));
            if (id == 8) {
                c.assertOpen();
            } else {
                c.assertClosedWith(PROTOCOL_VIOLATION);
            }
        }
    }

    @Test
    @Tag("MP-4-3")
    @DisplayName("MP-4-3 the limit checked is the one we advertised, not the peer's (digest §3.3 policy)")
    void ownLimitNotPeers() {
        Fx.Conn c = Fx.conn(Fx.client().localMaxPathId(6).peerMaxPathId(2));
        c.recv(0, new Frame.PathStatusAvailable(6, 0));
        c.recv(0, Fx.pathNewCid(5, 0, 0));
        c.assertOpen();
        c.recv(0, new Frame.PathStatusAvailable(7, 0));
        c.assertClosedWith(PROTOCOL_VIOLATION);

        Fx.Conn d = Fx.conn(Fx.client().localMaxPathId(2).peerMaxPathId(6));
        d.recv(0, new Frame.PathStatusAvailable(3, 0));
        d.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("MP-4-3")
    @DisplayName("MP-4-3 a MAX_PATH_ID received from the peer does not raise the limit we check")
    void receivedMaxPathIdDoesNotRaiseOurs() {
        Fx.Conn c = Fx.newClient();
        c.recv(0, new Frame.MaxPathId(10));
        c.recv(0, new Frame.PathStatusBackup(5, 0));
        c.assertClosedWith(PROTOCOL_VIOLATION);
    }

    // ---- MP-4.6-* ----

    @ParameterizedTest(name = "MAX_PATH_ID {0}")
    @ValueSource(longs = {TWO_POW_32, TWO_POW_32 + 1, (1L << 62) - 1})
    @Tag("MP-4.6-2")
    @Tag("MP-4.6-4")
    @DisplayName("MP-4.6-2 / MP-4.6-4 MAX_PATH_ID above 2^32-1 closes with PROTOCOL_VIOLATION")
    void maxPathIdTooLarge(long value) {
        Fx.Conn c = Fx.newServer();
        c.recv(0, new Frame.MaxPathId(value));
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("MP-4.6-2");
    }

    @Test
    @Tag("MP-4.6-2")
    @DisplayName("MP-4.6-2 MAX_PATH_ID 2^32-1 is the largest valid value")
    void maxPathIdLargestValid() {
        Fx.Conn c = Fx.newServer();
        c.recv(0, new Frame.MaxPathId(MAX_PATH_ID));
        c.assertOpen();
        assertThat(c.conn.snapshot().peerMaxPathId()).isEqualTo(MAX_PATH_ID);
        // Provisioning stays bounded by our own limit and the cap.
        assertThat(c.conn.snapshot().paths()).hasSizeLessThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "peer TP {0}, MAX_PATH_ID {1}")
    @MethodSource("belowTp")
    @Tag("MP-4.6-3")
    @Tag("MP-4.6-4")
    @DisplayName("MP-4.6-3 / MP-4.6-4 MAX_PATH_ID below the sender's own initial_max_path_id closes with "
            + "PROTOCOL_VIOLATION")
    void maxPathIdBelowTp(long tp, long value) {
        Fx.Conn c = Fx.conn(Fx.client().peerMaxPathId(tp));
        c.recv(0, new Frame.MaxPathId(value));
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("MP-4.6-3");
    }

    static Stream<Arguments> belowTp() {
        return Stream.of(Arguments.of(4L, 3L), Arguments.of(4L, 0L), Arguments.of(1L, 0L));
    }

    @Test
    @Tag("MP-4.6-3")
    @DisplayName("MP-4.6-3 a MAX_PATH_ID lower than an earlier one but not below the TP is not an error "
            + "(reordering)")
    void decreasingButNotBelowTp() {
        Fx.Conn c = Fx.newClient();
        c.recv(0, new Frame.MaxPathId(9));
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(0, new Frame.MaxPathId(6));
        c.recv(0, new Frame.MaxPathId(4));
        c.assertOpen();
        assertThat(c.conn.snapshot()).isEqualTo(before);
    }

    @Test
    @Tag("MP-4.6-5")
    @DisplayName("MP-4.6-5 a MAX_PATH_ID that does not raise the limit is ignored (equal to the TP, equal to "
            + "or below the last one)")
    void notRaisingIgnored() {
        Fx.Conn c = Fx.newClient();
        ConnectionSnapshot start = c.conn.snapshot();
        c.recv(0, new Frame.MaxPathId(4));
        assertThat(c.conn.snapshot()).isEqualTo(start);
        c.recv(0, new Frame.MaxPathId(7));
        assertThat(c.conn.snapshot().peerMaxPathId()).isEqualTo(7);
        ConnectionSnapshot raised = c.conn.snapshot();
        c.recv(0, new Frame.MaxPathId(7));
        c.recv(0, new Frame.MaxPathId(5));
        assertThat(c.conn.snapshot()).isEqualTo(raised);
        assertThat(c.ignored()).hasSize(3).allMatch(e -> e.requirement().equals("MP-4.6-5"));
        assertThat(c.events(ConnectionEvent.MaxPathIdChanged.class)).singleElement()
                .isEqualTo(new ConnectionEvent.MaxPathIdChanged(false, 7));
        c.assertOpen();
    }

    // ---- MP-3.2.1-5 ----

    @Test
    @Tag("MP-3.2.1-5")
    @DisplayName("MP-3.2.1-5 we never issue CIDs for path IDs above the peer's limit; a raise by MAX_PATH_ID "
            + "lets us issue more")
    void noCidsAbovePeerLimit() {
        Fx.Conn c = Fx.conn(Fx.client().localMaxPathId(6).peerMaxPathId(2));
        List<OutgoingPacket> start = c.drain();
        assertThat(frames(start, Frame.PathNewConnectionId.class)).extracting(Frame.PathNewConnectionId::pathId)
                .allMatch(id -> id <= 2).contains(0L, 1L, 2L);
        assertThat(c.conn.snapshot().paths()).extracting(PathView::pathId).allMatch(id -> id <= 2);
        assertThatThrownBy(() -> c.conn.issueConnectionIds(3, 1)).isInstanceOf(CommandRejectedException.class);
        c.recv(0, new Frame.MaxPathId(3));
        assertThat(frames(c.drain(), Frame.PathNewConnectionId.class)).extracting(Frame.PathNewConnectionId::pathId)
                .containsOnly(3L).hasSize(2);
    }

    @Test
    @Tag("MP-3.2.1-5")
    @DisplayName("MP-3.2.1-5 PATH_NEW_CONNECTION_ID from the peer for a path ID above our limit closes with "
            + "PROTOCOL_VIOLATION")
    void peerCidAboveOurLimit() {
        Fx.Conn c = Fx.conn(Fx.server().localMaxPathId(2));
        c.recv(0, Fx.pathNewCid(2, 0, 0));
        c.assertOpen();
        c.recv(0, Fx.pathNewCid(3, 0, 0));
        c.assertClosedWith(PROTOCOL_VIOLATION);
    }

    // ---- MP-4.7-* ----

    @Test
    @Tag("MP-4.7-2")
    @DisplayName("MP-4.7-2 PATHS_BLOCKED at our limit is informational, below it is ignored: no close")
    void pathsBlockedInformational() {
        Fx.Conn s = Fx.newServer();
        ConnectionSnapshot start = s.conn.snapshot();
        s.recv(0, new Frame.PathsBlocked(4));
        s.recv(0, new Frame.PathsBlocked(2));
        s.recv(0, new Frame.PathsBlocked(0));
        s.assertOpen();
        assertThat(s.conn.snapshot()).isEqualTo(start);
        assertThat(s.events(ConnectionEvent.PeerPathsBlocked.class)).singleElement()
                .extracting(ConnectionEvent.PeerPathsBlocked::maximum).isEqualTo(4L);
        assertThat(s.ignored()).hasSize(2).allMatch(e -> e.requirement().equals("MP-4.7-2"));
    }

    @Test
    @Tag("MP-4.7-2")
    @DisplayName("MP-4.7-2 PATH_CIDS_BLOCKED within the rules is no error; at our next sequence number it is "
            + "answered with a new CID while the peer's limit allows")
    void pathCidsBlockedInformational() {
        Fx.Conn s = Fx.newServer();
        s.drain();
        // We issued sequence 0 and 1 for path 2: next is 2.
        assertThat(s.path(2).nextLocalCidSequence()).isEqualTo(2);
        s.recv(0, new Frame.PathCidsBlocked(2, 1));
        s.assertOpen();
        assertThat(s.drain()).isEmpty();
        s.recv(0, new Frame.PathCidsBlocked(2, 2));
        s.assertOpen();
        assertThat(frames(s.drain(), Frame.PathNewConnectionId.class)).singleElement()
                .satisfies(f -> assertThat(f.pathId()).isEqualTo(2))
                .satisfies(f -> assertThat(f.sequence()).isEqualTo(2));
        assertThat(s.events(ConnectionEvent.PeerCidsBlocked.class)).hasSize(2);
    }

    @Test
    @Tag("MP-4.7-2")
    @DisplayName("MP-4.7-2 PATH_CIDS_BLOCKED never makes us exceed the peer's active_connection_id_limit")
    void pathCidsBlockedRespectsLimit() {
        Fx.Conn s = Fx.conn(Fx.server().peerActiveCidLimit(2));
        s.drain();
        assertThat(s.path(1).localCids()).hasSize(2);
        s.recv(0, new Frame.PathCidsBlocked(1, 2));
        s.assertOpen();
        assertThat(s.path(1).localCids()).hasSize(2);
        assertThat(frames(s.drain(), Frame.PathNewConnectionId.class)).isEmpty();
    }

    @ParameterizedTest(name = "PATHS_BLOCKED {0}")
    @ValueSource(longs = {5, MAX_PATH_ID, TWO_POW_32})
    @Tag("MP-4.7-3")
    @DisplayName("MP-4.7-3 PATHS_BLOCKED above our maximum path ID closes with PROTOCOL_VIOLATION")
    void pathsBlockedAboveLimit(long value) {
        Fx.Conn s = Fx.newServer();
        s.recv(0, new Frame.PathsBlocked(value));
        s.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(s.conn.closeReason().orElseThrow().reason()).startsWith("MP-4.7-3");
    }

    @ParameterizedTest(name = "PATH_CIDS_BLOCKED for path {0}")
    @ValueSource(longs = {5, MAX_PATH_ID, TWO_POW_32})
    @Tag("MP-4.7-3")
    @DisplayName("MP-4.7-3 PATH_CIDS_BLOCKED naming a path ID above our maximum closes with PROTOCOL_VIOLATION")
    void pathCidsBlockedAboveLimit(long pathId) {
        Fx.Conn s = Fx.newServer();
        s.recv(0, new Frame.PathCidsBlocked(pathId, 0));
        s.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("MP-4.7-3")
    @DisplayName("MP-4.7-3 after raiseMaxPathId PATHS_BLOCKED may name the new maximum")
    void pathsBlockedAfterRaise() {
        Fx.Conn s = Fx.newServer();
        s.conn.raiseMaxPathId(6);
        s.recv(0, new Frame.PathsBlocked(6));
        s.assertOpen();
        s.recv(0, new Frame.PathsBlocked(7));
        s.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("MP-4.7-4")
    @DisplayName("MP-4.7-4 PATH_CIDS_BLOCKED whose Next Sequence Number is above the one we would issue next "
            + "closes with PROTOCOL_VIOLATION (boundary: next OK, next+1 not)")
    void pathCidsBlockedSequenceTooHigh() {
        Fx.Conn ok = Fx.newServer();
        long next = ok.path(3).nextLocalCidSequence();
        ok.recv(0, new Frame.PathCidsBlocked(3, next));
        ok.assertOpen();

        Fx.Conn bad = Fx.newServer();
        bad.recv(0, new Frame.PathCidsBlocked(3, next + 1));
        bad.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(bad.conn.closeReason().orElseThrow().reason()).startsWith("MP-4.7-4");
    }

    @Test
    @Tag("MP-4.7-4")
    @DisplayName("MP-4.7-4 for a path ID we issued nothing for, only Next Sequence Number 0 is valid")
    void pathCidsBlockedUnprovisionedPath() {
        Fx.Conn ok = Fx.conn(Fx.server().provisionedPaths(2));
        assertThat(ok.path(4)).isNull();
        ok.recv(0, new Frame.PathCidsBlocked(4, 0));
        ok.assertOpen();
        Fx.Conn bad = Fx.conn(Fx.server().provisionedPaths(2));
        bad.recv(0, new Frame.PathCidsBlocked(4, 1));
        bad.assertClosedWith(PROTOCOL_VIOLATION);
    }

    // ---- openPath when blocked (MP-3.2.1-6, MP-3.2.2-3) ----

    @Test
    @Tag("MP-3.2.1-6")
    @DisplayName("MP-3.2.1-6 openPath at the peer's limit sends PATHS_BLOCKED with that limit")
    void openPathSendsPathsBlocked() {
        Fx.Conn c = Fx.conn(Fx.client().peerMaxPathId(1).localMaxPathId(4));
        c.openValidated(1);
        assertThat(c.conn.openPath()).isEmpty();
        assertThat(frames(c.drain(), Frame.PathsBlocked.class)).containsExactly(new Frame.PathsBlocked(1));
        assertThat(c.events(ConnectionEvent.LimitReached.class)).hasSize(1);
    }

    @Test
    @Tag("MP-3.2.1-6")
    @DisplayName("MP-3.2.1-6 openPath at our own limit sends no PATHS_BLOCKED (we would raise MAX_PATH_ID)")
    void openPathAtOwnLimit() {
        Fx.Conn c = Fx.conn(Fx.client().peerMaxPathId(4).localMaxPathId(1));
        c.openValidated(1);
        assertThat(c.conn.openPath()).isEmpty();
        assertThat(frames(c.drain(), Frame.PathsBlocked.class)).isEmpty();
        assertThat(c.events(ConnectionEvent.LimitReached.class)).singleElement()
                .extracting(ConnectionEvent.LimitReached::what).asString().contains("our maximum");
    }

    @Test
    @Tag("MP-3.2.2-3")
    @DisplayName("MP-3.2.2-3 openPath without a CID of the peer for the next path ID sends PATH_CIDS_BLOCKED "
            + "naming the lowest such path and the next sequence number expected")
    void openPathSendsPathCidsBlocked() {
        Fx.Conn c = Fx.newClient();
        c.drain();
        assertThat(c.conn.openPath()).isEmpty();
        assertThat(frames(c.drain(), Frame.PathCidsBlocked.class)).containsExactly(new Frame.PathCidsBlocked(1, 0));
        // Path 1 gets used, path 3 gets CIDs (Retire Prior To 2 leaves sequence 2): the lowest path ID left
        // without a CID of the peer is 2, and the peer has not issued any for it yet.
        c.openValidated(1);
        c.peerCid(3, 0);
        c.peerCid(3, 1);
        c.recv(0, Fx.pathNewCid(3, 2, 2));
        assertThat(c.conn.openPath()).hasValue(3);
        assertThat(c.conn.openPath()).isEmpty();
        assertThat(frames(c.drain(), Frame.PathCidsBlocked.class)).containsExactly(new Frame.PathCidsBlocked(2, 0));
    }
}
