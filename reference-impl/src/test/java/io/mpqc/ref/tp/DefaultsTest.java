package io.mpqc.ref.tp;

import static io.mpqc.ref.tp.TpFixtures.decode;
import static io.mpqc.ref.tp.TpFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 9000 §18.2 defaults for absent parameters, and the encoder leaving defaults out. */
class DefaultsTest {

    @Test
    @DisplayName("Q-18.2-1 absent parameters take the RFC 9000 §18.2 defaults")
    void defaults() {
        TransportParameters d = TransportParameters.DEFAULTS;

        assertThat(d.maxIdleTimeout()).isZero();
        assertThat(d.maxUdpPayloadSize()).isEqualTo(65527);
        assertThat(d.initialMaxData()).isZero();
        assertThat(d.initialMaxStreamDataBidiLocal()).isZero();
        assertThat(d.initialMaxStreamDataBidiRemote()).isZero();
        assertThat(d.initialMaxStreamDataUni()).isZero();
        assertThat(d.initialMaxStreamsBidi()).isZero();
        assertThat(d.initialMaxStreamsUni()).isZero();
        assertThat(d.ackDelayExponent()).isEqualTo(3);
        assertThat(d.maxAckDelay()).isEqualTo(25);
        assertThat(d.disableActiveMigration()).isFalse();
        assertThat(d.activeConnectionIdLimit()).isEqualTo(2);
        assertThat(d.originalDestinationConnectionId()).isNull();
        assertThat(d.statelessResetToken()).isNull();
        assertThat(d.preferredAddress()).isNull();
        assertThat(d.initialSourceConnectionId()).isNull();
        assertThat(d.retrySourceConnectionId()).isNull();
        assertThat(d.initialMaxPathId()).isEmpty();
        assertThat(d.enableMultipath()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    @DisplayName("empty input decodes to the defaults, and the defaults encode to nothing")
    void emptyIsDefaults(Dialect dialect) throws Exception {
        assertThat(decode(dialect, Role.CLIENT, "")).isEqualTo(TransportParameters.DEFAULTS);
        assertThat(new TransportParametersEncoder(dialect).encode(TransportParameters.DEFAULTS, Role.CLIENT)).isEmpty();
    }

    @Test
    @DisplayName("defaults sent explicitly decode equal to absent ones")
    void explicitDefaults() throws Exception {
        assertThat(decode(Dialect.DRAFT_21, Role.CLIENT, "01 01 00 03 04 8000fff7 0a 01 03 0b 01 19 0e 01 02"))
                .isEqualTo(TransportParameters.DEFAULTS);
    }

    @Test
    @DisplayName("the encoder writes only what differs from the defaults, in codepoint order, minimally")
    void onlyNonDefaults() {
        TransportParameters tp = TransportParameters.builder()
                .initialSourceConnectionId(TpFixtures.CID8)
                .activeConnectionIdLimit(8)
                .maxIdleTimeout(30_000)
                .ackDelayExponent(3)
                .initialMaxPathId(4)
                .build();

        assertThat(hex(new TransportParametersEncoder(Dialect.DRAFT_21).encode(tp, Role.CLIENT)))
                .isEqualTo(hex(hex("01 04 80007530  0e 01 08  0f 08 0102030405060708  3e 01 04")));
    }

    @Test
    @DisplayName("a zero-length CID is present, not absent, and is written")
    void emptyCidWritten() {
        TransportParameters tp = TransportParameters.builder().initialSourceConnectionId(Bytes.EMPTY).build();

        assertThat(hex(new TransportParametersEncoder(Dialect.DRAFT_21).encode(tp, Role.CLIENT))).isEqualTo("0f00");
    }
}
