package io.mpqc.ref.path;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver's status sequence rule in isolation (draft-21 §4.3). */
@Tag("MP-4.3-4")
class StatusRecordTest {

    @Test
    @DisplayName("MP-4.3-4 seed-note bug: accepts(equal) is false; the seed's `seq < stored` rejection would "
            + "apply the equal number")
    void equalNotAccepted() {
        StatusRecord r = new StatusRecord(PathStatus.AVAILABLE, 5);
        assertThat(r.accepts(5)).isFalse();
        boolean seedNoteWouldApply = !(5 < r.sequence());
        assertThat(seedNoteWouldApply).as("the seed's check applies the equal number").isTrue();
    }

    @Test
    @DisplayName("MP-4.3-4 lower is not accepted, higher is")
    void lowerAndHigher() {
        StatusRecord r = new StatusRecord(PathStatus.BACKUP, 10);
        assertThat(r.accepts(0)).isFalse();
        assertThat(r.accepts(9)).isFalse();
        assertThat(r.accepts(11)).isTrue();
        assertThat(r.accepts((1L << 62) - 1)).isTrue();
    }

    @ParameterizedTest(name = "first frame with {0}")
    @ValueSource(longs = {0, 1, 1000, (1L << 62) - 1})
    @DisplayName("MP-4.3-4 with no status seen yet, any number is accepted, 0 included")
    void firstAlwaysAccepted(long seq) {
        assertThat(StatusRecord.NONE.accepts(seq)).isTrue();
        assertThat(StatusRecord.NONE.status()).isEqualTo(PathStatus.UNKNOWN);
    }
}
