package io.mpqc.ref.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinkTest {
    private static Link link(long bps, long delay, long queue, LossModel loss, List<Outage> outages) {
        return new Link(new LinkSpec(bps, delay, queue, loss), loss.start(new SplittableRandom(1)), outages);
    }

    @Test
    void aPacketArrivesAfterItsSerialisationAndThePropagationDelay() {
        Link l = link(10_000_000, 10_000, 100_000, LossModel.none(), List.of());
        // 1200 + 28 bytes at 10 Mbit/s = 982.4 us, rounded up to the microsecond.
        assertThat(l.transmit(0, 1200)).isEqualTo(983 + 10_000);
        // Back to back: the second waits for the first to leave the transmitter.
        assertThat(l.transmit(0, 1200)).isEqualTo(1965 + 10_000);
    }

    @Test
    void aFullBufferDropsTheTail() {
        Link l = link(1_000_000, 0, 3 * 1228, LossModel.none(), List.of());
        assertThat(l.transmit(0, 1200)).isPositive();
        assertThat(l.transmit(0, 1200)).isPositive();
        assertThat(l.transmit(0, 1200)).isPositive();
        assertThat(l.transmit(0, 1200)).isEqualTo(-1);
        assertThat(l.queueDrops).isEqualTo(1);
        // Once the first has left, there is room again.
        assertThat(l.transmit(9_900, 1200)).isPositive();
    }

    @Test
    void anOutageBlackHolesWhatEntersOrWouldArriveDuringIt() {
        Link l = link(10_000_000, 10_000, 100_000, LossModel.none(), List.of(new Outage(20_000, 40_000)));
        assertThat(l.transmit(5_000, 1200)).isPositive();
        assertThat(l.transmit(15_000, 1200)).isEqualTo(-1); // would arrive at ~26 ms
        assertThat(l.transmit(25_000, 1200)).isEqualTo(-1); // sent during the outage
        assertThat(l.transmit(40_000, 1200)).isPositive();
        assertThat(l.outageDrops).isEqualTo(2);
    }

    @Test
    void randomAndBurstLossDropAboutTheirMeanRate() {
        for (LossModel m : List.of(LossModel.random(0.05), LossModel.burst(0.01, 0.25, 0.8))) {
            Link l = link(1_000_000_000, 0, 1 << 30, m, List.of());
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                l.transmit(i * 100L, 100);
            }
            assertThat((double) l.randomDrops / n).as("%s", m).isBetween(m.meanLoss() * 0.8, m.meanLoss() * 1.2);
        }
    }
}
