package io.mpqc.ref.tp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The encoder refuses exactly what the decoder rejects: each invalid set is refused, and the same set
 * written without checks is rejected by the decoder. This is what keeps decode(encode(tp)) == tp total.
 */
class EncoderRefusalTest {

    static Stream<Arguments> invalidSets() {
        TransportParameters d = TransportParameters.DEFAULTS;
        return Stream.of(
                Arguments.of("MP-2.1-1 initial_max_path_id 2^32", d.withMultipath(Dialect.DRAFT_21, 1L << 32)),
                Arguments.of("MP-2.1-1 initial_max_path_id 2^62-1", d.withMultipath(Dialect.DRAFT_21, Varint.MAX)),
                Arguments.of("Q-18.2-1 active_connection_id_limit 1", d.toBuilder().activeConnectionIdLimit(1).build()),
                Arguments.of("Q-18.2-1 active_connection_id_limit 0", d.toBuilder().activeConnectionIdLimit(0).build()),
                Arguments.of("Q-7.4-1 max_udp_payload_size 1199", d.toBuilder().maxUdpPayloadSize(1199).build()),
                Arguments.of("Q-7.4-1 ack_delay_exponent 21", d.toBuilder().ackDelayExponent(21).build()),
                Arguments.of("Q-7.4-1 max_ack_delay 2^14", d.toBuilder().maxAckDelay(1 << 14).build()),
                Arguments.of("Q-7.4-1 initial_max_streams_bidi 2^60+1",
                        d.toBuilder().initialMaxStreamsBidi((1L << 60) + 1).build()),
                Arguments.of("Q-7.4-1 initial_max_streams_uni 2^60+1",
                        d.toBuilder().initialMaxStreamsUni((1L << 60) + 1).build()),
                Arguments.of("Q-7.4-1 stateless_reset_token 8 bytes",
                        d.toBuilder().statelessResetToken(TpFixtures.CID8).build()),
                Arguments.of("Q-7.4-1 initial_source_connection_id 21 bytes",
                        d.toBuilder().initialSourceConnectionId(TpFixtures.CID21).build()),
                Arguments.of("Q-7.4-1 original_destination_connection_id 21 bytes",
                        d.toBuilder().originalDestinationConnectionId(TpFixtures.CID21).build()),
                Arguments.of("Q-7.4-1 retry_source_connection_id 21 bytes",
                        d.toBuilder().retrySourceConnectionId(TpFixtures.CID21).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSets")
    @DisplayName("an invalid set is refused by the encoder and, written anyway, rejected by the decoder")
    void refusedAndRejected(String why, TransportParameters tp) {
        TransportParametersEncoder encoder = new TransportParametersEncoder(Dialect.DRAFT_21);
        ByteBuf out = Unpooled.buffer();
        out.writeByte(0x7f);

        assertThatThrownBy(() -> encoder.encode(tp, Role.SERVER, out)).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.writerIndex()).as("nothing written on refusal").isEqualTo(1);

        ByteBuf raw = Unpooled.buffer();
        encoder.writeUnchecked(tp, raw);
        TransportParameterException e = catchThrowableOfType(TransportParameterException.class,
                () -> new TransportParametersDecoder(Dialect.DRAFT_21).decode(ByteBufUtil.getBytes(raw), Role.SERVER));
        assertThat(e).isNotNull();
    }

    @Test
    @DisplayName("the raw writer sends what the encoder refuses, for negative conformance cases")
    void rawWriterForAttacks() {
        ByteBuf out = Unpooled.buffer();
        TransportParameterWriter.writeInteger(out, 0x3e, 1L << 32);
        TransportParameterWriter.writeFlag(out, 0x0c);
        TransportParameterWriter.writeBytes(out, 0x1b, Bytes.ofHex("ab"));

        assertThat(Bytes.of(ByteBufUtil.getBytes(out)).hex()).isEqualTo("3e08c000000100000000" + "0c00" + "1b01ab");
        TpFixtures.assertRejected(Dialect.DRAFT_21, Role.CLIENT, Bytes.of(ByteBufUtil.getBytes(out)).hex(), 2, 0x3e);
    }

    @Test
    @DisplayName("the record refuses integers that are not varints")
    void recordRefusesNonVarints() {
        assertThatThrownBy(() -> TransportParameters.builder().maxIdleTimeout(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransportParameters.builder().initialMaxPathId(Varint.MAX + 1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
