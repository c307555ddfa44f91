package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.PROTOCOL_VIOLATION;
import static io.mpqc.ref.conn.Fx.frames;
import static io.mpqc.ref.conn.Fx.newClient;
import static io.mpqc.ref.conn.Fx.newServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ACK and PATH_ACK, packet number spaces per path (draft-21 §2.3, §4.1; RFC 9000 §12.3, §13.1). */
class AckTest {

    /** Sends {@code n} ack-eliciting packets on path 0 (status frames) and returns their packet numbers. */
    private static List<Long> sendOnPathZero(Fx.Conn c, int n) {
        List<Long> pns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.conn.setLocalStatus(0, i % 2 == 0 ? PathStatus.BACKUP : PathStatus.AVAILABLE);
            for (OutgoingPacket p : c.drain()) {
                assertThat(p.pathId()).isZero();
                pns.add(p.packetNumber());
            }
        }
        return pns;
    }

    // ---- MP-4.1-3 ----

    @Test
    @Tag("MP-4.1-3")
    @DisplayName("MP-4.1-3 PATH_ACK of packets we sent is accepted and removes them from flight")
    void ackOfSentPackets() {
        Fx.Conn c = newClient();
        List<Long> pns = sendOnPathZero(c, 4);
        assertThat(pns).containsExactly(0L, 1L, 2L, 3L);
        assertThat(c.path(0).packetsInFlight()).isEqualTo(4);
        c.recv(0, Fx.pathAck(0, 1, 2));
        assertThat(c.path(0).packetsInFlight()).isEqualTo(2);
        c.recv(0, new Frame.PathAck(0, 3, 0, 0, AckRanges.of(1, 0), null)); // 3 and 0
        assertThat(c.path(0).packetsInFlight()).isZero();
        // Acknowledging again is harmless.
        c.recv(0, Fx.pathAck(0, 0, 3));
        c.assertOpen();
    }

    @Test
    @Tag("MP-4.1-3")
    @Tag("Q-13.1-1")
    @DisplayName("MP-4.1-3 PATH_ACK of a packet number never sent in that path's space closes with "
            + "PROTOCOL_VIOLATION")
    void ackOfNeverSent() {
        Fx.Conn c = newClient();
        List<Long> pns = sendOnPathZero(c, 2);
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(0, Fx.pathAck(0, 0, pns.get(1) + 1));
        c.assertClosedWith(PROTOCOL_VIOLATION);
        assertThat(c.conn.closeReason().orElseThrow().reason()).startsWith("MP-4.1-3");
        assertThat(Fx.withoutClose(c.conn.snapshot())).isEqualTo(before);
    }

    @Test
    @Tag("MP-4.1-3")
    @DisplayName("MP-4.1-3 the spaces are separate: a packet number sent on path 0 but not on path 1 cannot be "
            + "acknowledged for path 1")
    void spacesAreSeparate() {
        Fx.Conn c = newClient();
        OutgoingPacket challenge = c.openValidated(1); // path 1: packet 0 only
        assertThat(challenge.packetNumber()).isZero();
        sendOnPathZero(c, 3); // path 0: several
        c.recv(0, Fx.pathAck(1, 0, 0));
        c.assertOpen();
        c.recv(0, Fx.pathAck(1, 0, 2));
        c.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("MP-4.1-3")
    @DisplayName("MP-4.1-3 policy (digest §6): PATH_ACK for a path ID up to the limit that never carried a "
            + "packet of ours is ignored")
    void ackForUnusedPathIgnored() {
        Fx.Conn c = newClient();
        ConnectionSnapshot before = c.conn.snapshot();
        c.recv(0, Fx.pathAck(3, 0, 10));
        c.assertOpen();
        assertThat(c.conn.snapshot()).isEqualTo(before);
        assertThat(c.ignored()).singleElement().extracting(ConnectionEvent.FrameIgnored::requirement)
                .isEqualTo("MP-4-4");
    }

    // ---- MP-4.1-4 ----

    @Test
    @Tag("MP-4.1-4")
    @DisplayName("MP-4.1-4 PATH_ACK names the space by its Path Identifier and may arrive on any path")
    void ackOnAnyPath() {
        Fx.Conn c = newClient();
        OutgoingPacket onOne = c.openValidated(1);
        List<Long> pns = sendOnPathZero(c, 1);
        // Path 1's packet acknowledged on path 0, path 0's packet on path 1.
        c.recv(0, Fx.pathAck(1, onOne.packetNumber(), onOne.packetNumber()));
        c.recv(1, Fx.pathAck(0, 0, pns.get(0))); // with packet 0, the CIDs sent at start
        assertThat(c.path(1).packetsInFlight()).isZero();
        assertThat(c.path(0).packetsInFlight()).isZero();
        // With ECN counts too.
        long next = sendOnPathZero(c, 1).get(0);
        c.recv(1, new Frame.PathAck(0, next, 0, 0, AckRanges.NONE, new EcnCounts(1, 0, 0)));
        assertThat(c.path(0).packetsInFlight()).isZero();
        c.assertOpen();
    }

    @Test
    @Tag("MP-4.1-4")
    @DisplayName("MP-4.1-4 PATH_ACK is not ack-eliciting: a packet holding only PATH_ACK is not acknowledged")
    void pathAckNotAckEliciting() {
        Fx.Conn c = newClient();
        List<Long> pns = sendOnPathZero(c, 1);
        c.conn.receive(PacketContext.oneRtt(0, 0), List.of(Fx.pathAck(0, pns.get(0), pns.get(0))));
        assertThat(c.drain()).isEmpty();
        // An ack-eliciting one later is acknowledged, ranges included.
        c.conn.receive(PacketContext.oneRtt(0, 1), List.of(new Frame.Ping()));
        List<Frame.PathAck> acks = frames(c.drain(), Frame.PathAck.class);
        assertThat(acks).singleElement().satisfies(a -> {
            assertThat(a.pathId()).isZero();
            assertThat(a.largest()).isEqualTo(1);
            assertThat(a.firstRange()).isEqualTo(1);
        });
    }

    // ---- MP-2.3-2 ----

    @Test
    @Tag("MP-2.3-2")
    @DisplayName("MP-2.3-2 an ACK frame in a 1-RTT packet acknowledges path 0's space, whatever path carries it")
    void ackInOneRttIsPathZero() {
        Fx.Conn c = newClient();
        OutgoingPacket onOne = c.openValidated(1);
        List<Long> pns = sendOnPathZero(c, 2);
        c.recv(1, Fx.ack(0, pns.get(1))); // from packet 0, the CIDs sent at start
        assertThat(c.path(0).packetsInFlight()).isZero();
        assertThat(c.path(1).packetsInFlight()).as("path 1's packet %s untouched", onOne.packetNumber())
                .isEqualTo(1);
        // An ACK naming a number never sent on path 0 is an error even if path 1 sent it.
        c.recv(0, Fx.ack(0, pns.get(1) + 1));
        c.assertClosedWith(PROTOCOL_VIOLATION);
    }

    @Test
    @Tag("MP-2.3-2")
    @DisplayName("MP-2.3-2 ACK frames are processed with and without multipath; in Initial and Handshake "
            + "packets they concern the handshake spaces, not path 0")
    void ackInHandshakeSpaces() {
        Fx.Conn c = newClient();
        sendOnPathZero(c, 1);
        c.recv(PacketType.INITIAL, 0, Fx.ack(0, 50));
        c.recv(PacketType.HANDSHAKE, 0, Fx.ack(0, 50));
        c.assertOpen();
        assertThat(c.path(0).packetsInFlight()).isEqualTo(1);

        Fx.Conn single = Fx.conn(Fx.client().withoutMultipath());
        single.conn.issueConnectionIds(0, 1);
        OutgoingPacket p = single.drain().get(0);
        single.recv(0, Fx.ack(p.packetNumber(), p.packetNumber()));
        single.assertOpen();
        assertThat(single.path(0).packetsInFlight()).isZero();
    }

    // ---- Q-12.3-1 ----

    @Test
    @Tag("Q-12.3-1")
    @DisplayName("Q-12.3-1 packet numbers grow by one per path and are never reused; each path has its own "
            + "space starting at 0")
    void packetNumbersPerPath() {
        Fx.Conn s = newServer();
        s.peerOpensValidated(1);
        s.peerOpensValidated(2);
        Map<Long, List<Long>> byPath = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            long path = i % 3;
            s.conn.receive(PacketContext.oneRtt(path, i), List.of(new Frame.Ping()));
            if (i % 4 == 0) {
                s.conn.setLocalStatus(path, PathStatus.AVAILABLE);
            }
            for (OutgoingPacket p : s.drain()) {
                byPath.computeIfAbsent(p.pathId(), k -> new ArrayList<>()).add(p.packetNumber());
            }
        }
        assertThat(byPath.keySet()).contains(0L, 1L, 2L);
        for (Map.Entry<Long, List<Long>> e : byPath.entrySet()) {
            List<Long> pns = e.getValue();
            // Path 1 and 2 started with the PATH_CHALLENGE (packet 0) drained by peerOpensValidated.
            long first = e.getKey() == 0 ? pns.get(0) : 1;
            for (int i = 0; i < pns.size(); i++) {
                assertThat(pns.get(i)).as("path %s packet %s", e.getKey(), i).isEqualTo(first + i);
            }
            assertThat(s.path(e.getKey()).nextPacketNumber()).isEqualTo(first + pns.size());
        }
    }
}
