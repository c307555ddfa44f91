package io.mpqc.ref.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
    private static final int MDS = 1200;

    @Test
    void aBurstOfTenDatagramsLeavesAtOnceThenThePaceIsOneAndAQuarterWindowsPerRtt() {
        Pacer p = new Pacer(MDS);
        long window = 120_000;
        long srtt = 100_000; // 1.25 * 120000 / 100000 = 1.5 bytes per microsecond
        for (int i = 0; i < 10; i++) {
            assertThat(p.nextSendTime(0, window, srtt, MDS)).isZero();
            p.onSent(0, window, srtt, MDS);
        }
        long next = p.nextSendTime(0, window, srtt, MDS);
        assertThat(next).isEqualTo(800); // 1200 bytes at 1.5 bytes/us
        p.onSent(next, window, srtt, MDS);
        assertThat(p.nextSendTime(next, window, srtt, MDS)).isEqualTo(next + 800);
    }

    @Test
    void aSmallWindowKeepsTheBurstSmall() {
        Pacer p = new Pacer(MDS);
        long window = 2 * MDS;
        long srtt = 10_000;
        p.nextSendTime(0, window, srtt, MDS); // the bucket is capped at the window
        p.onSent(0, window, srtt, MDS);
        p.onSent(0, window, srtt, MDS);
        assertThat(p.nextSendTime(0, window, srtt, MDS)).isGreaterThan(0);
    }
}
