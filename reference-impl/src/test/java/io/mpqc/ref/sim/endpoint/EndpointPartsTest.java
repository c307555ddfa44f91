package io.mpqc.ref.sim.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.recovery.LossRecovery;
import io.mpqc.ref.recovery.NewReno;
import io.mpqc.ref.recovery.RttEstimator;
import io.mpqc.ref.recovery.TrackedPacket;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The data layer's small parts: ranges, ACK generation, the core-ACK translation, streams, content. */
class EndpointPartsTest {

    @Test
    void rangeSetCountsNewBytesAndMergesLikeASetOfOffsets() {
        RangeSet set = new RangeSet();
        TreeSet<Long> model = new TreeSet<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 5_000; i++) {
            long start = random.nextInt(2_000);
            long end = start + random.nextInt(60);
            if (random.nextInt(4) == 0) {
                set.remove(start, end);
                for (long o = start; o < end; o++) {
                    model.remove(o);
                }
            } else {
                long before = model.size();
                for (long o = start; o < end; o++) {
                    model.add(o);
                }
                assertThat(set.add(start, end)).isEqualTo(model.size() - before);
            }
            assertThat(set.size()).isEqualTo(model.size());
            long probe = random.nextInt(2_100);
            assertThat(set.contains(probe)).isEqualTo(model.contains(probe));
            long upTo = probe;
            while (model.contains(upTo)) {
                upTo++;
            }
            assertThat(set.coveredUpTo(probe)).isEqualTo(upTo);
        }
    }

    @Test
    void ackTrackerAcknowledgesEverySecondPacketAndAtOnceOnAGap() {
        AckTracker t = new AckTracker(25_000);
        assertThat(t.onReceived(0, true, 0)).isTrue();
        assertThat(t.due(0)).isFalse();
        assertThat(t.deadline()).isEqualTo(25_000);
        assertThat(t.due(25_000)).isTrue();
        t.onReceived(1, true, 10);
        assertThat(t.due(10)).isTrue();
        Frame.PathAck ack = t.takeFrame(3, 20);
        assertThat(ack.pathId()).isEqualTo(3);
        assertThat(ack.largest()).isEqualTo(1);
        assertThat(ack.firstRange()).isEqualTo(1);
        assertThat(ack.ackDelay()).isEqualTo(10 >> 3);
        assertThat(t.pending()).isFalse();
        t.onReceived(5, true, 30); // a gap: 2..4 missing
        assertThat(t.due(30)).isTrue();
        Frame.PathAck gap = t.takeFrame(3, 30);
        assertThat(gap.largest()).isEqualTo(5);
        assertThat(gap.firstRange()).isZero();
        assertThat(gap.ranges()).isEqualTo(AckRanges.of(2, 1)); // gap = 5 - 1 - 2 - 2, range 0..1
        assertThat(t.onReceived(5, true, 40)).as("duplicate").isFalse();
        assertThat(t.onReceived(1, true, 40)).as("duplicate").isFalse();
    }

    @Test
    void ackTrackerSendsOnlyTheNewestRanges() {
        AckTracker t = new AckTracker(25_000);
        for (int pn = 0; pn < 40; pn += 2) {
            t.onReceived(pn, true, pn);
        }
        assertThat(t.takeFrame(0, 100).ranges().count()).isEqualTo(AckTracker.ACK_RANGES - 1);
    }

    @Test
    void coreAcksRebuildRangesFromPacketNumbers() {
        Frame.PathAck a = CoreAcks.frame(1, new long[] {7, 3, 4, 9, 8, 0}, 6, 5);
        assertThat(a.pathId()).isEqualTo(1);
        assertThat(a.largest()).isEqualTo(9);
        assertThat(a.firstRange()).isEqualTo(2); // 7..9
        assertThat(a.ranges()).isEqualTo(AckRanges.of(1, 1, 1, 0)); // 3..4, then 0
        assertThat(a.ackDelay()).isEqualTo(5);
        // The ranges acknowledge exactly those numbers.
        LossRecovery<Integer> r = new LossRecovery<>(new RttEstimator(333_000), new NewReno(1200), 25_000);
        for (int pn = 0; pn <= 9; pn++) {
            r.onSent(pn, pn, 1200, pn);
        }
        assertThat(r.onAck(a.largest(), a.firstRange(), a.ranges(), 0, 100).acked()).extracting(TrackedPacket::packetNumber)
                .containsExactly(0L, 3L, 4L, 7L, 8L, 9L);
    }

    @Test
    void sendStreamsRetransmitOnlyWhatIsNotAcknowledgedAndRespectFlowControl() {
        SendStreams s = new SendStreams(3000);
        s.open(0, 5000);
        StreamChunk a = s.next(1200);
        StreamChunk b = s.next(1200);
        StreamChunk c = s.next(1200);
        assertThat(a.offset()).isZero();
        assertThat(b.offset()).isEqualTo(a.end());
        assertThat(c.end()).isEqualTo(3000); // the credit ends here
        assertThat(s.next(1200)).isNull();
        assertThat(s.flowBlocked()).isTrue();
        assertThat(s.headOfLine()).containsExactly(0, 0);
        s.onAcked(b);
        s.onLost(new StreamChunk(0, 0, (int) c.end(), false)); // a, b and c lost in one piece
        assertThat(s.hasRetransmission()).isTrue();
        StreamChunk r1 = s.next(1200);
        assertThat(r1.offset()).isZero();
        assertThat(r1.end()).isLessThanOrEqualTo(a.end());
        while (s.hasRetransmission()) {
            StreamChunk r = s.next(1200);
            assertThat(r.end() <= b.offset() || r.offset() >= b.end()).as("acknowledged bytes are not resent").isTrue();
        }
        s.onMaxData(10_000);
        StreamChunk last = null;
        for (StreamChunk k = s.next(1200); k != null; k = s.next(1200)) {
            last = k;
        }
        assertThat(last.end()).isEqualTo(5000);
        assertThat(last.fin()).isTrue();
    }

    @Test
    void streamContentIsCheckedAgainstItsOffset() {
        StreamData d = new StreamData();
        Bytes slice = d.slice(4, 1000, 50);
        assertThat(d.matches(4, 1000, slice)).isTrue();
        assertThat(d.matches(4, 1001, slice)).isFalse();
        assertThat(d.matches(8, 1000, slice)).isFalse();
        assertThat(d.slice(4, 1000 + 251, 50)).isEqualTo(slice); // the pattern repeats every 251 bytes
    }
}
