package io.mpqc.ref.tp;

import static io.mpqc.ref.tp.TpFixtures.assertRejected;
import static io.mpqc.ref.tp.TpFixtures.decode;
import static io.mpqc.ref.tp.TpFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Dialect;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The multipath negotiation parameter of each dialect (digest §1.1, §2.1, appendix A). */
class MultipathParameterTest {
    private static final String D18_ID = "cf739bbc1b666d0d";
    private static final String D06_ID = "cf739bbc1b666d06";

    @Test
    @DisplayName("§2.1 digest example: 3e 01 03 is initial_max_path_id 3 in draft-21")
    void digestExample() throws Exception {
        TransportParameters tp = decode(Dialect.DRAFT_21, Role.CLIENT, "3e 01 03");

        assertThat(tp.initialMaxPathId()).isEqualTo(OptionalLong.of(3));
        assertThat(tp.multipathEnabled(Dialect.DRAFT_21)).isTrue();
        assertThat(tp).isEqualTo(TransportParameters.DEFAULTS.withMultipath(Dialect.DRAFT_21, 3));
        assertThat(hex(new TransportParametersEncoder(Dialect.DRAFT_21).encode(tp, Role.CLIENT)))
                .isEqualTo("3e0103");
    }

    @ParameterizedTest(name = "{0}: initial_max_path_id 3 is {1}")
    @CsvSource({
        "DRAFT_21, 3e0103",
        "DRAFT_18, " + D18_ID + "0103",
        "DRAFT_06, " + D06_ID + "00",
    })
    @DisplayName("§1.1 the multipath parameter id of each dialect, encoded and decoded")
    void idPerDialect(Dialect dialect, String wire) throws Exception {
        TransportParameters tp = TransportParameters.DEFAULTS.withMultipath(dialect, 3);

        assertThat(hex(new TransportParametersEncoder(dialect).encode(tp, Role.SERVER))).isEqualTo(wire);
        assertThat(decode(dialect, Role.SERVER, wire)).isEqualTo(tp);
        assertThat(tp.multipathEnabled(dialect)).isTrue();
    }

    @Test
    @DisplayName("appendix A: draft-18 writes 0x0f739bbc1b666d0d as the 8-byte varint cf 73 9b bc 1b 66 6d 0d")
    void draft18IdBytes() throws Exception {
        TransportParameters tp = decode(Dialect.DRAFT_18, Role.CLIENT, "cf 73 9b bc 1b 66 6d 0d 01 05");

        assertThat(tp.initialMaxPathId()).isEqualTo(OptionalLong.of(5));
    }

    @Test
    @DisplayName("appendix A: draft-06 enable_multipath is a zero-length flag")
    void draft06Flag() throws Exception {
        TransportParameters tp = decode(Dialect.DRAFT_06, Role.CLIENT, D06_ID + "00");

        assertThat(tp.enableMultipath()).isTrue();
        assertThat(tp.initialMaxPathId()).isEmpty();
        assertThat(tp.multipathEnabled(Dialect.DRAFT_06)).isTrue();
    }

    @Test
    @DisplayName("appendix A: draft-06 enable_multipath with a value is rejected at the value")
    void draft06FlagWithValue() {
        assertRejected(Dialect.DRAFT_06, Role.CLIENT, D06_ID + "01 01", 9, Dialect.DRAFT_06.transportParameterId());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    @DisplayName("§2 without the parameter multipath is not enabled")
    void absentMeansDisabled(Dialect dialect) throws Exception {
        assertThat(decode(dialect, Role.SERVER, "").multipathEnabled(dialect)).isFalse();
        assertThat(TransportParameters.DEFAULTS.withMultipath(dialect, 1).withoutMultipath())
                .isEqualTo(TransportParameters.DEFAULTS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DRAFT_21, 3e", "DRAFT_18, " + D18_ID})
    @DisplayName("MP-2.1-3 initial_max_path_id 0 is valid and enables multipath")
    void zeroIsValid(Dialect dialect, String id) throws Exception {
        TransportParameters tp = decode(dialect, Role.CLIENT, id + "01 00");

        assertThat(tp.initialMaxPathId()).isEqualTo(OptionalLong.of(0));
        assertThat(tp.multipathEnabled(dialect)).isTrue();
        assertThat(hex(new TransportParametersEncoder(dialect).encode(tp, Role.CLIENT))).isEqualTo(id + "0100");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DRAFT_21, 3e", "DRAFT_18, " + D18_ID})
    @DisplayName("MP-2.1-2 initial_max_path_id 2^32-1 is accepted")
    void largestPathIdAccepted(Dialect dialect, String id) throws Exception {
        TransportParameters tp = decode(dialect, Role.SERVER, id + "08 c0000000ffffffff");

        assertThat(tp.initialMaxPathId()).isEqualTo(OptionalLong.of(0xFFFF_FFFFL));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
        "DRAFT_21, 3e, 08 c000000100000000, 2",
        "DRAFT_21, 3e, 08 ffffffffffffffff, 2",
        "DRAFT_21, 01 01 05 3e, 08 c000000100000000, 5",
        "DRAFT_18, " + D18_ID + ", 08 c000000100000000, 9",
    })
    @DisplayName("MP-2.1-2 initial_max_path_id above 2^32-1 is TRANSPORT_PARAMETER_ERROR at the value")
    void aboveLargestPathIdRejected(Dialect dialect, String before, String rest, int offset) {
        assertRejected(dialect, Role.SERVER, before + rest, offset, dialect.transportParameterId());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"DRAFT_21", "DRAFT_18"})
    @DisplayName("MP-2.1-1 the encoder refuses initial_max_path_id above 2^32-1 and accepts 2^32-1")
    void encoderRefusesAboveLargestPathId(Dialect dialect) {
        TransportParametersEncoder encoder = new TransportParametersEncoder(dialect);

        assertThatThrownBy(() -> encoder.encode(TransportParameters.DEFAULTS.withMultipath(dialect, 1L << 32),
                Role.CLIENT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial_max_path_id");
        assertThat(encoder.encode(TransportParameters.DEFAULTS.withMultipath(dialect, 0xFFFF_FFFFL), Role.CLIENT))
                .endsWith(hex("08 c0000000ffffffff"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "DRAFT_21, 3e 02 03 00, 3",
        "DRAFT_21, 3e 00, 2",
        "DRAFT_21, 3e 01 40, 2",
        "DRAFT_18, " + D18_ID + " 01 40, 9",
    })
    @DisplayName("MP-2.1-8 initial_max_path_id whose varint does not fill its length exactly is rejected")
    void malformedPathIdValue(Dialect dialect, String wire, int offset) {
        assertRejected(dialect, Role.CLIENT, wire, offset, dialect.transportParameterId());
    }

    @Test
    @DisplayName("MP-2.1-8 a non-minimal varint that fills the length is a valid initial_max_path_id")
    void nonMinimalValueAccepted() throws Exception {
        assertThat(decode(Dialect.DRAFT_21, Role.CLIENT, "3e 02 40 03").initialMaxPathId()).hasValue(3);
    }

    @Test
    @DisplayName("Q-7.4-1 a duplicate initial_max_path_id is rejected at the second one")
    void duplicatePathId() {
        assertRejected(Dialect.DRAFT_21, Role.CLIENT, "3e 01 03 3e 01 03", 3, 0x3e);
    }

    @Test
    @DisplayName("the encoder refuses a multipath parameter the dialect does not have")
    void encoderRefusesOtherDialectsParameter() {
        TransportParameters maxPathId = TransportParameters.builder().initialMaxPathId(2).build();
        TransportParameters flag = TransportParameters.builder().enableMultipath(true).build();

        assertThatThrownBy(() -> new TransportParametersEncoder(Dialect.DRAFT_06).encode(maxPathId, Role.CLIENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportParametersEncoder(Dialect.DRAFT_21).encode(flag, Role.CLIENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportParametersEncoder(Dialect.DRAFT_18).encode(flag, Role.CLIENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("multipathEnabled reads the field of the dialect asked about")
    void multipathEnabledPerDialect() {
        TransportParameters maxPathId = TransportParameters.DEFAULTS.withMultipath(Dialect.DRAFT_21, 0);

        assertThat(maxPathId.multipathEnabled(Dialect.DRAFT_18)).isTrue();
        assertThat(maxPathId.multipathEnabled(Dialect.DRAFT_06)).isFalse();
        assertThat(TransportParameters.DEFAULTS.withMultipath(Dialect.DRAFT_06, 0).multipathEnabled(Dialect.DRAFT_21))
                .isFalse();
    }
}
