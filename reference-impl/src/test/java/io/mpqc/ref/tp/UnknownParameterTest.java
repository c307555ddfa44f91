package io.mpqc.ref.tp;

import static io.mpqc.ref.tp.TpFixtures.assertRejected;
import static io.mpqc.ref.tp.TpFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.Dialect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9000 §7.4.2 (MUST): parameters a receiver does not know are ignored, whatever their value. */
class UnknownParameterTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1b 00",
        "3a 03 ffffff",
        "4c37 02 abcd",
        "20 02 4000",
        "11 08 0000000100000001",
        "6ab2 00",
        "8000babf 01 01",
        "cf739bbc1b666d09 01 ff",
    })
    @DisplayName("Q-7.4-1 reserved (31N+27), later-RFC and old-draft ids are ignored")
    void ignored(String wire) throws Exception {
        for (Dialect dialect : Dialect.values()) {
            assertThat(decode(dialect, Role.CLIENT, wire)).as("%s", dialect).isEqualTo(TransportParameters.DEFAULTS);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "DRAFT_21 | cf739bbc1b666d0d 08 c000000100000000",
        "DRAFT_21 | cf739bbc1b666d06 03 010203",
        "DRAFT_18 | 3e 08 ffffffffffffffff",
        "DRAFT_18 | cf739bbc1b666d06 01 00",
        "DRAFT_06 | 3e 08 c000000100000000",
        "DRAFT_06 | cf739bbc1b666d0d 00",
    })
    @DisplayName("Q-7.4-1 another dialect's multipath parameter is unknown, so ignored even with an invalid value")
    void otherDialectIgnored(Dialect dialect, String wire) throws Exception {
        TransportParameters tp = decode(dialect, Role.SERVER, wire);

        assertThat(tp).isEqualTo(TransportParameters.DEFAULTS);
        assertThat(tp.multipathEnabled(dialect)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    @DisplayName("Q-7.4-1 unknown parameters around known ones leave the known ones intact")
    void interleaved(Dialect dialect) throws Exception {
        TransportParameters tp = decode(dialect, Role.SERVER, "1b 02 0000 01 01 05 3a 00 0e 01 04 4c37 01 ff");

        assertThat(tp).isEqualTo(TransportParameters.builder().maxIdleTimeout(5).activeConnectionIdLimit(4).build());
    }

    @Test
    @DisplayName("MP-2.1-8 an unknown parameter still needs a length inside the input")
    void unknownFramingChecked() {
        assertRejected(Dialect.DRAFT_21, Role.SERVER, "1b 05 00", 1, 0x1b);
    }

    @Test
    @DisplayName("the reserved-id rule is 31 * N + 27")
    void reservedIds() {
        assertThat(TransportParameterId.isReserved(27)).isTrue();
        assertThat(TransportParameterId.isReserved(31 * 1000L + 27)).isTrue();
        assertThat(TransportParameterId.isReserved(0x3e)).isFalse();
        assertThat(TransportParameterId.isReserved(26)).isFalse();
        assertThat(TransportParameterId.describe(27, Dialect.DRAFT_21)).startsWith("reserved");
    }
}
