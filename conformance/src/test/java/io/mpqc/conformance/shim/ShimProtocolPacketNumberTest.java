package io.mpqc.conformance.shim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.conformance.report.Json;
import io.mpqc.conformance.target.Reaction;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional packet number of a sent frame survives the shim protocol, and its absence reads as -1. */
class ShimProtocolPacketNumberTest {

    @Test
    void packetNumberGoesThereAndBack() throws Exception {
        Reaction r = new Reaction(List.of(new SentFrame(2, new Frame.Ping(), 17), new SentFrame(0, new Frame.Ping())),
                null, null);
        Map<String, Object> wire = JsonParser.parseObject(Json.write(ShimProtocol.reaction(r, Dialect.DRAFT_21)));
        assertThat(ShimProtocol.reaction(wire, Dialect.DRAFT_21).sent()).containsExactly(
                new SentFrame(2, new Frame.Ping(), 17), new SentFrame(0, new Frame.Ping(), -1));
    }

    @Test
    void missingOrNullPacketNumberIsUnknown() throws Exception {
        Map<String, Object> m = JsonParser.parseObject("{\"sent\":[{\"path_id\":1,\"frame\":\"01\"},"
                + "{\"path_id\":1,\"packet_number\":null,\"frame\":\"01\"}],\"close\":null,\"refused\":null}");
        assertThat(ShimProtocol.reaction(m, Dialect.DRAFT_21).sent()).extracting(SentFrame::packetNumber)
                .containsExactly(-1L, -1L);
    }

    @Test
    void packetNumberMustBeAnInteger() throws Exception {
        Map<String, Object> m = JsonParser.parseObject("{\"sent\":[{\"path_id\":1,\"packet_number\":\"7\","
                + "\"frame\":\"01\"}],\"close\":null,\"refused\":null}");
        assertThatThrownBy(() -> ShimProtocol.reaction(m, Dialect.DRAFT_21))
                .isInstanceOf(ShimProtocolException.class).hasMessageContaining("packet_number");
    }
}
