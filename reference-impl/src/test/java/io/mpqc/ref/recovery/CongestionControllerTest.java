package io.mpqc.ref.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CongestionControllerTest {
    private static final int MDS = 1200;

    private static RttEstimator rtt(long micros) {
        RttEstimator r = new RttEstimator(333_000);
        r.onSample(micros, 0);
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"newreno", "cubic"})
    void startsWithTheRfc9002InitialWindowAndNothingInFlight(String name) {
        CongestionController cc = CongestionControllers.create(name, MDS);
        assertThat(cc.name()).isEqualTo(name);
        assertThat(cc.window()).isEqualTo(12_000); // min(10 * 1200, max(14720, 2400))
        assertThat(cc.bytesInFlight()).isZero();
        assertThat(cc.inSlowStart()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"newreno", "cubic"})
    void slowStartGrowsTheWindowByEachAcknowledgedByteWhileWindowLimited(String name) {
        CongestionController cc = CongestionControllers.create(name, MDS);
        for (int i = 0; i < 10; i++) {
            cc.onSent(MDS);
        }
        assertThat(cc.available()).isZero();
        cc.onAcked(0, MDS, 20_000, rtt(20_000));
        assertThat(cc.window()).isEqualTo(12_000 + MDS);
        assertThat(cc.bytesInFlight()).isEqualTo(9 * MDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"newreno", "cubic"})
    void anApplicationLimitedPathDoesNotGrowItsWindow(String name) {
        CongestionController cc = CongestionControllers.create(name, MDS);
        cc.onSent(MDS);
        cc.onAcked(0, MDS, 20_000, rtt(20_000));
        assertThat(cc.window()).isEqualTo(12_000);
    }

    @Test
    void newRenoHalvesOncePerRecoveryPeriodAndIgnoresAcksOfOlderPackets() {
        NewReno cc = new NewReno(MDS);
        for (int i = 0; i < 10; i++) {
            cc.onSent(MDS);
        }
        cc.onRemoved(MDS);
        cc.onCongestionEvent(1_000, 50_000);
        assertThat(cc.window()).isEqualTo(6_000);
        assertThat(cc.inSlowStart()).isFalse();
        cc.onCongestionEvent(2_000, 51_000); // sent before the recovery began: same event
        assertThat(cc.window()).isEqualTo(6_000);
        cc.onAcked(3_000, MDS, 60_000, rtt(20_000)); // sent before recovery: no growth
        assertThat(cc.window()).isEqualTo(6_000);
        cc.onCongestionEvent(55_000, 80_000); // a packet sent after the recovery began
        assertThat(cc.window()).isEqualTo(3_000);
    }

    @Test
    void newRenoNeverGoesBelowTheMinimumWindow() {
        NewReno cc = new NewReno(MDS);
        for (int i = 0; i < 10; i++) {
            cc.onCongestionEvent(i * 10_000 + 1, i * 10_000 + 5_000);
        }
        assertThat(cc.window()).isEqualTo(2 * MDS);
        cc.onPersistentCongestion();
        assertThat(cc.window()).isEqualTo(2 * MDS);
    }

    @Test
    void newRenoAddsOneDatagramPerWindowInCongestionAvoidance() {
        NewReno cc = new NewReno(MDS);
        cc.onCongestionEvent(1, 1); // window 6000, congestion avoidance
        long window = cc.window();
        while (cc.available() >= MDS) {
            cc.onSent(MDS);
        }
        // A window's worth of acknowledgements, the flight kept full: exactly one datagram more.
        for (long acked = 0, now = 10; acked < window; acked += MDS, now++) {
            assertThat(cc.window()).isEqualTo(window);
            cc.onAcked(now, MDS, now + 1, rtt(20_000));
            cc.onSent(MDS);
        }
        assertThat(cc.window()).isEqualTo(window + MDS);
    }

    @Test
    void cubicReducesByBetaAndRegrowsTowardsItsLastMaximum() {
        Cubic cc = new Cubic(MDS);
        RttEstimator r = rtt(20_000);
        // Grow in slow start to 40 datagrams, then lose.
        long now = 0;
        while (cc.window() < 40 * MDS) {
            while (cc.available() >= MDS) {
                cc.onSent(MDS);
            }
            cc.onAcked(now, MDS, now + 1, r);
            now += 10;
        }
        long before = cc.window();
        cc.onCongestionEvent(now, now + 1);
        assertThat(cc.window()).isEqualTo((long) (before * 0.7));
        // A few seconds of window-limited acknowledgements bring it back near (and past) the old maximum.
        long t = now + 10;
        for (int i = 0; i < 4000; i++) {
            while (cc.available() >= MDS) {
                cc.onSent(MDS);
            }
            cc.onAcked(t, MDS, t + 1, r);
            t += 1_000;
        }
        assertThat(cc.window()).isGreaterThan(before);
    }

    @Test
    void unknownControllersAreRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> CongestionControllers.create("bbr", MDS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newreno").hasMessageContaining("cubic");
    }
}
