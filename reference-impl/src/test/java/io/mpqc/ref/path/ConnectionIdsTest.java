package io.mpqc.ref.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.Bytes;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The per-path connection ID sets of both sides and the connection-wide value index. */
class ConnectionIdsTest {

    private static ConnectionIdEntry entry(long path, long seq) {
        return new ConnectionIdEntry(path, seq, Bytes.of((byte) path, (byte) seq, (byte) 1, (byte) 2), Bytes.of(new byte[16]));
    }

    @Test
    @Tag("MP-3.2-1")
    @DisplayName("MP-3.2-1 local IDs are numbered from 0 per path; retiring does not reuse numbers")
    void localSequence() {
        LocalConnectionIds ids = new LocalConnectionIds();
        assertThat(ids.nextSequence()).isZero();
        assertThat(ids.highestIssued()).isEqualTo(-1);
        ids.issue(entry(1, 0));
        ids.issue(entry(1, 1));
        assertThat(ids.retire(0)).isEqualTo(entry(1, 0));
        assertThat(ids.retire(0)).isNull();
        assertThat(ids.nextSequence()).isEqualTo(2);
        assertThat(ids.highestIssued()).isEqualTo(1);
        assertThat(ids.activeCount()).isEqualTo(1);
        assertThat(ids.clear()).containsExactly(entry(1, 1));
        assertThat(ids.nextSequence()).as("numbers are never reused").isEqualTo(2);
    }

    @Test
    @Tag("MP-4.4-8")
    @DisplayName("MP-4.4-8 peer IDs: Retire Prior To removes lower numbers only and never goes down")
    void peerRetirePriorTo() {
        PeerConnectionIds ids = new PeerConnectionIds();
        for (long s = 0; s < 4; s++) {
            ids.add(entry(2, s));
        }
        assertThat(ids.countBelow(2)).isEqualTo(2);
        assertThat(ids.retireBelow(2)).containsExactly(entry(2, 0), entry(2, 1));
        assertThat(ids.retirePriorTo()).isEqualTo(2);
        assertThat(ids.retireBelow(1)).isEmpty();
        assertThat(ids.retirePriorTo()).isEqualTo(2);
        assertThat(ids.first()).isEqualTo(entry(2, 2));
        assertThat(ids.nextExpected()).isEqualTo(4);
        assertThat(ids.clear()).hasSize(2);
        assertThat(ids.first()).isNull();
        assertThat(ids.nextExpected()).isEqualTo(4);
    }

    @Test
    @Tag("MP-3.2.1-4")
    @DisplayName("MP-3.2.1-4 the path table indexes CID values across paths and forgets retired ones")
    void tableIndex() {
        PathTable t = new PathTable(4, 4, 333_000);
        Path p1 = t.getOrCreate(1);
        Path p2 = t.getOrCreate(2);
        ConnectionIdEntry a = entry(1, 0);
        t.addPeerCid(p1, a);
        assertThat(t.peerCidOwner(a.connectionId())).isEqualTo(a);
        t.addLocalCid(p2, entry(2, 0));
        assertThat(t.isLocalCidInUse(entry(2, 0).connectionId())).isTrue();
        assertThat(t.localCidOwner(entry(2, 0).connectionId()).pathId()).isEqualTo(2);
        t.forgetPeerCids(List.of(a));
        assertThat(t.peerCidOwner(a.connectionId())).isNull();
        t.forgetLocalCid(entry(2, 0));
        assertThat(t.isLocalCidInUse(entry(2, 0).connectionId())).isFalse();
        t.forgetLocalCid(null);
    }

    @Test
    @DisplayName("the path table keeps limits and initial values apart, and views every path by ID")
    void tableLimits() {
        PathTable t = new PathTable(2, 3, 333_000);
        t.localMaxPathId(6);
        t.peerMaxPathId(9);
        assertThat(t.localInitialMaxPathId()).isEqualTo(2);
        assertThat(t.peerInitialMaxPathId()).isEqualTo(3);
        assertThat(t.localMaxPathId()).isEqualTo(6);
        assertThat(t.peerMaxPathId()).isEqualTo(9);
        t.getOrCreate(3);
        t.getOrCreate(0);
        assertThat(t.views()).extracting(PathView::pathId).containsExactly(0L, 3L);
        assertThat(t.open()).isEmpty();
        assertThat(t.get(7)).isNull();
    }
}
