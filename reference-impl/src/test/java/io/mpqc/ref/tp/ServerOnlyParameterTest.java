package io.mpqc.ref.tp;

import static io.mpqc.ref.tp.TpFixtures.PREFERRED;
import static io.mpqc.ref.tp.TpFixtures.PREFERRED_VALUE;
import static io.mpqc.ref.tp.TpFixtures.assertRejected;
import static io.mpqc.ref.tp.TpFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Dialect;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9000 §18.2: four parameters only a server may send; a client sending one is an error. */
class ServerOnlyParameterTest {

    static Stream<Arguments> serverOnly() {
        return Stream.of(
                Arguments.of("original_destination_connection_id", "00 08 0102030405060708", 0x00,
                        TransportParameters.builder().originalDestinationConnectionId(TpFixtures.CID8).build()),
                Arguments.of("stateless_reset_token", "02 10 " + TpFixtures.TOKEN.hex(), 0x02,
                        TransportParameters.builder().statelessResetToken(TpFixtures.TOKEN).build()),
                Arguments.of("preferred_address", "0d 2d " + PREFERRED_VALUE, 0x0d,
                        TransportParameters.builder().preferredAddress(PREFERRED).build()),
                Arguments.of("retry_source_connection_id", "10 08 0102030405060708", 0x10,
                        TransportParameters.builder().retrySourceConnectionId(TpFixtures.CID8).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverOnly")
    @DisplayName("Q-7.4-1 a server-only parameter from a client is TRANSPORT_PARAMETER_ERROR at its id")
    void rejectedFromClient(String name, String wire, long id, TransportParameters tp) {
        assertRejected(Dialect.DRAFT_21, Role.CLIENT, wire, 0, id);
        assertRejected(Dialect.DRAFT_21, Role.CLIENT, "0f 04 01020304 " + wire, 6, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverOnly")
    @DisplayName("Q-7.4-1 the same parameter from a server is accepted")
    void acceptedFromServer(String name, String wire, long id, TransportParameters tp) throws Exception {
        assertThat(decode(Dialect.DRAFT_21, Role.SERVER, wire)).isEqualTo(tp);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverOnly")
    @DisplayName("the encoder refuses a server-only parameter for a client")
    void encoderRefusesForClient(String name, String wire, long id, TransportParameters tp) {
        TransportParametersEncoder encoder = new TransportParametersEncoder(Dialect.DRAFT_21);

        assertThatThrownBy(() -> encoder.encode(tp, Role.CLIENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        assertThat(encoder.encode(tp, Role.SERVER)).isNotEmpty();
    }
}
