package io.mpqc.ref.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenefitTest {
    @Test
    void perfectAggregationIsOneTheBestSinglePathIsZero() {
        assertThat(Benefit.of(20, List.of(10.0, 10.0))).isEqualTo(1.0);
        assertThat(Benefit.of(10, List.of(10.0, 10.0))).isEqualTo(0.0);
        assertThat(Benefit.of(5, List.of(10.0, 10.0))).isEqualTo(-0.5);
        assertThat(Benefit.of(14, List.of(10.0, 4.0, 4.0))).isEqualTo(0.5);
        assertThat(Benefit.of(10, List.of(10.0))).isNaN();
    }
}
