package io.mpqc.ref.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.AckRanges;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossRecoveryTest {
    private static final int SIZE = 1200;
    private static final long MAX_ACK_DELAY = 25_000;

    private static LossRecovery<String> recovery() {
        return new LossRecovery<>(new RttEstimator(333_000), new NewReno(SIZE), MAX_ACK_DELAY);
    }

    private static void send(LossRecovery<String> r, long pn, long at) {
        r.onSent(pn, at, SIZE, "p" + pn);
    }

    private static List<Long> numbers(List<TrackedPacket<String>> packets) {
        return packets.stream().map(TrackedPacket::packetNumber).toList();
    }

    @Test
    void anAckRemovesThePacketsTakesAnRttSampleAndFreesTheWindow() {
        LossRecovery<String> r = recovery();
        send(r, 0, 0);
        send(r, 1, 1_000);
        AckResult<String> a = r.onAck(1, 1, AckRanges.NONE, 0, 41_000);
        assertThat(numbers(a.acked())).containsExactly(0L, 1L);
        assertThat(a.rttSampled()).isTrue();
        assertThat(r.rtt().latest()).isEqualTo(40_000);
        assertThat(r.inFlightCount()).isZero();
        assertThat(r.congestion().bytesInFlight()).isZero();
        assertThat(r.timerDeadline()).isEqualTo(LossRecovery.NONE);
    }

    @Test
    void threeLaterPacketsAcknowledgedDeclareAPacketLost() {
        LossRecovery<String> r = recovery();
        for (int pn = 0; pn < 5; pn++) {
            send(r, pn, pn * 100);
        }
        // Acknowledges 1..4 (largest 4, first range 3): packet 0 is 4 below the largest.
        AckResult<String> a = r.onAck(4, 3, AckRanges.NONE, 0, 20_000);
        assertThat(numbers(a.acked())).containsExactly(1L, 2L, 3L, 4L);
        assertThat(numbers(a.lost())).containsExactly(0L);
        assertThat(r.congestion().window()).isLessThan(12_000);
    }

    @Test
    void aPacketBelowTheLargestIsLostByTimeThresholdWhenTheLossTimerFires() {
        LossRecovery<String> r = recovery();
        send(r, 0, 0);
        send(r, 1, 10);
        AckResult<String> a = r.onAck(1, 0, AckRanges.NONE, 0, 20_010); // only packet 1
        assertThat(a.lost()).isEmpty(); // 0 is only 1 below and 20 ms < 9/8 RTT old
        long deadline = r.timerDeadline();
        assertThat(deadline).isEqualTo(0 + 9 * 20_000 / 8);
        LossRecovery.Timeout<String> t = r.onTimer(deadline);
        assertThat(numbers(t.lost())).containsExactly(0L);
        assertThat(t.probe()).isFalse();
    }

    @Test
    void ptoFiresAfterTheLastAckElicitingPacketAndBacksOff() {
        LossRecovery<String> r = recovery();
        send(r, 0, 0);
        r.onAck(0, 0, AckRanges.NONE, 0, 20_000);
        send(r, 1, 30_000);
        long pto = r.basePto();
        assertThat(pto).isEqualTo(20_000 + 4 * 10_000 + MAX_ACK_DELAY);
        assertThat(r.timerDeadline()).isEqualTo(30_000 + pto);
        assertThat(r.onTimer(30_000 + pto).probe()).isTrue();
        assertThat(r.ptoCount()).isEqualTo(1);
        assertThat(r.timerDeadline()).isEqualTo(30_000 + 2 * pto);
        send(r, 2, 200_000);
        r.onAck(2, 0, AckRanges.NONE, 0, 220_000);
        assertThat(r.ptoCount()).isZero();
    }

    @Test
    void aLateAckOfAPacketDeclaredLostRevealsASpuriousLoss() {
        LossRecovery<String> r = recovery();
        for (int pn = 0; pn < 5; pn++) {
            send(r, pn, pn * 100);
        }
        r.onAck(4, 3, AckRanges.NONE, 0, 20_000); // 0 declared lost
        AckResult<String> late = r.onAck(4, 4, AckRanges.NONE, 0, 21_000); // now 0..4
        assertThat(late.acked()).isEmpty();
        assertThat(numbers(late.lateAcked())).containsExactly(0L);
    }

    @Test
    void ackRangesWithGapsAcknowledgeExactlyTheirPackets() {
        LossRecovery<String> r = recovery();
        for (int pn = 0; pn < 10; pn++) {
            send(r, pn, pn);
        }
        // largest 9, first range 1 (8..9), gap 1 -> next largest 5, length 2 (3..5)
        AckResult<String> a = r.onAck(9, 1, AckRanges.of(1, 2), 0, 30_000);
        assertThat(numbers(a.acked())).containsExactly(3L, 4L, 5L, 8L, 9L);
        assertThat(numbers(a.lost())).containsExactly(0L, 1L, 2L, 6L); // 6 is 3 below 9; 7 only 2
    }

    @Test
    void drainingAFreedPathReturnsEverythingInFlightWithoutACongestionSignal() {
        LossRecovery<String> r = recovery();
        send(r, 0, 0);
        send(r, 3, 5);
        long window = r.congestion().window();
        assertThat(numbers(r.drainAll())).containsExactly(0L, 3L);
        assertThat(r.congestion().bytesInFlight()).isZero();
        assertThat(r.congestion().window()).isEqualTo(window);
        assertThat(r.oldestSentTime()).isEqualTo(LossRecovery.NONE);
    }
}
