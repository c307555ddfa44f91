package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.CodecFixtures.decodeOne;
import static io.mpqc.ref.frame.CodecFixtures.encode;
import static io.mpqc.ref.frame.CodecFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * decode(encode(f)) == f for every frame kind in every dialect that has it, with boundary values; and
 * encode(decode(b)) == b for canonical byte strings.
 */
@Tag("MP-4.1-1")
@Tag("MP-4.2-1")
@Tag("MP-4.3-1")
@Tag("MP-4.4-1")
@Tag("MP-4.5-1")
@Tag("MP-4.6-1")
@Tag("MP-4.7-1")
class RoundTripTest {

    static Stream<Arguments> frames() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            for (Frame f : CodecFixtures.variants(d)) {
                out.add(Arguments.of(d, f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} decode(encode({1}))")
    @MethodSource("frames")
    void frameSurvivesEncodeAndDecode(Dialect dialect, Frame frame) throws FrameDecodeException {
        byte[] wire = encode(dialect, frame);
        for (Strictness s : Strictness.values()) {
            assertThat(decodeOne(dialect, s, wire)).isEqualTo(frame);
        }
        // The ByteBuf form appends at the writer index and writes the same bytes.
        ByteBuf buf = Unpooled.buffer().writeByte(0x42);
        new FrameEncoder(dialect).encode(frame, buf);
        assertThat(hex(ByteBufUtil.getBytes(buf, 1, buf.readableBytes() - 1))).isEqualTo(hex(wire));
        // Canonical: encoding the decoded frame gives the same bytes again.
        assertThat(hex(encode(dialect, decodeOne(dialect, wire)))).isEqualTo(hex(wire));
    }

    @ParameterizedTest(name = "{0}: a whole payload of every frame kind round-trips through encodeAll/decodeAll")
    @EnumSource(Dialect.class)
    void payloadRoundTrip(Dialect dialect) throws FrameDecodeException {
        List<Frame> frames = new ArrayList<>();
        for (Frame f : CodecFixtures.variants(dialect)) {
            // Inside a payload, PADDING runs merge with neighbours and a STREAM without LEN eats the rest;
            // keep them to the end where their meaning is unambiguous.
            if (!(f instanceof Frame.Padding) && !(f instanceof Frame.Stream s && !s.explicitLength())) {
                frames.add(f);
            }
        }
        frames.add(new Frame.Padding(40));
        frames.add(new Frame.Ping());
        frames.add(new Frame.Stream(8, 3, CodecFixtures.bytes("tail"), true, false));
        byte[] payload = new FrameEncoder(dialect).encodeAll(frames);
        assertThat(new FrameDecoder(dialect).decodeAll(payload)).containsExactlyElementsOf(frames);
    }

    /** Canonical byte strings: minimal varints, the form the encoder writes. */
    static Stream<Arguments> canonicalBytes() {
        String cid = "0102030405060708";
        String token = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";
        List<Arguments> out = new ArrayList<>();
        String[] common = {
            "00", "000000", "01", "02 05 00 00 05", "03 4064 19 01 02 01 03 11 00 4064", "04 04 4100 80011170",
            "05 08 11", "06 404b 05 68656c6c6f", "07 02 abcd", "08 04 6869", "0a 04 02 6869", "0c 04 4040 6869",
            "0f 04 43e8 02 6869", "09 00", "10 c000010000000000", "11 04 80010000", "12 40 64", "13 d000000000000000",
            "14 80004000", "15 08 7fff", "16 00", "17 bfffffff", "18 05 02 08 " + cid + token,
            "19 412c", "1a 0123456789abcdef", "1b fedcba9876543210", "1c 0a 7e75 03 626164", "1c 00 00 00",
            "1d 4100 03 627965", "1e"};
        for (Dialect d : Dialect.values()) {
            for (String c : common) {
                out.add(Arguments.of(d, c));
            }
        }
        for (String c : new String[] {"3e 01 05 00 00 05", "3f 01 05 00 00 05 01 00 00", "7e75 01 7e76", "7e75 00 00",
            "7e76 02 07", "7e77 02 08", "7e78 01 00 00 08 " + cid + token, "7e79 01 00", "7e7a 04", "7e7b 04",
            "7e7c 03 01", "7e7a c000000100000000"}) {
            out.add(Arguments.of(Dialect.DRAFT_21, c));
        }
        for (String c : new String[] {"95228c00 01 05 00 00 05", "95228c01 01 05 00 00 05 01 00 00",
            "95228c05 01 c04150504142414e", "95228c07 02 07", "95228c08 02 08",
            "95228c09 01 00 00 08 " + cid + token, "95228c0a 01 00", "95228c0c 04", "95228c0d 04",
            "95228c0e 03 01"}) {
            out.add(Arguments.of(Dialect.DRAFT_18, c));
        }
        for (String c : new String[] {"95228c00 01 05 00 00 05", "95228c01 01 05 00 00 05 01 00 00",
            "95228c05 01 00 00", "95228c05 02 d001d76d3ded42f3 04 676f6e65", "95228c07 02 07", "95228c08 02 08"}) {
            out.add(Arguments.of(Dialect.DRAFT_06, c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} encode(decode({1}))")
    @MethodSource("canonicalBytes")
    void canonicalBytesSurviveDecodeAndEncode(Dialect dialect, String bytes) throws FrameDecodeException {
        byte[] wire = hex(bytes);
        List<Frame> frames = new FrameDecoder(dialect).decodeAll(wire);
        assertThat(frames).hasSize(1);
        assertThat(hex(new FrameEncoder(dialect).encodeAll(frames))).isEqualTo(hex(wire));
    }
}
