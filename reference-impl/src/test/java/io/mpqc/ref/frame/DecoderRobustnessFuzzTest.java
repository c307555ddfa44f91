package io.mpqc.ref.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mpqc.ref.frame.CodecFixtures.BufferKind;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Arbitrary bytes into the decoder of each dialect: only {@link FrameDecodeException} may come out (any
 * other exception fails the test), errors carry a legal code and an offset inside the input, the reader
 * index is restored, the decoder never reads past the writer index, and every decoded frame re-encodes to
 * at most the bytes it came from and decodes to itself. In regression mode (the normal build) each method
 * runs the shared inputs in {@code src/test/resources/io/mpqc/ref/frame/DecoderRobustnessFuzzTestInputs/}
 * and its own sub-directory.
 */
@Tag("Q-12.4-2")
@Tag("Q-12.4-5")
@Tag("Q-16-2")
class DecoderRobustnessFuzzTest {
    /** Bytes placed after the writer index: a decoder that reads them sees different frames. */
    private static final byte[] SENTINEL = {0x00, 0x00, 0x40, 0x01, (byte) 0xff, 0x3e, 0x01, 0x00};

    @FuzzTest(maxDuration = "60s")
    void draft21(byte[] data) {
        check(Dialect.DRAFT_21, data);
    }

    @FuzzTest(maxDuration = "60s")
    void draft18(byte[] data) {
        check(Dialect.DRAFT_18, data);
    }

    @FuzzTest(maxDuration = "60s")
    void draft06(byte[] data) {
        check(Dialect.DRAFT_06, data);
    }

    static void check(Dialect dialect, byte[] data) {
        List<Frame> strictFrames = null;
        for (Strictness strictness : Strictness.values()) {
            Outcome one = frameByFrame(dialect, strictness, data, BufferKind.HEAP);
            for (BufferKind kind : BufferKind.values()) {
                if (kind != BufferKind.HEAP) {
                    // Same frames, same error whatever shape the buffer has.
                    Outcome other = frameByFrame(dialect, strictness, data, kind);
                    assertThat(other.frames).as("%s", kind).isEqualTo(one.frames);
                    assertThat(String.valueOf(other.error)).as("%s", kind).isEqualTo(String.valueOf(one.error));
                }
            }
            Outcome all = whole(dialect, strictness, data);
            if (one.error == null) {
                assertThat(all.error).isNull();
                assertThat(all.frames).isEqualTo(one.frames);
            } else {
                assertThat(all.error).isNotNull();
                assertThat(all.error.error()).isEqualTo(one.error.error());
                assertThat(all.error.offset()).isEqualTo(one.error.offset());
                assertThat(all.error.frameType()).isEqualTo(one.error.frameType());
            }
            if (strictness == Strictness.STRICT) {
                if (one.error == null) {
                    strictFrames = one.frames;
                }
            } else if (strictFrames != null) {
                // Whatever decodes strictly decodes the same leniently.
                assertThat(one.error).isNull();
                assertThat(one.frames).isEqualTo(strictFrames);
            }
        }
    }

    private record Outcome(List<Frame> frames, FrameDecodeException error) {
    }

    /** decodeAll on the array: all frames, or the error and no frames. */
    private static Outcome whole(Dialect dialect, Strictness strictness, byte[] data) {
        try {
            return new Outcome(new FrameDecoder(dialect, strictness).decodeAll(data), null);
        } catch (FrameDecodeException e) {
            return new Outcome(List.of(), e);
        }
    }

    /** Decodes one frame at a time from a buffer of {@code kind} whose bytes go on past the writer index. */
    private static Outcome frameByFrame(Dialect dialect, Strictness strictness, byte[] data, BufferKind kind) {
        byte[] backing = Arrays.copyOf(data, data.length + SENTINEL.length);
        System.arraycopy(SENTINEL, 0, backing, data.length, SENTINEL.length);
        ByteBuf buf = kind.wrap(backing, 0, data.length);
        try {
            return frameByFrame(dialect, strictness, data, buf);
        } finally {
            buf.release();
        }
    }

    private static Outcome frameByFrame(Dialect dialect, Strictness strictness, byte[] data, ByteBuf buf) {
        FrameDecoder decoder = new FrameDecoder(dialect, strictness);
        FrameEncoder encoder = new FrameEncoder(dialect);
        List<Frame> frames = new ArrayList<>();
        while (buf.isReadable()) {
            int start = buf.readerIndex();
            try {
                Frame f = decoder.decode(buf, 0);
                int consumed = buf.readerIndex() - start;
                assertThat(consumed).isPositive();
                assertThat(buf.readerIndex()).isLessThanOrEqualTo(data.length);
                byte[] again = encoder.encode(f);
                assertThat(again.length).as("canonical form of %s is never longer", f).isLessThanOrEqualTo(consumed);
                Frame back = CodecFixtures.decodeOne(dialect, Strictness.STRICT, again);
                assertThat(back).isEqualTo(f);
                assertThat(back.hashCode()).isEqualTo(f.hashCode());
                frames.add(f);
            } catch (FrameDecodeException e) {
                assertThat(buf.readerIndex()).as("reader index restored").isEqualTo(start);
                assertThat(e.offset()).as("%s", e).isBetween(start, data.length);
                if (strictness == Strictness.STRICT) {
                    assertThat(e.error()).isIn(TransportError.FRAME_ENCODING_ERROR, TransportError.PROTOCOL_VIOLATION);
                } else {
                    assertThat(e.error()).isEqualTo(TransportError.FRAME_ENCODING_ERROR);
                }
                if (e.error() == TransportError.PROTOCOL_VIOLATION) {
                    // Only a non-minimal frame type: the type is readable and longer than needed.
                    assertThat(e.offset()).isEqualTo(start);
                    assertThat(Varint.lengthFromFirstByte(data[start])).isGreaterThan(Varint.lengthOf(e.frameType()));
                }
                return new Outcome(frames, e);
            }
        }
        return new Outcome(frames, null);
    }
}
