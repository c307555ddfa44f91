package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.CodecFixtures.concat;
import static io.mpqc.ref.frame.CodecFixtures.encode;
import static io.mpqc.ref.frame.CodecFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mpqc.ref.frame.CodecFixtures.BufferKind;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strict prefix of every frame (Q-12.4-5, MP-4.1-1): a truncated frame is FRAME_ENCODING_ERROR with
 * an offset inside the input, the reader index is restored, and the decoder never reads past the writer
 * index (the bytes after it are really there, so reading them would turn an error into a frame). The two
 * frames whose prefixes are themselves frames, a PADDING run and a STREAM without LEN bit, are checked for
 * exactly that shorter frame.
 */
@Tag("Q-12.4-5")
@Tag("MP-4.1-1")
class TruncationTest {
    private static final byte[] JUNK = hex("ee ee ee");

    static Stream<Arguments> frames() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            for (Frame f : CodecFixtures.variants(d)) {
                out.add(Arguments.of(d, f));
            }
            out.add(Arguments.of(d, new Frame.Stream(4, 0, CodecFixtures.bytes("abc"), false, false)));
            out.add(Arguments.of(d, new Frame.Stream(16384, 1L << 40, CodecFixtures.bytes("abc"), true, false)));
        }
        return out.stream();
    }

    @Test
    @DisplayName("Q-12.4-5 the truncation set holds a frame of every kind in every dialect that has it")
    void everyKindIsCovered() {
        for (Dialect d : Dialect.values()) {
            Set<FrameType> kinds = EnumSet.noneOf(FrameType.class);
            frames().filter(a -> a.get()[0] == d).forEach(a -> kinds.add(((Frame) a.get()[1]).type()));
            for (FrameType t : FrameType.values()) {
                assertThat(kinds.contains(t)).as("%s %s", d, t).isEqualTo(d.supports(t));
            }
        }
    }

    @ParameterizedTest(name = "Q-12.4-5 {0} every prefix of {1}")
    @MethodSource("frames")
    void everyStrictPrefix(Dialect dialect, Frame frame) throws FrameDecodeException {
        byte[] full = encode(dialect, frame);
        for (Strictness strictness : Strictness.values()) {
            FrameDecoder decoder = new FrameDecoder(dialect, strictness);
            for (BufferKind bufferKind : BufferKind.values()) {
                for (int k = 0; k < full.length; k++) {
                    checkPrefix(decoder, bufferKind, frame, full, k);
                }
            }
        }
    }

    private static void checkPrefix(FrameDecoder decoder, BufferKind bufferKind, Frame frame, byte[] full, int k)
            throws FrameDecodeException {
        ByteBuf buf = bufferKind.wrap(concat(JUNK, full), JUNK.length, JUNK.length + k);
        try {
            checkPrefix(decoder, buf, bufferKind, frame, full, k);
        } finally {
            buf.release();
        }
    }

    private static void checkPrefix(FrameDecoder decoder, ByteBuf buf, BufferKind bufferKind, Frame frame,
            byte[] full, int k) throws FrameDecodeException {
        String what = bufferKind + " prefix " + k + " of " + hex(full);
        Frame shorter = validShorterFrame(frame, full, k);
        if (shorter != null) {
            assertThat(decoder.decode(buf)).as(what).isEqualTo(shorter);
            assertThat(buf.readerIndex()).as(what).isEqualTo(JUNK.length + k);
            return;
        }
        FrameDecodeException e = catchThrowableOfType(FrameDecodeException.class, () -> decoder.decode(buf));
        assertThat(e).as(what + " must not decode").isNotNull();
        assertThat(e.error()).as(what + ": " + e).isEqualTo(TransportError.FRAME_ENCODING_ERROR);
        assertThat(e.offset()).as(what + ": " + e).isBetween(0, k);
        int typeLength = Varint.lengthFromFirstByte(full[0]);
        assertThat(e.frameType()).as(what).isEqualTo(k < typeLength ? -1 : Varint.read(full, 0));
        assertThat(buf.readerIndex()).as(what + ": reader index restored").isEqualTo(JUNK.length);
        assertThat(buf.writerIndex()).as(what).isEqualTo(JUNK.length + k);
        // The byte[] entry point sees the same error at the same offset.
        byte[] prefix = Arrays.copyOf(full, k);
        FrameDecodeException e2 = catchThrowableOfType(FrameDecodeException.class, () -> decoder.decodeAll(prefix));
        if (k == 0) {
            assertThat(e2).as("an empty payload is no frames, not an error").isNull();
        } else {
            assertThat(e2).as(what).isNotNull();
            assertThat(e2.error()).isEqualTo(e.error());
            assertThat(e2.offset()).isEqualTo(e.offset());
        }
    }

    /** The frame a prefix of {@code k} bytes legitimately decodes to, or null if the prefix must fail. */
    private static Frame validShorterFrame(Frame frame, byte[] full, int k) {
        if (frame instanceof Frame.Padding) {
            return k == 0 ? null : new Frame.Padding(k);
        }
        if (frame instanceof Frame.Stream s && !s.explicitLength()) {
            int header = full.length - s.data().length();
            if (k < header) {
                return null;
            }
            byte[] data = Arrays.copyOf(s.data().toByteArray(), k - header);
            return new Frame.Stream(s.streamId(), s.offset(), Bytes.of(data), s.fin(), false);
        }
        return null;
    }

    @ParameterizedTest(name = "Q-12.4-5 {0}: a truncated frame after valid ones reports the offset from the payload start")
    @EnumSource(Dialect.class)
    void offsetCountsFromThePayloadStart(Dialect dialect) {
        byte[] ping = hex("01");
        byte[] ack = encode(dialect, CodecFixtures.sample(dialect, FrameType.ACK));
        byte[] status = encode(dialect, CodecFixtures.sample(dialect, FrameType.PATH_STATUS_AVAILABLE));
        byte[] cut = Arrays.copyOf(status, status.length - 1);
        byte[] payload = concat(ping, ack, cut);
        FrameDecodeException e = catchThrowableOfType(FrameDecodeException.class,
                () -> new FrameDecoder(dialect).decodeAll(payload));
        assertThat(e).isNotNull();
        assertThat(e.error()).isEqualTo(TransportError.FRAME_ENCODING_ERROR);
        // The sample ends with the 2-byte varint 43 20 (status sequence 800); its first byte is the last one left.
        assertThat(hex(status)).endsWith("024320");
        assertThat(e.offset()).isEqualTo(payload.length - 1);
        assertThat(e.frameType()).isEqualTo(dialect.codepoint(FrameType.PATH_STATUS_AVAILABLE));
    }
}
