package io.mpqc.fuzz;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameDecodeException;
import io.mpqc.ref.frame.FrameDecoder;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.frame.Strictness;
import io.mpqc.ref.frame.TransportError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.HexFormat;
import java.util.List;

/**
 * Arbitrary bytes into the reference frame decoder.
 *
 * <p>Input layout: the first byte chooses the decoder, the rest is the packet payload. {@code b0 % 3}
 * is the dialect (0 draft-21, 1 draft-18, 2 draft-06) and {@code (b0 / 3) % 2} the strictness (0 strict,
 * 1 lenient). The empty input does nothing.
 *
 * <p>Properties (any failure is a {@link Finding}; any other exception escaping the decoder too):
 * <ol>
 *   <li>decoding yields frames or a {@link FrameDecodeException}, nothing else;</li>
 *   <li>an error carries FRAME_ENCODING_ERROR or (strict decoder only) PROTOCOL_VIOLATION, and an offset
 *       inside the payload (0 to its length);</li>
 *   <li>every decoded list re-encodes (canonical form, same dialect) to at most the payload's length,
 *       and that encoding decodes strictly to the same frames (for the lenient decoder: with adjacent
 *       PADDING frames merged, see {@link #mergePadding}); since the encoder is a function of the frame
 *       values, the canonical form is then also stable.</li>
 * </ol>
 */
public final class FrameDecoderFuzzer {
    private static final Dialect[] DIALECTS = Dialect.values();
    private static final FrameDecoder[][] DECODERS = new FrameDecoder[DIALECTS.length][2];
    private static final FrameEncoder[] ENCODERS = new FrameEncoder[DIALECTS.length];

    static {
        for (int i = 0; i < DIALECTS.length; i++) {
            DECODERS[i][0] = new FrameDecoder(DIALECTS[i], Strictness.STRICT);
            DECODERS[i][1] = new FrameDecoder(DIALECTS[i], Strictness.LENIENT);
            ENCODERS[i] = new FrameEncoder(DIALECTS[i]);
        }
    }

    private FrameDecoderFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int selector = data[0] & 0xff;
        int d = selector % DIALECTS.length;
        boolean lenient = (selector / DIALECTS.length) % 2 == 1;
        Dialect dialect = DIALECTS[d];
        int length = data.length - 1;
        // The payload starts at the reader index rather than in a slice: both decodes of an input then see the
        // same buffer class (see CANONICAL), and the decoder counts error offsets from the reader index.
        ByteBuf payload = Unpooled.wrappedBuffer(data).readerIndex(1);
        List<Frame> frames;
        try {
            frames = DECODERS[d][lenient ? 1 : 0].decodeAll(payload);
        } catch (FrameDecodeException e) {
            TransportError error = e.error();
            if (error != TransportError.FRAME_ENCODING_ERROR
                    && (lenient || error != TransportError.PROTOCOL_VIOLATION)) {
                throw new Finding(describe(dialect, lenient, data) + ": error code " + error + " is not allowed: " + e);
            }
            if (e.offset() < 0 || e.offset() > length) {
                throw new Finding(describe(dialect, lenient, data) + ": offset " + e.offset()
                        + " outside the payload of " + length + " bytes: " + e);
            }
            return;
        } catch (RuntimeException | StackOverflowError e) {
            throw new Finding(describe(dialect, lenient, data) + ": the decoder threw " + e, e);
        }
        // The canonical form goes into a buffer reused across inputs, not a fresh one per input as
        // FrameEncoder.encodeAll would allocate and zero (64 bytes per frame).
        ByteBuf canonical = CANONICAL.get().clear();
        try {
            for (Frame f : frames) {
                ENCODERS[d].encode(f, canonical);
            }
        } catch (RuntimeException e) {
            throw new Finding(describe(dialect, lenient, data) + ": decoded frames do not encode: " + frames, e);
        }
        if (canonical.readableBytes() > length) {
            throw new Finding(describe(dialect, lenient, data) + ": canonical form " + hex(canonical)
                    + " is longer than the payload; frames " + frames);
        }
        List<Frame> again;
        try {
            again = DECODERS[d][0].decodeAll(canonical);
        } catch (FrameDecodeException e) {
            throw new Finding(describe(dialect, lenient, data) + ": canonical form " + hex(canonical)
                    + " of " + frames + " does not decode: " + e);
        }
        // The encoder is a function of the frame values, so equal frames also mean a stable canonical form.
        if (!again.equals(lenient ? mergePadding(frames) : frames)) {
            throw new Finding(describe(dialect, lenient, data) + ": frames " + frames + " re-encode to "
                    + hex(canonical) + ", which decodes to " + again);
        }
    }

    // Of the class Unpooled.wrappedBuffer(byte[]) returns, so that the decoder's buffer accessors stay
    // monomorphic, with no slice or duplicate wrapper in between: a few percent of this target's own time
    // (docs/benchmarks.md, "Fuzz target speed").
    private static final ThreadLocal<ByteBuf> CANONICAL = ThreadLocal.withInitial(
            () -> new UnpooledHeapByteBuf(UnpooledByteBufAllocator.DEFAULT, 4096, Integer.MAX_VALUE));

    /** Everything written to {@code b}, wherever its reader index is (the second decode moves it). */
    static String hex(ByteBuf b) {
        return ByteBufUtil.hexDump(b, 0, b.writerIndex());
    }

    /**
     * The list with adjacent PADDING frames merged: a lenient decoder reads a non-minimal padding type
     * ({@code 40 00}) as a PADDING frame of its own next to the plain padding bytes, which the canonical
     * encoding then writes as one run. Strict decoders never produce adjacent PADDING frames.
     */
    static List<Frame> mergePadding(List<Frame> frames) {
        List<Frame> out = null;
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i) instanceof Frame.Padding && frames.get(i - 1) instanceof Frame.Padding) {
                out = new java.util.ArrayList<>();
                break;
            }
        }
        if (out == null) {
            return frames;
        }
        for (Frame f : frames) {
            int last = out.size() - 1;
            if (f instanceof Frame.Padding p && last >= 0 && out.get(last) instanceof Frame.Padding q) {
                out.set(last, new Frame.Padding(p.length() + q.length()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static String describe(Dialect dialect, boolean lenient, byte[] data) {
        String payload = hex(java.util.Arrays.copyOfRange(data, 1, Math.min(data.length, 1 + 256)));
        return "frame decoder " + dialect.id() + (lenient ? " lenient" : " strict") + ", payload "
                + (data.length > 257 ? payload + "... (" + (data.length - 1) + " bytes)" : payload);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
