package io.mpqc.ref.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scheduler, on random path sets: never a path without window space, never an unusable (closing) one. */
class SchedulerInvariantsTest {
    static List<String> names() {
        return Schedulers.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void neverPicksAPathThatCannotSend(String name) {
        Scheduler s = Schedulers.create(name);
        assertThat(s.name()).isEqualTo(name);
        SplittableRandom random = new SplittableRandom(name.hashCode());
        int mss = 1200;
        int picks = 0;
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + random.nextInt(4);
            List<PathSnapshot> paths = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long window = 2 * mss + random.nextInt(100) * mss;
                long inFlight = random.nextInt(3) == 0 ? window : random.nextLong(window + 1);
                paths.add(new PathSnapshot(i, random.nextInt(5) != 0, random.nextInt(4) == 0,
                        1_000 + random.nextInt(400_000), random.nextInt(50_000), 1_000, window, inFlight,
                        random.nextBoolean(), random.nextDouble()));
            }
            if (round % 500 == 0) {
                s.pathRemoved(random.nextInt(4));
                s.pathAdded(random.nextInt(4));
            }
            SchedulingContext ctx = new SchedulingContext(paths, mss, random.nextLong(10_000_000),
                    random.nextLong(20_000_000), round);
            long id = s.select(ctx);
            if (id == Scheduler.NONE) {
                continue;
            }
            picks++;
            PathSnapshot chosen = paths.stream().filter(p -> p.pathId() == id).findFirst().orElseThrow();
            assertThat(chosen.usable()).as("%s picked an unusable path", name).isTrue();
            assertThat(chosen.canSend(mss)).as("%s picked a path without window space: %s", name, chosen).isTrue();
        }
        assertThat(picks).as("%s should pick something sometimes", name).isGreaterThan(1000);
    }

    @ParameterizedTest
    @MethodSource("names")
    void withNoPathThatCanSendTheAnswerIsNone(String name) {
        Scheduler s = Schedulers.create(name);
        List<PathSnapshot> paths = List.of(
                new PathSnapshot(0, true, false, 10_000, 1_000, 10_000, 12_000, 12_000, false, 0.5),
                new PathSnapshot(1, false, false, 5_000, 1_000, 5_000, 12_000, 0, false, 0.5));
        assertThat(s.select(new SchedulingContext(paths, 1200, 1_000_000, 1_000_000, 0))).isEqualTo(Scheduler.NONE);
    }

    @ParameterizedTest
    @MethodSource("names")
    void negativeWeightsCannotEvenBeExpressed(String name) {
        assertThatThrownBy(() -> new PathSnapshot(0, true, false, 1, 1, 1, 1, 0, false, -0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
