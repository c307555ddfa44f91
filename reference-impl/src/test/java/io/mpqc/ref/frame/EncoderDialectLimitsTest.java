package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.CodecFixtures.decodeOne;
import static io.mpqc.ref.frame.CodecFixtures.encode;
import static io.mpqc.ref.frame.CodecFixtures.hex;
import static io.mpqc.ref.frame.CodecFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The encoder refuses frames its dialect cannot express (IllegalArgumentException) and writes nothing
 * when it does, so it never emits bytes the same dialect's decoder would read differently.
 */
class EncoderDialectLimitsTest {

    static Stream<Arguments> inexpressible() {
        Bytes reason = CodecFixtures.bytes("why");
        return Stream.of(
                Arguments.of(Dialect.DRAFT_06, sample(Dialect.DRAFT_21, FrameType.MAX_PATH_ID)),
                Arguments.of(Dialect.DRAFT_06, new Frame.MaxPathId(0)),
                Arguments.of(Dialect.DRAFT_06, sample(Dialect.DRAFT_21, FrameType.PATHS_BLOCKED)),
                Arguments.of(Dialect.DRAFT_06, sample(Dialect.DRAFT_21, FrameType.PATH_CIDS_BLOCKED)),
                Arguments.of(Dialect.DRAFT_06, sample(Dialect.DRAFT_21, FrameType.PATH_NEW_CONNECTION_ID)),
                Arguments.of(Dialect.DRAFT_06, sample(Dialect.DRAFT_21, FrameType.PATH_RETIRE_CONNECTION_ID)),
                Arguments.of(Dialect.DRAFT_21, new Frame.PathAbandon(1, 0, reason)),
                Arguments.of(Dialect.DRAFT_18, new Frame.PathAbandon(1, 0, reason)),
                Arguments.of(Dialect.DRAFT_21, new Frame.PathAbandon(1, 0, Bytes.of((byte) 0))));
    }

    @ParameterizedTest(name = "MP-4.2-1 MP-4.6-1 {0} cannot express {1}")
    @MethodSource("inexpressible")
    @Tag("MP-4.2-1")
    @Tag("MP-4.6-1")
    void inexpressibleFrameIsRejected(Dialect dialect, Frame frame) {
        FrameEncoder encoder = new FrameEncoder(dialect);
        assertThatIllegalArgumentException().isThrownBy(() -> encoder.encode(frame));
        ByteBuf out = Unpooled.buffer().writeByte(1);
        assertThatIllegalArgumentException().isThrownBy(() -> encoder.encode(frame, out));
        assertThat(out.writerIndex()).as("nothing appended").isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> encoder.encodeAll(List.of(new Frame.Ping(), frame)));
    }

    @Test
    @Tag("MP-4.2-1")
    @DisplayName("MP-4.2-1 draft-21 PATH_ABANDON has no reason phrase; draft-06 writes its length even when empty")
    void abandonLayoutPerDialect() throws FrameDecodeException {
        Frame noReason = new Frame.PathAbandon(1, 0);
        assertThat(hex(encode(Dialect.DRAFT_21, noReason))).isEqualTo("7e750100");
        assertThat(hex(encode(Dialect.DRAFT_18, noReason))).isEqualTo("95228c050100");
        assertThat(hex(encode(Dialect.DRAFT_06, noReason))).isEqualTo("95228c05010000");
        Frame withReason = new Frame.PathAbandon(1, 0, CodecFixtures.bytes("why"));
        byte[] wire = encode(Dialect.DRAFT_06, withReason);
        assertThat(hex(wire)).isEqualTo("95228c05010003776879");
        assertThat(decodeOne(Dialect.DRAFT_06, wire)).isEqualTo(withReason);
    }

    @ParameterizedTest(name = "{0}: every kind it has encodes, every kind it lacks is refused")
    @EnumSource(Dialect.class)
    void supportMatchesTheEncoder(Dialect dialect) {
        FrameEncoder encoder = new FrameEncoder(dialect);
        for (FrameType kind : FrameType.values()) {
            Frame f = sample(Dialect.DRAFT_21, kind);
            if (kind == FrameType.PATH_ABANDON) {
                f = new Frame.PathAbandon(1, 0);
            }
            Frame frame = f;
            if (dialect.supports(kind)) {
                assertThat(encoder.encode(frame)).as("%s", kind).isNotEmpty();
            } else {
                assertThatIllegalArgumentException().as("%s", kind).isThrownBy(() -> encoder.encode(frame));
            }
        }
    }
}
