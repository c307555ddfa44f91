package io.mpqc.ref.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void runsEventsByTimeThenInSchedulingOrder() {
        EventQueue q = new EventQueue();
        SplittableRandom random = new SplittableRandom(3);
        List<long[]> scheduled = new ArrayList<>();
        List<long[]> ran = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            long t = random.nextInt(300);
            long[] e = {t, i};
            scheduled.add(e);
            q.at(t, () -> ran.add(e));
        }
        while (q.runNext()) {
            assertThat(q.now()).isEqualTo(ran.get(ran.size() - 1)[0]);
        }
        scheduled.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        assertThat(ran).containsExactlyElementsOf(scheduled);
        assertThat(q.executed()).isEqualTo(5000);
    }

    @Test
    void eventsMayScheduleLaterEventsButNotEarlierOnes() {
        EventQueue q = new EventQueue();
        List<Long> times = new ArrayList<>();
        q.at(10, () -> {
            times.add(q.now());
            q.at(10, () -> times.add(q.now()));
            q.at(15, () -> times.add(q.now()));
        });
        q.runNext();
        assertThatThrownBy(() -> q.at(5, () -> { })).isInstanceOf(IllegalArgumentException.class);
        while (q.runNext()) {
            // drain
        }
        assertThat(times).containsExactly(10L, 10L, 15L);
        assertThat(q.nextTime()).isEqualTo(Long.MAX_VALUE);
    }
}
