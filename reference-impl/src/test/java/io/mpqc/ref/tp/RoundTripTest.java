package io.mpqc.ref.tp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Varint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** decode(encode(tp)) == tp for typical and boundary sets, in every dialect, from both roles. */
class RoundTripTest {

    private static TransportParameters fullServer() {
        return TransportParameters.builder()
                .originalDestinationConnectionId(TpFixtures.CID8)
                .maxIdleTimeout(30_000)
                .statelessResetToken(TpFixtures.TOKEN)
                .maxUdpPayloadSize(1452)
                .initialMaxData(1 << 20)
                .initialMaxStreamDataBidiLocal(1 << 18)
                .initialMaxStreamDataBidiRemote(1 << 17)
                .initialMaxStreamDataUni(1 << 16)
                .initialMaxStreamsBidi(100)
                .initialMaxStreamsUni(3)
                .ackDelayExponent(8)
                .maxAckDelay(40)
                .disableActiveMigration(true)
                .preferredAddress(TpFixtures.PREFERRED)
                .activeConnectionIdLimit(8)
                .initialSourceConnectionId(Bytes.ofHex("c1c2c3c4"))
                .retrySourceConnectionId(TpFixtures.CID20)
                .build();
    }

    private static TransportParameters limits() {
        return TransportParameters.builder()
                .originalDestinationConnectionId(Bytes.EMPTY)
                .maxIdleTimeout(Varint.MAX)
                .maxUdpPayloadSize(1200)
                .initialMaxData(Varint.MAX)
                .initialMaxStreamDataBidiLocal(Varint.MAX)
                .initialMaxStreamDataBidiRemote(63)
                .initialMaxStreamDataUni(64)
                .initialMaxStreamsBidi(1L << 60)
                .initialMaxStreamsUni(1L << 60)
                .ackDelayExponent(20)
                .maxAckDelay((1 << 14) - 1)
                .activeConnectionIdLimit(Varint.MAX)
                .initialSourceConnectionId(Bytes.EMPTY)
                .retrySourceConnectionId(Bytes.EMPTY)
                .preferredAddress(new PreferredAddress(Bytes.ofHex("00000000"), 0,
                        Bytes.ofHex("00000000000000000000000000000000"), 0, Bytes.ofHex("01"), TpFixtures.TOKEN))
                .build();
    }

    private static TransportParameters client() {
        return TransportParameters.builder()
                .maxIdleTimeout(10_000)
                .initialMaxData(15_728_640)
                .initialMaxStreamsBidi(0)
                .ackDelayExponent(0)
                .maxAckDelay(0)
                .initialSourceConnectionId(TpFixtures.CID20)
                .build();
    }

    static Stream<Arguments> sets() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            for (long maxPathId : new long[] {0, 1, 3, 63, 64, 16383, 16384, 0xFFFF_FFFFL}) {
                if (dialect.transportParameterIsMaxPathId() || maxPathId == 0) {
                    String mp = dialect.transportParameterIsMaxPathId() ? " initial_max_path_id " + maxPathId
                            : " enable_multipath";
                    out.add(Arguments.of(dialect, Role.SERVER, "full server" + mp,
                            fullServer().withMultipath(dialect, maxPathId)));
                    out.add(Arguments.of(dialect, Role.SERVER, "limits" + mp, limits().withMultipath(dialect, maxPathId)));
                    out.add(Arguments.of(dialect, Role.CLIENT, "client" + mp, client().withMultipath(dialect, maxPathId)));
                }
            }
            out.add(Arguments.of(dialect, Role.SERVER, "full server, no multipath", fullServer()));
            out.add(Arguments.of(dialect, Role.CLIENT, "client, no multipath", client()));
            out.add(Arguments.of(dialect, Role.CLIENT, "defaults", TransportParameters.DEFAULTS));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("sets")
    @DisplayName("MP-2.1-8 decode(encode(tp)) == tp")
    void roundTrip(Dialect dialect, Role sender, String name, TransportParameters tp) throws Exception {
        byte[] wire = new TransportParametersEncoder(dialect).encode(tp, sender);

        TransportParameters back = new TransportParametersDecoder(dialect).decode(wire, sender);

        assertThat(back).isEqualTo(tp);
        assertThat(new TransportParametersEncoder(dialect).encode(back, sender)).isEqualTo(wire);
    }
}
