package io.mpqc.fuzz;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.tp.Role;
import io.mpqc.ref.tp.TransportParameterException;
import io.mpqc.ref.tp.TransportParameters;
import io.mpqc.ref.tp.TransportParametersDecoder;
import io.mpqc.ref.tp.TransportParametersEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * Arbitrary bytes into the reference transport parameters decoder.
 *
 * <p>Input layout: the first byte chooses the decoder, the rest is the transport parameters block (the
 * TLS extension's content). {@code b0 % 3} is the dialect (0 draft-21, 1 draft-18, 2 draft-06) and
 * {@code (b0 / 3) % 2} the sender's role (0 client, 1 server). The empty input does nothing.
 *
 * <p>Properties (any failure is a {@link Finding}; any other exception escaping the decoder too):
 * <ol>
 *   <li>decoding yields a parameter set or a {@link TransportParameterException}, nothing else;</li>
 *   <li>an error carries TRANSPORT_PARAMETER_ERROR and an offset inside the block (0 to its length);</li>
 *   <li>a set the decoder accepts, the encoder of the same dialect accepts for the same role (no
 *       IllegalArgumentException); its encoding is at most as long as the block, decodes to the same set,
 *       and encodes to the same bytes again.</li>
 * </ol>
 */
public final class TransportParametersFuzzer {
    private static final Dialect[] DIALECTS = Dialect.values();
    private static final Role[] ROLES = Role.values();
    private static final TransportParametersDecoder[] DECODERS = new TransportParametersDecoder[DIALECTS.length];
    private static final TransportParametersEncoder[] ENCODERS = new TransportParametersEncoder[DIALECTS.length];

    static {
        for (int i = 0; i < DIALECTS.length; i++) {
            DECODERS[i] = new TransportParametersDecoder(DIALECTS[i]);
            ENCODERS[i] = new TransportParametersEncoder(DIALECTS[i]);
        }
    }

    private TransportParametersFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int selector = data[0] & 0xff;
        int d = selector % DIALECTS.length;
        Role role = ROLES[(selector / DIALECTS.length) % 2];
        int length = data.length - 1;
        ByteBuf block = Unpooled.wrappedBuffer(data, 1, length);
        TransportParameters tp;
        try {
            tp = DECODERS[d].decode(block, role);
        } catch (TransportParameterException e) {
            if (e.error() != TransportError.TRANSPORT_PARAMETER_ERROR) {
                throw new Finding(describe(d, role, data) + ": error code " + e.error() + ": " + e);
            }
            if (e.offset() < 0 || e.offset() > length) {
                throw new Finding(describe(d, role, data) + ": offset " + e.offset() + " outside the block of "
                        + length + " bytes: " + e);
            }
            return;
        } catch (RuntimeException | StackOverflowError e) {
            throw new Finding(describe(d, role, data) + ": the decoder threw " + e, e);
        }
        byte[] canonical;
        try {
            canonical = ENCODERS[d].encode(tp, role);
        } catch (RuntimeException e) {
            throw new Finding(describe(d, role, data) + ": the encoder refuses what the decoder accepted: " + tp, e);
        }
        if (canonical.length > length) {
            throw new Finding(describe(d, role, data) + ": canonical form " + FrameDecoderFuzzer.hex(canonical)
                    + " is longer than the block; parameters " + tp);
        }
        TransportParameters again;
        try {
            again = DECODERS[d].decode(canonical, role);
        } catch (TransportParameterException e) {
            throw new Finding(describe(d, role, data) + ": canonical form " + FrameDecoderFuzzer.hex(canonical)
                    + " of " + tp + " does not decode: " + e);
        }
        if (!again.equals(tp)) {
            throw new Finding(describe(d, role, data) + ": " + tp + " re-encodes to "
                    + FrameDecoderFuzzer.hex(canonical) + ", which decodes to " + again);
        }
        if (!Arrays.equals(ENCODERS[d].encode(again, role), canonical)) {
            throw new Finding(describe(d, role, data) + ": canonical form not stable");
        }
    }

    private static String describe(int d, Role role, byte[] data) {
        String block = FrameDecoderFuzzer.hex(Arrays.copyOfRange(data, 1, Math.min(data.length, 1 + 256)));
        return "transport parameters " + DIALECTS[d].id() + " from a " + role.name().toLowerCase() + ", block "
                + (data.length > 257 ? block + "... (" + (data.length - 1) + " bytes)" : block);
    }
}
