package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.CodecFixtures.MP_KINDS;
import static io.mpqc.ref.frame.CodecFixtures.assertError;
import static io.mpqc.ref.frame.CodecFixtures.concat;
import static io.mpqc.ref.frame.CodecFixtures.decodeError;
import static io.mpqc.ref.frame.CodecFixtures.decodeOne;
import static io.mpqc.ref.frame.CodecFixtures.encode;
import static io.mpqc.ref.frame.CodecFixtures.expectedCodepoint;
import static io.mpqc.ref.frame.CodecFixtures.expectedCodepoints;
import static io.mpqc.ref.frame.CodecFixtures.hex;
import static io.mpqc.ref.frame.CodecFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every codepoint of every dialect: the frame-type table (digest §1.2 and appendix A), that each codepoint
 * decodes to its kind in its own dialect only, and that a codepoint of another generation is an unknown
 * frame (FRAME_ENCODING_ERROR, Q-12.4-2).
 */
class DialectCodepointsTest {

    /** Every (dialect, multipath kind) pair with the expected codepoint (-1: absent). */
    static Stream<Arguments> multipathCodepoints() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            for (FrameType kind : MP_KINDS) {
                out.add(Arguments.of(d, kind, expectedCodepoint(d, kind)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "MP-4.1-1..MP-4.7-1 {0} {1} = {2}")
    @MethodSource("multipathCodepoints")
    @Tag("MP-4.1-1")
    @Tag("MP-4.2-1")
    @Tag("MP-4.3-1")
    @Tag("MP-4.4-1")
    @Tag("MP-4.5-1")
    @Tag("MP-4.6-1")
    @Tag("MP-4.7-1")
    void codepointTable(Dialect dialect, FrameType kind, long codepoint) {
        assertThat(dialect.codepoint(kind)).isEqualTo(codepoint);
        assertThat(dialect.supports(kind)).isEqualTo(codepoint >= 0);
        if (codepoint >= 0) {
            assertThat(dialect.multipathType(codepoint)).isEqualTo(kind);
        }
    }

    @ParameterizedTest(name = "{0} {1} = {2}: the encoding starts with that varint and decodes to {1}")
    @MethodSource("multipathCodepoints")
    @Tag("Q-12.4-2")
    void codepointOnTheWire(Dialect dialect, FrameType kind, long codepoint) throws FrameDecodeException {
        if (codepoint < 0) {
            // draft-06 has no such frame: its encoder refuses the kind.
            Frame foreign = sample(Dialect.DRAFT_21, kind);
            assertThatIllegalArgumentException().isThrownBy(() -> encode(dialect, foreign));
            return;
        }
        Frame f = sample(dialect, kind);
        byte[] wire = encode(dialect, f);
        byte[] type = Varint.encode(codepoint);
        assertThat(hex(Arrays.copyOf(wire, type.length))).isEqualTo(hex(type));
        Frame decoded = decodeOne(dialect, wire);
        assertThat(decoded.type()).isEqualTo(kind);
        assertThat(decoded).isEqualTo(f);
    }

    @ParameterizedTest(name = "RFC 9000 frame codepoints are the same in {0}")
    @EnumSource(Dialect.class)
    void rfc9000CodepointsAreShared(Dialect dialect) throws FrameDecodeException {
        long[] expected = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15,
            0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e};
        FrameType[] kinds = Arrays.copyOf(FrameType.values(), expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(kinds[i].isMultipath()).isFalse();
            assertThat(dialect.codepoint(kinds[i])).as("%s", kinds[i]).isEqualTo(expected[i]);
            Frame f = sample(dialect, kinds[i]);
            byte[] wire = encode(dialect, f);
            if (kinds[i] != FrameType.STREAM) {
                assertThat(wire[0] & 0xff).as("first byte of %s", kinds[i]).isEqualTo((int) expected[i]);
            }
            assertThat(decodeOne(dialect, wire)).isEqualTo(f);
        }
        assertThat(FrameType.PATH_ACK.isMultipath()).isTrue();
    }

    @ParameterizedTest(name = "STREAM type {0} decodes in every dialect")
    @ValueSource(ints = {0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f})
    void everyStreamTypeByte(int type) throws FrameDecodeException {
        // Stream ID 4, then (if OFF) offset 5, then (if LEN) length 2, then data "hi".
        StringBuilder sb = new StringBuilder(String.format("%02x 04", type));
        if ((type & 0x04) != 0) {
            sb.append(" 05");
        }
        if ((type & 0x02) != 0) {
            sb.append(" 02");
        }
        sb.append(" 6869");
        for (Dialect d : Dialect.values()) {
            Frame f = decodeOne(d, sb.toString());
            assertThat(f).isEqualTo(new Frame.Stream(4, (type & 0x04) != 0 ? 5 : 0, Bytes.ofHex("6869"),
                    (type & 0x01) != 0, (type & 0x02) != 0));
        }
    }

    /** Multipath codepoints of one dialect that another dialect does not know. */
    static Stream<Arguments> foreignCodepoints() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect from : Dialect.values()) {
            for (Dialect to : Dialect.values()) {
                if (from == to) {
                    continue;
                }
                for (long c : expectedCodepoints(from)) {
                    if (c >= 0 && Arrays.stream(expectedCodepoints(to)).noneMatch(x -> x == c)) {
                        out.add(Arguments.of(from, to, c));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "Q-12.4-2 {0} codepoint {2} is an unknown frame to {1}")
    @MethodSource("foreignCodepoints")
    @Tag("Q-12.4-2")
    void foreignCodepointIsUnknown(Dialect from, Dialect to, long codepoint) {
        byte[] frame = concat(Varint.encode(codepoint), CodecFixtures.hex("01 02 03 04"));
        assertError(decodeError(to, Strictness.STRICT, frame), TransportError.FRAME_ENCODING_ERROR, 0, codepoint);
        assertError(decodeError(to, Strictness.LENIENT, frame), TransportError.FRAME_ENCODING_ERROR, 0, codepoint);
        assertThat(to.multipathType(codepoint)).isNull();
    }

    @Test
    @Tag("Q-12.4-2")
    @DisplayName("Q-12.4-2 the foreign-codepoint matrix covers draft-21 vs draft-18 both ways and draft-06 gaps")
    void foreignMatrixIsComplete() {
        List<Arguments> all = foreignCodepoints().toList();
        // 10 draft-21 codes unknown to draft-18 and to draft-06, 10 draft-18 codes unknown to draft-21,
        // 5 draft-06 codes unknown to draft-21, and the 5 CID/limit codes of draft-18 unknown to draft-06.
        assertThat(all).hasSize(10 + 10 + 10 + 5 + 5);
        assertThat(all).anySatisfy(a -> assertThat(a.get()).containsExactly(Dialect.DRAFT_18, Dialect.DRAFT_06,
                0x15228c09L));
        assertThat(all).anySatisfy(a -> assertThat(a.get()).containsExactly(Dialect.DRAFT_21, Dialect.DRAFT_18,
                0x3eL));
        assertThat(all).anySatisfy(a -> assertThat(a.get()).containsExactly(Dialect.DRAFT_18, Dialect.DRAFT_21,
                0x15228c00L));
    }

    @ParameterizedTest(name = "Q-12.4-2 draft-06 lacks {0}: its codepoint is an unknown frame there")
    @EnumSource(value = FrameType.class, names = {"PATH_NEW_CONNECTION_ID", "PATH_RETIRE_CONNECTION_ID",
        "MAX_PATH_ID", "PATHS_BLOCKED", "PATH_CIDS_BLOCKED"})
    @Tag("Q-12.4-2")
    void draft06LacksCidAndLimitFrames(FrameType kind) throws FrameDecodeException {
        Frame f = sample(Dialect.DRAFT_18, kind);
        byte[] draft18Bytes = encode(Dialect.DRAFT_18, f);
        assertThat(decodeOne(Dialect.DRAFT_18, draft18Bytes)).isEqualTo(f);
        long code = Dialect.DRAFT_18.codepoint(kind);
        assertError(decodeError(Dialect.DRAFT_06, Strictness.STRICT, draft18Bytes), TransportError.FRAME_ENCODING_ERROR,
                0, code);
        assertThat(Dialect.DRAFT_06.supports(kind)).isFalse();
        assertThat(Dialect.DRAFT_06.codepoint(kind)).isEqualTo(-1);
    }

    @Test
    @DisplayName("Old-generation codepoints (0xbaba.., 0x15228c06, 0x15228c0b) are unknown in every dialect")
    @Tag("Q-12.4-2")
    void retiredCodepointsAreUnknownEverywhere() {
        long[] retired = {0xbaba00L, 0xbaba01L, 0xbaba05L, 0xbaba06L, 0x15228c02L, 0x15228c06L, 0x15228c0bL,
            0x15228c0fL, 0x3e74, 0x3e7d, 0x3d, 0x40};
        for (Dialect d : Dialect.values()) {
            for (long c : retired) {
                assertError(decodeError(d, Strictness.STRICT, concat(Varint.encode(c), hex("00 00"))),
                        TransportError.FRAME_ENCODING_ERROR, 0, c);
            }
        }
    }

    @Test
    @Tag("MP-4.2-1")
    @DisplayName("MP-4.2-1 draft-06 PATH_ABANDON carries a reason phrase; the same bytes mis-parse in draft-18")
    void draft06AbandonReasonPhrase() throws FrameDecodeException {
        String bytes = "95 22 8c 05 01 00 04 67 6f 6e 65";
        assertThat(decodeOne(Dialect.DRAFT_06, bytes))
                .isEqualTo(new Frame.PathAbandon(1, 0, CodecFixtures.bytes("gone")));
        // draft-18 has no reason phrase: "04 67 6f 6e 65" becomes a RESET_STREAM whose Final Size is missing.
        FrameDecodeException e = decodeError(Dialect.DRAFT_18, bytes);
        assertError(e, TransportError.FRAME_ENCODING_ERROR, 11, 0x04);
        // With an empty reason the leftover 00 is just PADDING.
        assertThat(new FrameDecoder(Dialect.DRAFT_18).decodeAll(hex("95 22 8c 05 01 00 00")))
                .containsExactly(new Frame.PathAbandon(1, 0), new Frame.Padding(1));
    }

    @Test
    @DisplayName("draft-06 frame names: ACK_MP, PATH_STANDBY, PATH_AVAILABLE, and dcid_seq as path field")
    void draft06Names() {
        assertThat(Dialect.DRAFT_06.frameName(FrameType.PATH_ACK)).isEqualTo("ACK_MP");
        assertThat(Dialect.DRAFT_06.frameName(FrameType.PATH_ACK_ECN)).isEqualTo("ACK_MP_ECN");
        assertThat(Dialect.DRAFT_06.frameName(FrameType.PATH_STATUS_BACKUP)).isEqualTo("PATH_STANDBY");
        assertThat(Dialect.DRAFT_06.frameName(FrameType.PATH_STATUS_AVAILABLE)).isEqualTo("PATH_AVAILABLE");
        assertThat(Dialect.DRAFT_21.frameName(FrameType.PATH_STATUS_BACKUP)).isEqualTo("PATH_STATUS_BACKUP");
        assertThat(FrameFields.of(new Frame.PathStatusBackup(2, 7), Dialect.DRAFT_06)).containsKey("dcid_seq");
        assertThat(FrameFields.of(new Frame.PathStatusBackup(2, 7), Dialect.DRAFT_21)).containsKey("path_id");
    }

    @Test
    @DisplayName("Dialects are found by their draft name and by enum name")
    void dialectByName() {
        assertThat(Dialect.byName("draft-21")).isEqualTo(Dialect.DRAFT_21);
        assertThat(Dialect.byName("DRAFT_18")).isEqualTo(Dialect.DRAFT_18);
        assertThat(Dialect.byName("Draft-06")).isEqualTo(Dialect.DRAFT_06);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Dialect.byName("draft-99")).withMessageContaining("draft-21");
    }
}
