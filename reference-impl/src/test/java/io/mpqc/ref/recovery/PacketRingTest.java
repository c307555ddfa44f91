package io.mpqc.ref.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PacketRingTest {

    private static TrackedPacket<Integer> packet(long pn) {
        return new TrackedPacket<>(pn, pn * 10, 1200, (int) pn);
    }

    @Test
    void behavesLikeASortedMapUnderRandomAddsAndRemovals() {
        PacketRing<Integer> ring = new PacketRing<>();
        TreeMap<Long, TrackedPacket<Integer>> model = new TreeMap<>();
        SplittableRandom random = new SplittableRandom(7);
        long next = 0;
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(10);
            if (op < 5) {
                next += 1 + random.nextInt(3); // numbers that elicit no ACK are never added
                ring.add(packet(next));
                model.put(next, packet(next));
            } else if (op < 8 && !model.isEmpty()) {
                long lo = model.firstKey() + random.nextInt(20);
                long hi = lo + random.nextInt(30);
                List<TrackedPacket<Integer>> out = new ArrayList<>();
                ring.removeRange(lo, hi, out);
                List<TrackedPacket<Integer>> expected = new ArrayList<>(model.subMap(lo, true, hi, true).values());
                model.subMap(lo, true, hi, true).clear();
                assertThat(out).isEqualTo(expected);
            } else if (!model.isEmpty()) {
                long pn = model.firstKey() + random.nextInt(10);
                assertThat(ring.remove(pn)).isEqualTo(model.remove(pn));
            }
            assertThat(ring.size()).isEqualTo(model.size());
            assertThat(ring.first()).isEqualTo(model.isEmpty() ? null : model.firstEntry().getValue());
        }
        assertThat(ring.all()).isEqualTo(new ArrayList<>(model.values()));
    }

    @Test
    void packetNumbersMustGrow() {
        PacketRing<Integer> ring = new PacketRing<>();
        ring.add(packet(5));
        assertThatThrownBy(() -> ring.add(packet(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
