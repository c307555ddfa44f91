package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.frames;
import static io.mpqc.ref.conn.Fx.newClient;
import static io.mpqc.ref.conn.Fx.newServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.path.StatusRecord;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PATH_STATUS_AVAILABLE / PATH_STATUS_BACKUP, received and sent (draft-21 §3.3, §4.3). */
class PathStatusTest {

    // ---- MP-4.3-4: the receiver's sequence number rule, and the seed note's bug ----

    @Test
    @Tag("MP-4.3-4")
    @DisplayName("MP-4.3-4 seed-note bug: a status frame with an EQUAL sequence number is ignored "
            + "(the seed's `seq_num < status_seq_num` check would apply it)")
    void seedNoteBugEqualSequenceNumberIsIgnored() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.recv(0, new Frame.PathStatusAvailable(1, 5));
        assertThat(c.path(1).peerStatus()).isEqualTo(new StatusRecord(PathStatus.AVAILABLE, 5));
        ConnectionSnapshot before = c.conn.snapshot();

        // Same type, same number: the seed note's check (reject only when seq < stored) would re-apply it.
        c.recv(0, new Frame.PathStatusAvailable(1, 5));
        // Other type, same number: the seed's check would flip the path to standby.
        c.recv(0, new Frame.PathStatusBackup(1, 5));

        assertThat(c.conn.snapshot()).isEqualTo(before);
        assertThat(c.path(1).peerStatus()).isEqualTo(new StatusRecord(PathStatus.AVAILABLE, 5));
        assertThat(c.state(1)).isEqualTo(PathState.ACTIVE);
        assertThat(c.ignored()).hasSize(2).allSatisfy(e -> {
            assertThat(e.requirement()).isEqualTo("MP-4.3-4");
            assertThat(e.pathId()).isEqualTo(1);
        });
        assertThat(c.ignored()).extracting(ConnectionEvent.FrameIgnored::frame)
                .containsExactly(FrameType.PATH_STATUS_AVAILABLE, FrameType.PATH_STATUS_BACKUP);
        c.assertOpen();
    }

    @Test
    @Tag("MP-4.3-4")
    @DisplayName("MP-4.3-4 a lower sequence number is ignored, with either frame type")
    void lowerSequenceNumberIgnored() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.recv(0, new Frame.PathStatusBackup(1, 10));
        assertThat(c.state(1)).isEqualTo(PathState.STANDBY);
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(0, new Frame.PathStatusAvailable(1, 9));
        c.recv(0, new Frame.PathStatusBackup(1, 0));
        c.recv(1, new Frame.PathStatusAvailable(1, 3));
        assertThat(c.conn.snapshot()).isEqualTo(before);
        assertThat(c.ignored()).hasSize(3).allMatch(e -> e.requirement().equals("MP-4.3-4"));
        assertThat(c.events(ConnectionEvent.PeerStatusChanged.class)).hasSize(1);
        c.assertOpen();
    }

    @Test
    @Tag("MP-4.3-4")
    @DisplayName("MP-4.3-4 the first status frame of a path is applied whatever its number (0 included); "
            + "a higher number is applied and becomes the new bar")
    void firstAndHigherApplied() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.recv(0, new Frame.PathStatusBackup(1, 0));
        assertThat(c.path(1).peerStatus()).isEqualTo(new StatusRecord(PathStatus.BACKUP, 0));
        assertThat(c.state(1)).isEqualTo(PathState.STANDBY);
        c.recv(0, new Frame.PathStatusAvailable(1, 1));
        assertThat(c.state(1)).isEqualTo(PathState.ACTIVE);
        c.recv(0, new Frame.PathStatusBackup(1, 1_000_000));
        assertThat(c.state(1)).isEqualTo(PathState.STANDBY);
        c.recv(0, new Frame.PathStatusAvailable(1, 999_999));
        assertThat(c.state(1)).isEqualTo(PathState.STANDBY);
        assertThat(c.path(1).peerStatus().sequence()).isEqualTo(1_000_000);
        assertThat(c.events(ConnectionEvent.PeerStatusChanged.class))
                .extracting(ConnectionEvent.PeerStatusChanged::sequence).containsExactly(0L, 1L, 1_000_000L);
    }

    @Test
    @Tag("MP-4.3-4")
    @DisplayName("MP-4.3-4 draft-06 (PATH_STANDBY/PATH_AVAILABLE) also ignores the equal number")
    void draft06IgnoresEqual() {
        Fx.Conn c = Fx.conn(Fx.client().dialect(Dialect.DRAFT_06));
        c.recv(0, new Frame.PathStatusAvailable(0, 3));
        c.recv(0, new Frame.PathStatusBackup(0, 3));
        c.recv(0, new Frame.PathStatusBackup(0, 2));
        assertThat(c.path(0).peerStatus()).isEqualTo(new StatusRecord(PathStatus.AVAILABLE, 3));
        assertThat(c.ignored()).hasSize(2).allMatch(e -> e.requirement().equals("MP-4.3-4"));
        c.recv(0, new Frame.PathStatusBackup(0, 4));
        assertThat(c.path(0).peerStatus()).isEqualTo(new StatusRecord(PathStatus.BACKUP, 4));
    }

    // ---- MP-4.3-5 ----

    @Test
    @Tag("MP-4.3-5")
    @DisplayName("MP-4.3-5 sequence numbers are compared per path ID: the same or a lower number on "
            + "another path is applied")
    void perPathComparison() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.openValidated(2);
        c.recv(0, new Frame.PathStatusBackup(1, 5));
        c.recv(0, new Frame.PathStatusBackup(2, 5));
        c.recv(0, new Frame.PathStatusBackup(0, 3));
        assertThat(c.path(1).peerStatus()).isEqualTo(new StatusRecord(PathStatus.BACKUP, 5));
        assertThat(c.path(2).peerStatus()).isEqualTo(new StatusRecord(PathStatus.BACKUP, 5));
        assertThat(c.path(0).peerStatus()).isEqualTo(new StatusRecord(PathStatus.BACKUP, 3));
        assertThat(c.ignored()).isEmpty();
        // And the bar of path 1 is untouched by the others.
        c.recv(0, new Frame.PathStatusAvailable(1, 4));
        assertThat(c.path(1).peerStatus().status()).isEqualTo(PathStatus.BACKUP);
    }

    // ---- MP-4.3-2 ----

    @Test
    @Tag("MP-4.3-2")
    @DisplayName("MP-4.3-2 a status frame may name an unused path ID up to the limit: no close, remembered "
            + "and applied once the path is validated")
    void statusForUnusedPathIdRemembered() {
        Fx.Conn c = newClient();
        c.recv(0, new Frame.PathStatusAvailable(3, 0));
        c.recv(0, new Frame.PathStatusBackup(4, 0));
        c.assertOpen();
        assertThat(c.state(3)).isEqualTo(PathState.UNUSED);
        assertThat(c.path(3).peerStatus()).isEqualTo(new StatusRecord(PathStatus.AVAILABLE, 0));
        // Path 1 and 2 get no CIDs: openPath picks 3, the first with CIDs of the peer.
        c.openValidated(3);
        assertThat(c.state(3)).isEqualTo(PathState.ACTIVE);
    }

    // ---- MP-4.3-7 ----

    @Test
    @Tag("MP-4.3-7")
    @DisplayName("MP-4.3-7 a status frame in the same packet as PATH_NEW_CONNECTION_ID for that path is accepted")
    void statusWithNewConnectionId() {
        Fx.Conn c = newClient();
        c.recv(0, Fx.pathNewCid(2, 0, 0), new Frame.PathStatusBackup(2, 0));
        c.assertOpen();
        assertThat(c.path(2).peerCids()).hasSize(1);
        assertThat(c.path(2).peerStatus()).isEqualTo(new StatusRecord(PathStatus.BACKUP, 0));
    }

    @Test
    @Tag("MP-4.3-7")
    @DisplayName("MP-4.3-7 a status frame in the same packet as the PATH_RESPONSE validating the path is "
            + "accepted, before or after it")
    void statusWithPathResponse() {
        for (boolean statusFirst : new boolean[] {true, false}) {
            Fx.Conn c = newClient();
            c.peerCid(1, 0);
            c.drain();
            assertThat(c.conn.openPath()).hasValue(1);
            long data = Fx.first(Fx.packetWith(c.drain(), 1, Frame.PathChallenge.class).frames(),
                    Frame.PathChallenge.class).data();
            Frame status = new Frame.PathStatusBackup(1, 0);
            Frame response = new Frame.PathResponse(data);
            c.recv(1, statusFirst ? status : response, statusFirst ? response : status);
            c.assertOpen();
            assertThat(c.state(1)).as("status first: %s", statusFirst).isEqualTo(PathState.STANDBY);
        }
    }

    // ---- MP-3.3-1 ----

    @Test
    @Tag("MP-3.3-1")
    @DisplayName("MP-3.3-1 status frames are advisory: BACKUP for the only path or for every path closes "
            + "nothing, and the peer's status does not change ours")
    void statusIsAdvisory() {
        Fx.Conn c = newClient();
        c.recv(0, new Frame.PathStatusBackup(0, 0));
        c.assertOpen();
        assertThat(c.state(0)).isEqualTo(PathState.STANDBY);
        c.openValidated(1);
        c.recv(0, new Frame.PathStatusBackup(1, 0));
        c.advance(10 * Fx.INITIAL_PTO);
        c.assertOpen();
        assertThat(c.state(0)).isEqualTo(PathState.STANDBY);
        assertThat(c.state(1)).isEqualTo(PathState.STANDBY);
        assertThat(c.path(0).localStatus()).isEqualTo(StatusRecord.NONE);
        assertThat(c.path(1).localStatus()).isEqualTo(StatusRecord.NONE);
        assertThat(c.events(ConnectionEvent.PathAbandoned.class)).isEmpty();
        // And ours does not change theirs.
        c.conn.setLocalStatus(1, PathStatus.AVAILABLE);
        assertThat(c.path(1).peerStatus().status()).isEqualTo(PathStatus.BACKUP);
        assertThat(c.state(1)).isEqualTo(PathState.STANDBY);
    }

    @Test
    @Tag("MP-3.3-1")
    @DisplayName("MP-3.3-1 a server takes status frames as well, for paths in any open state")
    void serverSide() {
        Fx.Conn s = newServer();
        s.peerOpensValidated(1);
        s.recv(1, new Frame.PathStatusAvailable(1, 0), new Frame.PathStatusBackup(0, 0));
        assertThat(s.state(1)).isEqualTo(PathState.ACTIVE);
        assertThat(s.state(0)).isEqualTo(PathState.STANDBY);
        s.assertOpen();
    }

    // ---- MP-4.3-3: the sender side ----

    @Test
    @Tag("MP-4.3-3")
    @DisplayName("MP-4.3-3 our status sequence numbers strictly increase per path ID, shared by both frame "
            + "types, independent between paths")
    void senderSequencePerPath() {
        Fx.Conn c = newClient();
        c.openValidated(1);
        c.drain();
        assertThat(c.conn.setLocalStatus(1, PathStatus.BACKUP)).isEqualTo(0);
        assertThat(c.conn.setLocalStatus(1, PathStatus.AVAILABLE)).isEqualTo(1);
        assertThat(c.conn.setLocalStatus(1, PathStatus.AVAILABLE)).isEqualTo(2);
        assertThat(c.conn.setLocalStatus(0, PathStatus.BACKUP)).isEqualTo(0);
        assertThat(c.conn.setLocalStatus(3, PathStatus.BACKUP)).isEqualTo(0);
        assertThat(c.conn.setLocalStatus(1, PathStatus.BACKUP)).isEqualTo(3);
        List<OutgoingPacket> out = c.drain();
        List<Long> path1 = new java.util.ArrayList<>();
        for (Frame f : out.stream().flatMap(p -> p.frames().stream()).toList()) {
            if (f instanceof Frame.PathStatusAvailable a && a.pathId() == 1) {
                path1.add(a.sequence());
            } else if (f instanceof Frame.PathStatusBackup b && b.pathId() == 1) {
                path1.add(b.sequence());
            }
        }
        assertThat(path1).containsExactly(0L, 1L, 2L, 3L);
        assertThat(frames(out, Frame.PathStatusBackup.class)).extracting(Frame.PathStatusBackup::pathId)
                .containsExactly(1L, 0L, 3L, 1L);
        assertThat(c.path(1).localStatus()).isEqualTo(new StatusRecord(PathStatus.BACKUP, 3));
    }

    @Test
    @Tag("MP-4.3-3")
    @DisplayName("MP-4.3-3 draft-06 senders number status frames across the whole connection")
    void draft06ConnectionWideCounter() {
        Fx.Conn c = Fx.conn(Fx.client().dialect(Dialect.DRAFT_06));
        assertThat(c.conn.setLocalStatus(0, PathStatus.BACKUP)).isEqualTo(0);
        assertThat(c.conn.setLocalStatus(1, PathStatus.AVAILABLE)).isEqualTo(1);
        assertThat(c.conn.setLocalStatus(0, PathStatus.AVAILABLE)).isEqualTo(2);
        assertThat(c.conn.setLocalStatus(2, PathStatus.BACKUP)).isEqualTo(3);
        List<OutgoingPacket> out = c.drain();
        assertThat(frames(out, Frame.PathStatusBackup.class)).extracting(Frame.PathStatusBackup::sequence)
                .containsExactly(0L, 3L);
        assertThat(frames(out, Frame.PathStatusAvailable.class)).extracting(Frame.PathStatusAvailable::sequence)
                .containsExactly(1L, 2L);
    }
}
