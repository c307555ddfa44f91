package io.mpqc.ref.tp;

import static io.mpqc.ref.tp.TpFixtures.assertRejected;
import static io.mpqc.ref.tp.TpFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The RFC 9000 §18.2 limits on parameter values, each just inside and just outside. */
class ValueLimitsTest {
    private static final String B15 = "00".repeat(15);
    private static final String B16 = "00".repeat(16);
    private static final String B17 = "00".repeat(17);
    private static final String B20 = "00".repeat(20);
    private static final String B21 = "00".repeat(21);

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("max_udp_payload_size 1199", "03 02 44af", 2, 0x03),
                Arguments.of("max_udp_payload_size 0", "03 01 00", 2, 0x03),
                Arguments.of("initial_max_streams_bidi 2^60+1", "08 08 d000000000000001", 2, 0x08),
                Arguments.of("initial_max_streams_uni 2^62-1", "09 08 ffffffffffffffff", 2, 0x09),
                Arguments.of("ack_delay_exponent 21", "0a 01 15", 2, 0x0a),
                Arguments.of("max_ack_delay 2^14", "0b 04 80004000", 2, 0x0b),
                Arguments.of("max_ack_delay 2^62-1", "0b 08 ffffffffffffffff", 2, 0x0b),
                Arguments.of("stateless_reset_token 15 bytes", "02 0f " + B15, 2, 0x02),
                Arguments.of("stateless_reset_token 17 bytes", "02 11 " + B17, 2, 0x02),
                Arguments.of("stateless_reset_token empty", "02 00", 2, 0x02),
                Arguments.of("original_destination_connection_id 21 bytes", "00 15 " + B21, 2, 0x00),
                Arguments.of("initial_source_connection_id 21 bytes", "0f 15 " + B21, 2, 0x0f),
                Arguments.of("retry_source_connection_id 21 bytes", "10 15 " + B21, 2, 0x10),
                Arguments.of("disable_active_migration with a value", "0c 01 00", 2, 0x0c),
                Arguments.of("ack_delay_exponent 21 after another parameter", "01 01 05 0a 01 15", 5, 0x0a),
                Arguments.of("long CID after another parameter", "0c 00 0f 15 " + B21, 4, 0x0f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    @DisplayName("Q-7.4-1 a value outside its RFC 9000 §18.2 limit is TRANSPORT_PARAMETER_ERROR at the value")
    void invalid(String why, String wire, int offset, long id) {
        assertRejected(Dialect.DRAFT_21, Role.SERVER, wire, offset, id);
    }

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource(delimiter = '|', value = {
        "03 02 44b0             | max_udp_payload_size       | 1200",
        "03 08 ffffffffffffffff | max_udp_payload_size       | 4611686018427387903",
        "08 08 d000000000000000 | initial_max_streams_bidi   | 1152921504606846976",
        "09 08 d000000000000000 | initial_max_streams_uni    | 1152921504606846976",
        "0a 01 14               | ack_delay_exponent         | 20",
        "0a 01 00               | ack_delay_exponent         | 0",
        "0b 02 7fff             | max_ack_delay              | 16383",
        "0b 01 00               | max_ack_delay              | 0",
        "0e 01 02               | active_connection_id_limit | 2",
        "0e 08 ffffffffffffffff | active_connection_id_limit | 4611686018427387903",
        "01 08 ffffffffffffffff | max_idle_timeout           | 4611686018427387903",
    })
    @DisplayName("Q-7.4-1 values on the boundary of their limit are accepted")
    void boundaryAccepted(String wire, String name, long expected) throws Exception {
        TransportParameters tp = decode(Dialect.DRAFT_21, Role.SERVER, wire);

        assertThat(integer(tp, name)).isEqualTo(expected);
    }

    @Test
    @DisplayName("Q-7.4-1 a zero-length flag and a zero-length CID are accepted")
    void emptyValuesAccepted() throws Exception {
        TransportParameters tp = decode(Dialect.DRAFT_21, Role.SERVER, "0c 00 0f 00");

        assertThat(tp.disableActiveMigration()).isTrue();
        assertThat(tp.initialSourceConnectionId()).isEqualTo(Bytes.EMPTY);
    }

    @Test
    @DisplayName("Q-7.4-1 20-byte CIDs and a 16-byte token are accepted")
    void fixedSizesAccepted() throws Exception {
        TransportParameters tp = decode(Dialect.DRAFT_21, Role.SERVER,
                "00 14 " + B20 + " 02 10 " + B16 + " 0f 14 " + B20 + " 10 14 " + B20);

        assertThat(tp.originalDestinationConnectionId().length()).isEqualTo(20);
        assertThat(tp.statelessResetToken().length()).isEqualTo(16);
        assertThat(tp.initialSourceConnectionId().length()).isEqualTo(20);
        assertThat(tp.retrySourceConnectionId().length()).isEqualTo(20);
    }

    @ParameterizedTest(name = "active_connection_id_limit {0}")
    @CsvSource({"01, 1", "00, 0"})
    @DisplayName("Q-18.2-1 active_connection_id_limit below 2 is TRANSPORT_PARAMETER_ERROR")
    void activeConnectionIdLimitBelowTwo(String valueHex, long value) {
        TransportParameterException e = assertRejected(Dialect.DRAFT_21, Role.CLIENT, "0e 01 " + valueHex, 2, 0x0e);

        assertThat(e.getMessage()).contains("active_connection_id_limit " + value);
    }

    private static long integer(TransportParameters tp, String name) {
        return switch (name) {
            case "max_idle_timeout" -> tp.maxIdleTimeout();
            case "max_udp_payload_size" -> tp.maxUdpPayloadSize();
            case "initial_max_streams_bidi" -> tp.initialMaxStreamsBidi();
            case "initial_max_streams_uni" -> tp.initialMaxStreamsUni();
            case "ack_delay_exponent" -> tp.ackDelayExponent();
            case "max_ack_delay" -> tp.maxAckDelay();
            case "active_connection_id_limit" -> tp.activeConnectionIdLimit();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
