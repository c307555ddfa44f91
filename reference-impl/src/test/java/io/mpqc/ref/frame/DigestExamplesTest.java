package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.CodecFixtures.PATH_ID_MAX;
import static io.mpqc.ref.frame.CodecFixtures.PATH_ID_TOO_BIG;
import static io.mpqc.ref.frame.CodecFixtures.assertError;
import static io.mpqc.ref.frame.CodecFixtures.decodeError;
import static io.mpqc.ref.frame.CodecFixtures.decodeOne;
import static io.mpqc.ref.frame.CodecFixtures.encode;
import static io.mpqc.ref.frame.CodecFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every byte example of the spec digest (§1 wire bytes, §2.2 "Byte examples", appendix A): each decodes to
 * the stated frame and the frame encodes back to exactly those bytes.
 */
class DigestExamplesTest {
    private static final String CID = "0102030405060708";
    private static final String TOKEN = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";

    static Stream<Arguments> section22Examples() {
        return Stream.of(
                Arguments.of("MP-4.1-1", "3e 01 05 00 00 05", new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, null)),
                Arguments.of("MP-4.1-1", "3f 01 05 00 00 05 01 00 00",
                        new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, new EcnCounts(1, 0, 0))),
                Arguments.of("MP-4.2-1", "7e 75 01 00", new Frame.PathAbandon(1, 0)),
                Arguments.of("MP-4.2-1", "7e 75 01 7e 76", new Frame.PathAbandon(1, 0x3e76)),
                Arguments.of("MP-4.3-1", "7e 76 02 07", new Frame.PathStatusBackup(2, 7)),
                Arguments.of("MP-4.3-1", "7e 77 02 08", new Frame.PathStatusAvailable(2, 8)),
                Arguments.of("MP-4.4-1", "7e 78 01 00 00 08 " + CID + TOKEN,
                        new Frame.PathNewConnectionId(1, 0, 0, Bytes.ofHex(CID), Bytes.ofHex(TOKEN))),
                Arguments.of("MP-4.5-1", "7e 79 01 00", new Frame.PathRetireConnectionId(1, 0)),
                Arguments.of("MP-4.6-1", "7e 7a 04", new Frame.MaxPathId(4)),
                Arguments.of("MP-4.7-1", "7e 7b 04", new Frame.PathsBlocked(4)),
                Arguments.of("MP-4.7-1", "7e 7c 03 01", new Frame.PathCidsBlocked(3, 1)),
                // Path ID 2^32-1 and 2^32 (§2.2): both encodable, so the codec decodes them (limits are state).
                Arguments.of("MP-4.2-1", "7e 75 c0 00 00 00 ff ff ff ff 00", new Frame.PathAbandon(PATH_ID_MAX, 0)),
                Arguments.of("MP-4.2-1", "7e 75 c0 00 00 01 00 00 00 00 00",
                        new Frame.PathAbandon(PATH_ID_TOO_BIG, 0)),
                Arguments.of("MP-4.1-1", "3e c0 00 00 00 ff ff ff ff 05 00 00 05",
                        new Frame.PathAck(PATH_ID_MAX, 5, 0, 5, AckRanges.NONE, null)),
                Arguments.of("MP-4.3-1", "7e 77 c0 00 00 01 00 00 00 00 08",
                        new Frame.PathStatusAvailable(PATH_ID_TOO_BIG, 8)),
                Arguments.of("MP-4.6-1", "7e 7a c0 00 00 00 ff ff ff ff", new Frame.MaxPathId(PATH_ID_MAX)),
                Arguments.of("MP-4.6-1", "7e 7a c0 00 00 01 00 00 00 00", new Frame.MaxPathId(PATH_ID_TOO_BIG)));
    }

    @ParameterizedTest(name = "{0} draft-21: {1}")
    @MethodSource("section22Examples")
    @Tag("MP-4.1-1")
    @Tag("MP-4.2-1")
    @Tag("MP-4.3-1")
    @Tag("MP-4.4-1")
    @Tag("MP-4.5-1")
    @Tag("MP-4.6-1")
    @Tag("MP-4.7-1")
    void draft21ExampleDecodesAndEncodesBack(String requirement, String bytes, Frame expected)
            throws FrameDecodeException {
        Frame decoded = decodeOne(Dialect.DRAFT_21, bytes);
        assertThat(decoded).isEqualTo(expected);
        assertThat(hex(encode(Dialect.DRAFT_21, expected))).isEqualTo(bytes.replace(" ", ""));
    }

    @Test
    @Tag("MP-4.6-1")
    @DisplayName("MP-4.6-1 MAX_PATH_ID 2^32 decodes: the codec does not check limits (MP-4.6-2 is state)")
    void maxPathIdAboveTwoToTheThirtyTwoDecodes() throws FrameDecodeException {
        Frame f = decodeOne(Dialect.DRAFT_21, "7e 7a c0 00 00 01 00 00 00 00");
        assertThat(f).isInstanceOf(Frame.MaxPathId.class);
        assertThat(((Frame.MaxPathId) f).maximum()).isEqualTo(4294967296L);
        // Same in the draft-18 codepoint generation.
        assertThat(decodeOne(Dialect.DRAFT_18, "95 22 8c 0c c0 00 00 01 00 00 00 00"))
                .isEqualTo(new Frame.MaxPathId(PATH_ID_TOO_BIG));
    }

    @Test
    @DisplayName("§2.2 path ID 2^32-1 is c0 00 00 00 ff ff ff ff, path ID 2^32 is c0 00 00 01 00 00 00 00")
    void pathIdVarints() {
        assertThat(hex(Varint.encode(PATH_ID_MAX))).isEqualTo("c0000000ffffffff");
        assertThat(hex(Varint.encode(PATH_ID_TOO_BIG))).isEqualTo("c000000100000000");
    }

    static Stream<Arguments> nonMinimalTypes() {
        return Stream.of(
                Arguments.of("40 3e 01 05 00 00 05", 0x3eL, new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, null)),
                Arguments.of("80 00 3e 75 01 00", 0x3e75L, new Frame.PathAbandon(1, 0)),
                Arguments.of("c0 00 00 00 00 00 3e 7a 04", 0x3e7aL, new Frame.MaxPathId(4)),
                Arguments.of("40 01", 0x01L, new Frame.Ping()),
                Arguments.of("80 00 00 1e", 0x1eL, new Frame.HandshakeDone()));
    }

    @ParameterizedTest(name = "Q-12.4-1 STRICT rejects the non-minimal frame type {0} with PROTOCOL_VIOLATION")
    @MethodSource("nonMinimalTypes")
    @Tag("Q-12.4-1")
    void nonMinimalTypeIsProtocolViolationWhenStrict(String bytes, long type, Frame expected) {
        FrameDecodeException e = decodeError(Dialect.DRAFT_21, Strictness.STRICT, hex(bytes));
        assertError(e, TransportError.PROTOCOL_VIOLATION, 0, type);
        // After another frame the offset moves with it.
        FrameDecodeException later = decodeError(Dialect.DRAFT_21, Strictness.STRICT, hex("01 01 " + bytes));
        assertError(later, TransportError.PROTOCOL_VIOLATION, 2, type);
    }

    @ParameterizedTest(name = "Q-12.4-1 LENIENT accepts the non-minimal frame type {0}")
    @MethodSource("nonMinimalTypes")
    @Tag("Q-12.4-1")
    void nonMinimalTypeIsAcceptedWhenLenient(String bytes, long type, Frame expected) throws FrameDecodeException {
        assertThat(decodeOne(Dialect.DRAFT_21, Strictness.LENIENT, hex(bytes))).isEqualTo(expected);
        List<Frame> all = new FrameDecoder(Dialect.DRAFT_21, Strictness.LENIENT).decodeAll(hex("01 " + bytes));
        assertThat(all).containsExactly(new Frame.Ping(), expected);
    }

    @Test
    @Tag("Q-12.4-1")
    @DisplayName("Q-12.4-1 non-minimal draft-18 type 0x15228c05 in 8 bytes is PROTOCOL_VIOLATION when strict only")
    void nonMinimalDraft18Type() throws FrameDecodeException {
        String bytes = "c0 00 00 00 15 22 8c 05 01 00";
        assertError(decodeError(Dialect.DRAFT_18, Strictness.STRICT, hex(bytes)), TransportError.PROTOCOL_VIOLATION,
                0, 0x15228c05L);
        assertThat(decodeOne(Dialect.DRAFT_18, Strictness.LENIENT, hex(bytes))).isEqualTo(new Frame.PathAbandon(1, 0));
    }

    @Test
    @DisplayName("§1.1 / §1.2 wire bytes: TP and frame-type codepoints as varints")
    void section1WireBytes() {
        assertThat(hex(Varint.encode(0x0f739bbc1b666d0dL))).isEqualTo("cf739bbc1b666d0d");
        assertThat(hex(Varint.encode(0x3e))).isEqualTo("3e");
        assertThat(hex(Varint.encode(0xbabf))).isEqualTo("8000babf");
        assertThat(hex(Varint.encode(0x15228c05L))).isEqualTo("95228c05");
        assertThat(hex(Varint.encode(0xbaba05L))).isEqualTo("80baba05");
        for (long c = 0x3e75; c <= 0x3e7c; c++) {
            assertThat(hex(Varint.encode(c))).isEqualTo("7e" + Long.toHexString(c & 0xff));
        }
        assertThat(Dialect.DRAFT_21.transportParameterId()).isEqualTo(0x3e);
        assertThat(Dialect.DRAFT_18.transportParameterId()).isEqualTo(0x0f739bbc1b666d0dL);
        assertThat(Dialect.DRAFT_06.transportParameterId()).isEqualTo(0x0f739bbc1b666d06L);
    }

    static Stream<Arguments> appendixAExamples() {
        return Stream.of(
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 00 01 05 00 00 05",
                        new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, null)),
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 01 01 05 00 00 05 01 00 00",
                        new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, new EcnCounts(1, 0, 0))),
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 05 01 c0 41 50 50 41 42 41 4e",
                        new Frame.PathAbandon(1, 0x004150504142414eL)),
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 07 02 07", new Frame.PathStatusBackup(2, 7)),
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 08 02 08", new Frame.PathStatusAvailable(2, 8)),
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 09 01 00 00 08 " + CID + TOKEN,
                        new Frame.PathNewConnectionId(1, 0, 0, Bytes.ofHex(CID), Bytes.ofHex(TOKEN))),
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 0a 01 00", new Frame.PathRetireConnectionId(1, 0)),
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 0c 04", new Frame.MaxPathId(4)),
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 0d 04", new Frame.PathsBlocked(4)),
                Arguments.of(Dialect.DRAFT_18, "95 22 8c 0e 03 01", new Frame.PathCidsBlocked(3, 1)),
                Arguments.of(Dialect.DRAFT_06, "95 22 8c 00 01 05 00 00 05",
                        new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, null)),
                Arguments.of(Dialect.DRAFT_06, "95 22 8c 01 01 05 00 00 05 01 00 00",
                        new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, new EcnCounts(1, 0, 0))),
                Arguments.of(Dialect.DRAFT_06, "95 22 8c 05 01 d0 01 d7 6d 3d ed 42 f3 04 67 6f 6e 65",
                        new Frame.PathAbandon(1, 0x1001d76d3ded42f3L, Bytes.ofHex("676f6e65"))),
                Arguments.of(Dialect.DRAFT_06, "95 22 8c 05 01 00 00", new Frame.PathAbandon(1, 0)),
                Arguments.of(Dialect.DRAFT_06, "95 22 8c 07 02 07", new Frame.PathStatusBackup(2, 7)),
                Arguments.of(Dialect.DRAFT_06, "95 22 8c 08 02 08", new Frame.PathStatusAvailable(2, 8)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("appendixAExamples")
    @DisplayName("Appendix A layouts decode and encode back")
    void olderDialectExample(Dialect dialect, String bytes, Frame expected) throws FrameDecodeException {
        assertThat(decodeOne(dialect, bytes)).isEqualTo(expected);
        assertThat(hex(encode(dialect, expected))).isEqualTo(bytes.replace(" ", ""));
    }
}
