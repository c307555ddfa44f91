package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.CONNECTION_ID_LIMIT_ERROR;
import static io.mpqc.ref.conn.Fx.PROTOCOL_VIOLATION;
import static io.mpqc.ref.conn.Fx.frames;
import static io.mpqc.ref.conn.Fx.newClient;
import static io.mpqc.ref.conn.Fx.newServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.PathState;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Connection IDs per path: issuing, receiving, retiring (draft-21 §3.2, §4.4, §4.5; RFC 9000 §19.15-16). */
class ConnectionIdTest {

    private static List<Long> seqs(List<ConnectionIdEntry> entries) {
        return entries.stream().map(ConnectionIdEntry::sequence).toList();
    }

    // ---- MP-3.2-1 / MP-4.4-3 ----

    @Test
    @Tag("MP-3.2-1")
    @DisplayName("MP-3.2-1 our CIDs for path IDs other than 0 go out in PATH_NEW_CONNECTION_ID, numbered per "
            + "path from 0; path 0 continues after the handshake CID (MP-3.2-2)")
    void issuedPerPathFromZero() {
        Fx.Conn c = newClient();
        List<OutgoingPacket> out = c.drain();
        assertThat(frames(out, Frame.NewConnectionId.class)).isEmpty();
        List<Frame.PathNewConnectionId> issued = frames(out, Frame.PathNewConnectionId.class);
        for (long id = 1; id <= 4; id++) {
            long path = id;
            assertThat(issued).filteredOn(f -> f.pathId() == path).extracting(Frame.PathNewConnectionId::sequence)
                    .containsExactly(0L, 1L);
        }
        assertThat(issued).filteredOn(f -> f.pathId() == 0).extracting(Frame.PathNewConnectionId::sequence)
                .containsExactly(1L);
        assertThat(issued).allMatch(f -> f.retirePriorTo() == 0);
    }

    @Test
    @Tag("MP-3.2-1")
    @Tag("MP-4.4-3")
    @DisplayName("MP-4.4-3 the peer's sequence numbers are per path: sequence 0 on several paths is valid, and "
            + "the first CID of a new path has sequence 0")
    void sameSequenceOnDifferentPaths() {
        Fx.Conn c = newClient();
        for (long id = 1; id <= 4; id++) {
            c.peerCid(id, 0);
            c.peerCid(id, 1);
        }
        c.assertOpen();
        for (long id = 1; id <= 4; id++) {
            assertThat(seqs(c.path(id).peerCids())).containsExactly(0L, 1L);
        }
        assertThat(seqs(c.path(0).peerCids())).containsExactly(0L);
    }

    // ---- MP-2.2-1 / MP-4.4-7 ----

    @Test
    @Tag("MP-2.2-1")
    @Tag("MP-4.4-7")
    @DisplayName("MP-2.2-1 / MP-4.4-7 active_connection_id_limit (4) applies per path: 4 on each path is fine, "
            + "a 5th on one path closes with CONNECTION_ID_LIMIT_ERROR")
    void limitPerPath() {
        Fx.Conn c = newClient();
        for (long s = 1; s <= 3; s++) {
            c.peerCid(0, s); // path 0 already holds the handshake CID (sequence 0)
        }
        c.peerCids(1, 4);
        c.peerCids(2, 4);
        c.assertOpen();
        ConnectionSnapshot before = c.conn.snapshot();
        c.peerCid(2, 4);
        c.assertClosedWith(CONNECTION_ID_LIMIT_ERROR);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("MP-4.4-7");
        assertThat(Fx.withoutClose(c.conn.snapshot())).isEqualTo(before);
    }

    @Test
    @Tag("MP-4.4-7")
    @DisplayName("MP-4.4-7 the limit is checked after Retire Prior To is applied: a 5th CID that retires "
            + "older ones is fine")
    void limitAfterRetirePriorTo() {
        Fx.Conn c = newClient();
        c.peerCids(1, 4);
        c.recv(0, Fx.pathNewCid(1, 4, 1));
        c.assertOpen();
        assertThat(seqs(c.path(1).peerCids())).containsExactly(1L, 2L, 3L, 4L);
        c.recv(0, Fx.pathNewCid(1, 5, 1));
        c.assertClosedWith(CONNECTION_ID_LIMIT_ERROR);
    }

    @Test
    @Tag("MP-4.4-7")
    @DisplayName("MP-4.4-7 NEW_CONNECTION_ID counts against path 0's limit only")
    void newConnectionIdLimitPathZero() {
        Fx.Conn c = Fx.conn(Fx.client().localActiveCidLimit(2));
        c.peerCids(1, 2);
        c.recv(0, Fx.newCid(1, 0));
        c.assertOpen();
        c.recv(0, Fx.newCid(2, 0));
        c.assertClosedWith(CONNECTION_ID_LIMIT_ERROR);
    }

    @Test
    @Tag("MP-2.2-1")
    @DisplayName("MP-2.2-1 we issue at most the peer's active_connection_id_limit per path, on every path")
    void ourIssuingLimitPerPath() {
        Fx.Conn c = Fx.conn(Fx.client().peerActiveCidLimit(3));
        c.conn.issueConnectionIds(1, 1);
        c.conn.issueConnectionIds(2, 1);
        assertThat(c.path(1).localCids()).hasSize(3);
        assertThat(c.path(2).localCids()).hasSize(3);
        ConnectionSnapshot before = c.conn.snapshot();
        assertThatThrownBy(() -> c.conn.issueConnectionIds(1, 1)).isInstanceOf(CommandRejectedException.class);
        assertThat(c.conn.snapshot()).isEqualTo(before);
    }

    // ---- MP-3.2-3 / MP-4.4-5 / MP-4.5-2 ----

    @Test
    @Tag("MP-3.2-3")
    @Tag("MP-4.4-5")
    @DisplayName("MP-3.2-3 / MP-4.4-5 NEW_CONNECTION_ID issues a CID for path 0 only; its Retire Prior To "
            + "retires path-0 CIDs only")
    void newConnectionIdIsPathZero() {
        Fx.Conn c = newClient();
        c.peerCids(1, 2);
        c.recv(0, Fx.newCid(1, 0));
        assertThat(seqs(c.path(0).peerCids())).containsExactly(0L, 1L);
        assertThat(seqs(c.path(1).peerCids())).containsExactly(0L, 1L);
        c.drain();
        c.recv(0, Fx.newCid(2, 2));
        assertThat(seqs(c.path(0).peerCids())).containsExactly(2L);
        assertThat(seqs(c.path(1).peerCids())).containsExactly(0L, 1L);
        // Retirements of path-0 CIDs go out as PATH_RETIRE_CONNECTION_ID for path 0 (MP-3.2-2).
        assertThat(frames(c.drain(), Frame.PathRetireConnectionId.class))
                .containsExactly(new Frame.PathRetireConnectionId(0, 0), new Frame.PathRetireConnectionId(0, 1));
        c.assertOpen();
    }

    @Test
    @Tag("MP-3.2-3")
    @Tag("MP-4.5-2")
    @DisplayName("MP-4.5-2 RETIRE_CONNECTION_ID retires only path-0 CIDs; the handshake CID is path 0, sequence 0")
    void retireConnectionIdIsPathZero() {
        Fx.Conn c = newClient();
        assertThat(seqs(c.path(0).localCids())).containsExactly(0L, 1L);
        assertThat(seqs(c.path(1).localCids())).containsExactly(0L, 1L);
        c.recv(0, new Frame.RetireConnectionId(1));
        assertThat(seqs(c.path(0).localCids())).contains(0L).doesNotContain(1L);
        assertThat(seqs(c.path(1).localCids())).containsExactly(0L, 1L);
        c.recv(0, new Frame.PathRetireConnectionId(0, 0));
        assertThat(seqs(c.path(0).localCids())).doesNotContain(0L);
        assertThat(c.events(ConnectionEvent.ConnectionIdRetired.class)).filteredOn(ConnectionEvent.ConnectionIdRetired::ours)
                .extracting(e -> e.entry().connectionId()).contains(c.conn.config().localInitialCid());
        c.assertOpen();
    }

    @Test
    @Tag("MP-4.5-2")
    @DisplayName("MP-4.5-2 RETIRE_CONNECTION_ID of the handshake CID and PATH_RETIRE_CONNECTION_ID(0, 0) are the "
            + "same retirement: the second is a harmless repeat")
    void handshakeCidRetiredTwice() {
        Fx.Conn c = newClient();
        c.recv(0, new Frame.RetireConnectionId(0));
        c.recv(0, new Frame.PathRetireConnectionId(0, 0));
        c.assertOpen();
        assertThat(c.ignored()).singleElement().extracting(ConnectionEvent.FrameIgnored::requirement)
                .isEqualTo("Q-19.16-1");
    }

    // ---- MP-3.2.1-3 ----

    @Test
    @Tag("MP-3.2.1-3")
    @DisplayName("MP-3.2.1-3 the peer issues CIDs for path 2 before path 1: accepted, and openPath uses path 2")
    void peerIssuesOutOfOrder() {
        Fx.Conn c = newClient();
        c.peerCid(2, 0);
        c.peerCid(4, 0);
        c.assertOpen();
        c.openValidated(2);
        c.openValidated(4);
        assertThat(c.state(1)).isEqualTo(PathState.UNUSED);
        assertThat(c.state(3)).isEqualTo(PathState.UNUSED);
    }

    @Test
    @Tag("MP-3.2.1-3")
    @DisplayName("MP-3.2.1-3 the client uses path 3 first, then path 1: the server accepts both")
    void peerUsesPathIdsOutOfOrder() {
        Fx.Conn s = newServer();
        s.peerOpensValidated(3);
        s.peerOpensValidated(1);
        s.assertOpen();
        assertThat(s.state(2)).isEqualTo(PathState.UNUSED);
        assertThat(s.state(3)).isEqualTo(PathState.VALIDATED);
    }

    // ---- MP-3.2.1-4 ----

    @Test
    @Tag("MP-3.2.1-4")
    @DisplayName("MP-3.2.1-4 the peer issuing a CID value it already issued for another path closes with "
            + "PROTOCOL_VIOLATION")
    void cidValueReusedAcrossPaths() {
        Fx.Conn c = newClient();
        Frame.PathNewConnectionId first = Fx.pathNewCid(1, 0, 0);
        c.recv(0, first);
        c.recv(0, new Frame.PathNewConnectionId(2, 0, 0, first.connectionId(), Fx.token(Fx.freshCid())));
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("MP-3.2.1-4");
    }

    @Test
    @Tag("MP-3.2.1-4")
    @DisplayName("MP-3.2.1-4 the handshake CID of the peer is taken as well: reissuing it on path 1 closes")
    void handshakeCidValueReused() {
        Fx.Conn c = newClient();
        Bytes handshake = c.conn.config().peerInitialCid();
        c.recv(0, new Frame.PathNewConnectionId(1, 0, 0, handshake, Fx.token(handshake)));
        c.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("MP-3.2.1-4")
    @DisplayName("MP-3.2.1-4 our CID values are unique across all paths of the connection")
    void ourCidValuesUnique() {
        Fx.Conn c = Fx.conn(Fx.client().localMaxPathId(8).peerMaxPathId(8).provisionedPaths(9).cidsPerPath(4));
        Set<Bytes> values = new HashSet<>();
        values.add(c.conn.config().localInitialCid());
        for (Frame.PathNewConnectionId f : frames(c.drain(), Frame.PathNewConnectionId.class)) {
            assertThat(values.add(f.connectionId())).as("unique %s", f.connectionId()).isTrue();
        }
        assertThat(values).hasSize(1 + 3 + 8 * 4);
    }

    // ---- Q-19.15-3 / MP-4.4-9 ----

    @Test
    @Tag("MP-4.4-9")
    @DisplayName("MP-4.4-9 an exact repeat of PATH_NEW_CONNECTION_ID or NEW_CONNECTION_ID is not an error and "
            + "changes nothing")
    void exactDuplicate() {
        Fx.Conn c = newClient();
        Frame.PathNewConnectionId p = Fx.pathNewCid(1, 0, 0);
        Frame.NewConnectionId n = Fx.newCid(1, 0);
        c.recv(0, p);
        c.recv(0, n);
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(0, p);
        c.recv(0, n);
        c.recv(0, p, p, n);
        c.assertOpen();
        assertThat(c.conn.snapshot()).isEqualTo(before);
        assertThat(c.ignored()).hasSize(5).allMatch(e -> e.requirement().equals("MP-4.4-9"));
    }

    @Test
    @Tag("Q-19.15-3")
    @DisplayName("Q-19.15-3 a sequence number reused for a different CID closes with PROTOCOL_VIOLATION")
    void sequenceReusedForOtherCid() {
        Fx.Conn c = newClient();
        c.recv(0, Fx.pathNewCid(1, 0, 0));
        c.recv(0, Fx.pathNewCid(1, 0, 0));
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("Q-19.15-3");

        Fx.Conn d = newClient();
        d.recv(0, Fx.newCid(1, 0));
        d.recv(0, Fx.newCid(1, 0));
        d.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("Q-19.15-3")
    @DisplayName("Q-19.15-3 the same CID with a different reset token, or under another sequence number, "
            + "closes with PROTOCOL_VIOLATION")
    void sameCidOtherTokenOrSequence() {
        Fx.Conn c = newClient();
        Frame.NewConnectionId n = Fx.newCid(1, 0);
        c.recv(0, n);
        c.recv(0, new Frame.NewConnectionId(1, 0, n.connectionId(), Fx.token(Fx.freshCid())));
        c.assertClosedWith(PROTOCOL_VIOLATION);

        Fx.Conn d = newClient();
        Frame.NewConnectionId m = Fx.newCid(1, 0);
        d.recv(0, m);
        d.recv(0, new Frame.NewConnectionId(2, 0, m.connectionId(), m.resetToken()));
        d.assertClosedWith(PROTOCOL_VIOLATION);
    }

    // ---- MP-4.4-4 / MP-4.4-6 / MP-4.4-8 ----

    @Test
    @Tag("MP-4.4-4")
    @DisplayName("MP-4.4-4 Retire Prior To only retires CIDs of the frame's own path ID")
    void retirePriorToPerPath() {
        Fx.Conn c = newClient();
        c.peerCids(1, 2);
        c.peerCids(2, 2);
        c.drain();
        c.recv(0, Fx.pathNewCid(2, 2, 2));
        assertThat(seqs(c.path(2).peerCids())).containsExactly(2L);
        assertThat(c.path(2).peerRetirePriorTo()).isEqualTo(2);
        assertThat(seqs(c.path(1).peerCids())).containsExactly(0L, 1L);
        assertThat(c.path(1).peerRetirePriorTo()).isZero();
        assertThat(seqs(c.path(0).peerCids())).containsExactly(0L);
        assertThat(frames(c.drain(), Frame.PathRetireConnectionId.class))
                .containsExactly(new Frame.PathRetireConnectionId(2, 0), new Frame.PathRetireConnectionId(2, 1));
    }

    @Test
    @Tag("MP-4.4-6")
    @DisplayName("MP-4.4-6 Retire Prior To is tracked per path: a high value on path 1 does not affect "
            + "NEW_CONNECTION_ID (path 0) or path 2")
    void retirePriorToIndependent() {
        Fx.Conn c = newClient();
        c.recv(0, Fx.pathNewCid(1, 5, 5));
        c.recv(0, Fx.newCid(1, 0));
        c.recv(0, Fx.pathNewCid(2, 1, 0));
        c.assertOpen();
        assertThat(seqs(c.path(0).peerCids())).containsExactly(0L, 1L);
        assertThat(seqs(c.path(2).peerCids())).containsExactly(1L);
        assertThat(seqs(c.path(1).peerCids())).containsExactly(5L);
    }

    @Test
    @Tag("MP-4.4-8")
    @DisplayName("MP-4.4-8 a CID whose sequence number is below the path's Retire Prior To is retired at once "
            + "with PATH_RETIRE_CONNECTION_ID and never used")
    void belowRetirePriorToRetiredAtOnce() {
        Fx.Conn c = newClient();
        c.recv(0, Fx.pathNewCid(1, 5, 5));
        c.drain();
        c.recv(0, Fx.pathNewCid(1, 3, 0));
        c.assertOpen();
        assertThat(seqs(c.path(1).peerCids())).containsExactly(5L);
        assertThat(frames(c.drain(), Frame.PathRetireConnectionId.class))
                .containsExactly(new Frame.PathRetireConnectionId(1, 3));
        // Same for path 0 with NEW_CONNECTION_ID.
        c.recv(0, Fx.newCid(3, 3));
        c.drain();
        c.recv(0, Fx.newCid(2, 0));
        assertThat(seqs(c.path(0).peerCids())).containsExactly(3L);
        assertThat(frames(c.drain(), Frame.PathRetireConnectionId.class))
                .containsExactly(new Frame.PathRetireConnectionId(0, 2));
    }

    // ---- MP-4.5-3 / Q-19.16-1 ----

    @Test
    @Tag("MP-4.5-3")
    @Tag("Q-19.16-1")
    @DisplayName("MP-4.5-3 / Q-19.16-1 retiring a sequence number above any we issued on that path closes with "
            + "PROTOCOL_VIOLATION, though it was issued on another path")
    void retireUnissued() {
        Fx.Conn c = newClient();
        c.conn.issueConnectionIds(2, 1); // path 2 has 0, 1, 2; path 1 has 0, 1
        c.recv(0, new Frame.PathRetireConnectionId(2, 2));
        c.assertOpen();
        c.recv(0, new Frame.PathRetireConnectionId(1, 2));
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("MP-4.5-3");
    }

    @Test
    @Tag("Q-19.16-1")
    @DisplayName("Q-19.16-1 RETIRE_CONNECTION_ID above the highest path-0 sequence issued closes with "
            + "PROTOCOL_VIOLATION")
    void retireConnectionIdUnissued() {
        Fx.Conn c = newClient();
        long highest = c.path(0).nextLocalCidSequence() - 1;
        c.recv(0, new Frame.RetireConnectionId(highest + 1));
        c.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("MP-4.5-3")
    @DisplayName("MP-4.5-3 retiring on a path ID we issued nothing for closes with PROTOCOL_VIOLATION")
    void retireOnUnprovisionedPath() {
        Fx.Conn c = Fx.conn(Fx.client().provisionedPaths(2));
        assertThat(c.path(3)).isNull();
        c.recv(0, new Frame.PathRetireConnectionId(3, 0));
        c.assertClosedWith(PROTOCOL_VIOLATION);
    }

    // ---- MP-4.5-4 ----

    @Test
    @Tag("MP-4.5-4")
    @DisplayName("MP-4.5-4 retiring the CID the packet was sent to: PROTOCOL_VIOLATION when configured, "
            + "accepted by default (a MAY)")
    void retireOfCarryingCid() {
        Fx.Conn strict = Fx.conn(Fx.server().closeOnRetireOfCarryingCid(true));
        strict.peerOpensValidated(1);
        strict.conn.receive(new PacketContext(PacketType.ONE_RTT, 1, 5, 1, null),
                List.of(new Frame.PathRetireConnectionId(1, 0)));
        strict.assertOpen();
        strict.conn.receive(new PacketContext(PacketType.ONE_RTT, 1, 6, 1, null),
                List.of(new Frame.PathRetireConnectionId(1, 1)));
        strict.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(strict.conn.closeReason().orElseThrow().reason()).startsWith("MP-4.5-4");

        Fx.Conn lenient = newServer();
        lenient.peerOpensValidated(1);
        lenient.conn.receive(new PacketContext(PacketType.ONE_RTT, 1, 5, 1, null),
                List.of(new Frame.PathRetireConnectionId(1, 1)));
        lenient.assertOpen();
        assertThat(lenient.state(1)).isEqualTo(PathState.VALIDATED);
    }

    // ---- MP-4.5-5 / MP-3.2.2-4 ----

    @Test
    @Tag("MP-4.5-5")
    @Tag("MP-3.2.2-2")
    @DisplayName("MP-4.5-5 a retirement on an open or unused path asks for a replacement: we issue the next "
            + "sequence number")
    void retirementGetsReplacement() {
        Fx.Conn s = newServer();
        s.peerOpensValidated(1);
        s.drain();
        s.recv(1, new Frame.PathRetireConnectionId(1, 0), new Frame.PathRetireConnectionId(3, 1));
        List<Frame.PathNewConnectionId> issued = frames(s.drain(), Frame.PathNewConnectionId.class);
        assertThat(issued).extracting(f -> f.pathId() + ":" + f.sequence()).containsExactly("1:2", "3:2");
        assertThat(seqs(s.path(1).localCids())).containsExactly(1L, 2L);
    }

    @Test
    @Tag("MP-4.5-5")
    @DisplayName("MP-4.5-5 no replacement for a path we abandoned (the retirement is ignored)")
    void noReplacementForAbandonedPath() {
        Fx.Conn s = newServer();
        s.peerOpensValidated(1);
        s.conn.abandonPath(1, 0);
        s.drain();
        s.recv(0, new Frame.PathRetireConnectionId(1, 0));
        assertThat(frames(s.drain(), Frame.PathNewConnectionId.class)).isEmpty();
        s.assertOpen();
    }

    @Test
    @Tag("MP-3.2.2-4")
    @DisplayName("MP-3.2.2-4 retiring CIDs, ours or the peer's, never abandons the path or frees its state")
    void retiringDoesNotRetirePath() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.peerCid(1, 1);
        c.drain();
        // The peer retires both of our CIDs for path 1 ...
        c.recv(1, new Frame.PathRetireConnectionId(1, 0), new Frame.PathRetireConnectionId(1, 1));
        // ... and replaces its own with Retire Prior To.
        c.recv(1, Fx.pathNewCid(1, 2, 2));
        c.advance(10 * Fx.INITIAL_PTO);
        c.assertOpen();
        assertThat(c.state(1)).isEqualTo(PathState.VALIDATED);
        assertThat(c.path(1).abandonSent()).isFalse();
        assertThat(seqs(c.path(1).peerCids())).containsExactly(2L);
        assertThat(c.events(ConnectionEvent.PathAbandoned.class)).isEmpty();
    }

    @Test
    @Tag("MP-3.2.2-5")
    @DisplayName("MP-3.2.2-5 after the peer's CIDs of a path are retired by Retire Prior To, the path keeps "
            + "sending with a newer CID of the same path: its ACKs still go on it")
    void continuesWithSamePathsCid() {
        Fx.Conn s = newServer();
        s.peerOpensValidated(1);
        s.drain();
        s.recv(1, Fx.pathNewCid(1, 1, 1));
        s.conn.receive(PacketContext.oneRtt(1, 9), List.of(new Frame.Ping()));
        List<OutgoingPacket> out = s.drain();
        assertThat(Fx.framesOn(out, 1, Frame.PathAck.class)).extracting(Frame.PathAck::pathId).containsExactly(1L);
        assertThat(frames(out, Frame.PathRetireConnectionId.class))
                .containsExactly(new Frame.PathRetireConnectionId(1, 0));
    }

    @Test
    @Tag("MP-3.2-1")
    @Tag("MP-3.2.2-2")
    @DisplayName("MP-3.2-1 no CID is issued while no path can carry its announcement: the sequence numbers the "
            + "peer sees stay without gaps, and a later request gets the next one")
    void noSilentIssue() {
        Fx.Conn c = newClient();
        c.recv(1, new Frame.Ping()); // the server uses path 1: open, but we hold no CID of the peer for it
        c.drain();
        c.conn.abandonPath(0, 0); // the only path we can address
        c.drain();
        assertThat(c.path(2).nextLocalCidSequence()).isEqualTo(2);
        c.recv(1, new Frame.PathRetireConnectionId(2, 1));
        c.assertOpen();
        assertThat(c.path(2).nextLocalCidSequence()).as("nothing issued without a carrier").isEqualTo(2);
        assertThat(seqs(c.path(2).localCids())).containsExactly(0L);
        // A carrier appears (a CID of the peer for path 1); the peer asks for CIDs of path 2.
        c.recv(1, Fx.pathNewCid(1, 0, 0), new Frame.PathCidsBlocked(2, 2));
        List<Frame.PathNewConnectionId> issued = frames(c.drain(), Frame.PathNewConnectionId.class);
        assertThat(issued).filteredOn(f -> f.pathId() == 2).extracting(Frame.PathNewConnectionId::sequence)
                .containsExactly(2L);
    }

    // ---- MP-3.1-9: delayed PATH_RESPONSE, and the CIDs that release it ----

    @Test
    @Tag("MP-3.1-9")
    @DisplayName("MP-3.1-9 a PATH_CHALLENGE on a path we hold no CID of the peer for is answered once the peer "
            + "issues one, on that path")
    void delayedResponse() {
        Fx.Conn s = newServer();
        s.drain();
        s.recv(2, new Frame.PathChallenge(0x1122));
        s.assertOpen();
        assertThat(frames(s.drain(), Frame.PathResponse.class)).isEmpty();
        s.recv(0, Fx.pathNewCid(2, 0, 0));
        List<OutgoingPacket> out = s.drain();
        assertThat(Fx.framesOn(out, 2, Frame.PathResponse.class)).containsExactly(new Frame.PathResponse(0x1122));
        assertThat(frames(out, Frame.PathResponse.class)).hasSize(1);
    }
}
