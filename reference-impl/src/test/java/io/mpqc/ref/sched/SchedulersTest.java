package io.mpqc.ref.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulersTest {
    private static final int MSS = 1200;

    /** A usable path: id, srtt (µs), window and bytes in flight, weight. */
    private static PathSnapshot path(long id, long srtt, long window, long inFlight, double weight) {
        return new PathSnapshot(id, true, false, srtt, srtt / 10, srtt, window, inFlight, false, weight);
    }

    private static SchedulingContext ctx(long queued, long sendWindow, PathSnapshot... paths) {
        return new SchedulingContext(List.of(paths), MSS, queued, sendWindow, 0);
    }

    @Test
    void minRttTakesTheLowestRttPathWithRoom() {
        Scheduler s = new MinRttScheduler();
        assertThat(s.select(ctx(1 << 20, 1 << 24, path(0, 30_000, 12_000, 0, 0.5), path(1, 10_000, 12_000, 0, 0.5))))
                .isEqualTo(1);
        assertThat(s.select(ctx(1 << 20, 1 << 24, path(0, 30_000, 12_000, 0, 0.5),
                path(1, 10_000, 12_000, 12_000, 0.5)))).isEqualTo(0);
    }

    @Test
    void aggregateGoesRoundRobinOverPathsWithRoom() {
        Scheduler s = new AggregateScheduler();
        SchedulingContext c = ctx(1 << 20, 1 << 24, path(0, 30_000, 12_000, 0, 0.3), path(1, 10_000, 12_000, 0, 0.3),
                path(2, 20_000, 12_000, 12_000, 0.4));
        List<Long> picks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            picks.add(s.select(c));
        }
        assertThat(picks).containsExactly(0L, 1L, 0L, 1L);
    }

    @Test
    void weightedSharesPacketsByWeight() {
        Scheduler s = new WeightedScheduler();
        SchedulingContext c = ctx(1 << 20, 1 << 24, path(0, 30_000, 1 << 20, 0, 0.75), path(1, 10_000, 1 << 20, 0, 0.25));
        Map<Long, Integer> count = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            count.merge(s.select(c), 1, Integer::sum);
        }
        assertThat(count.get(0L)).isBetween(295, 305);
        assertThat(count.get(1L)).isBetween(95, 105);
    }

    @Test
    void blestWaitsForTheFastPathWhenTheSlowPathWouldBlockTheWindow() {
        Scheduler s = new BlestScheduler();
        PathSnapshot fastFull = path(0, 20_000, 12_000, 12_000, 0.5);
        PathSnapshot slow = path(1, 300_000, 120_000, 0, 0.5);
        // X = 1200 * (10 + (15 - 1) / 2) * 15 = 306 kB: a 200 kB send window cannot take it.
        assertThat(s.select(ctx(1 << 20, 200_000, fastFull, slow))).isEqualTo(Scheduler.NONE);
        assertThat(s.select(ctx(1 << 20, 16 << 20, fastFull, slow))).isEqualTo(1);
        assertThat(s.select(ctx(1 << 20, 200_000, path(0, 20_000, 12_000, 0, 0.5), slow))).isZero();
    }

    @Test
    void blestWaitsForTheFastPathWhenItCanSendEverythingQueuedBeforeASlowPacketArrives() {
        Scheduler s = new BlestScheduler();
        PathSnapshot fastFull = path(0, 20_000, 12_000, 12_000, 0.5);
        PathSnapshot slow = path(1, 300_000, 120_000, 0, 0.5);
        // X = 306 kB per slow RTT; the fast path's head start is 280 of those 300 ms, worth 285.6 kB.
        // A 16 MiB window never binds, so only the queue can hold the slow path back.
        assertThat(s.select(ctx(256_000, 16 << 20, fastFull, slow))).isEqualTo(Scheduler.NONE);
        assertThat(s.select(ctx(280_000, 16 << 20, fastFull, slow))).isEqualTo(Scheduler.NONE);
        assertThat(s.select(ctx(290_000, 16 << 20, fastFull, slow))).isEqualTo(1);
        assertThat(s.select(ctx(10_000_000, 16 << 20, fastFull, slow))).isEqualTo(1);
    }

    @Test
    void blestComparesTheQueueWithTheFastPathsHeadStartNotWithAWholeSlowRtt() {
        Scheduler s = new BlestScheduler();
        PathSnapshot fastFull = path(0, 20_000, 12_000, 12_000, 0.5);
        // X = 12 kB, more than the queue, but a packet on an equally fast path arrives as early: no wait.
        assertThat(s.select(ctx(2_400, 16 << 20, fastFull, path(1, 20_000, 12_000, 0, 0.5)))).isEqualTo(1);
        // Twice the RTT: X = 1200 * (10 + 0.5) * 2 = 25.2 kB, head start half of it, 12.6 kB.
        PathSnapshot twice = path(1, 40_000, 12_000, 0, 0.5);
        assertThat(s.select(ctx(12_000, 16 << 20, fastFull, twice))).isEqualTo(Scheduler.NONE);
        assertThat(s.select(ctx(15_000, 16 << 20, fastFull, twice))).isEqualTo(1);
    }

    @Test
    void blestLambdaGrowsWhenFlowControlBlocksButNotWhenTheQueueRunsDry() {
        BlestScheduler s = new BlestScheduler();
        PathSnapshot fastFull = path(0, 20_000, 12_000, 12_000, 0.5);
        PathSnapshot slow = path(1, 300_000, 120_000, 0, 0.5);
        for (int i = 0; i < 20; i++) {
            s.select(ctx(600, 16 << 20, fastFull, slow));
        }
        assertThat(s.lambda()).isEqualTo(1.0);
        for (int i = 0; i < 20; i++) {
            s.select(ctx(1 << 20, 0, fastFull, slow));
        }
        assertThat(s.lambda()).isCloseTo(3.0, offset(1e-9));
    }

    @Test
    void ecfWaitsForTheFastPathWhenItFinishesFirstAndUsesTheSlowOneForBulk() {
        Scheduler s = new EcfScheduler();
        PathSnapshot fastFull = path(0, 20_000, 60_000, 60_000, 0.5);
        PathSnapshot slow = path(1, 300_000, 60_000, 0, 0.5);
        assertThat(s.select(ctx(30_000, 1 << 24, fastFull, slow))).isEqualTo(Scheduler.NONE); // tail: wait
        assertThat(s.select(ctx(50_000_000, 1 << 24, fastFull, slow))).isEqualTo(1); // bulk: use both
    }

    @Test
    void ecfCountsSlowStartGrowthOfTheFastPath() {
        Scheduler s = new EcfScheduler();
        PathSnapshot slowStartFull = new PathSnapshot(0, true, false, 10_000, 1_000, 10_000, 12_000, 12_000, true, 0.5);
        PathSnapshot slow = path(1, 300_000, 12_000, 0, 0.5);
        // 256 kB: 22 windows, but 1 + log2(23) < 5.6 round trips in slow start: waiting wins.
        assertThat(s.select(ctx(256_000, 1 << 24, slowStartFull, slow))).isEqualTo(Scheduler.NONE);
    }

    @Test
    void redundantPicksTheFastestAndAsksForCopies() {
        Scheduler s = new RedundantScheduler();
        assertThat(s.redundant()).isTrue();
        assertThat(s.select(ctx(1, 1, path(0, 30_000, 12_000, 0, 0.5), path(1, 10_000, 12_000, 0, 0.5)))).isEqualTo(1);
        assertThat(new MinRttScheduler().redundant()).isFalse();
    }

    @Test
    void ackPathIsTheLowestRttUsablePath() {
        List<PathSnapshot> paths = List.of(path(0, 30_000, 1, 0, 0), path(1, 10_000, 1, 0, 0),
                new PathSnapshot(2, false, false, 1_000, 0, 1_000, 1, 0, false, 0));
        assertThat(AckPathPolicy.lowestRtt(paths)).isEqualTo(1);
        assertThat(AckPathPolicy.lowestRtt(List.of())).isEqualTo(Scheduler.NONE);
    }

    @Test
    void schedulersAreSelectedByNameAndUnknownNamesListTheKnownOnes() {
        for (String name : Schedulers.names()) {
            assertThat(Schedulers.create(name).name()).isEqualTo(name);
        }
        assertThat(Schedulers.names()).containsExactly("aggregate", "minrtt", "weighted", "blest", "ecf", "redundant");
        assertThatThrownBy(() -> Schedulers.create("fastest")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minrtt");
    }
}
