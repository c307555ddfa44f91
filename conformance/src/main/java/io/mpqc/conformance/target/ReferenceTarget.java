package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.FrameDecodeException;
import io.mpqc.ref.frame.FrameDecoder;
import io.mpqc.ref.tp.Role;
import io.mpqc.ref.tp.TransportParameterException;
import io.mpqc.ref.tp.TransportParameters;
import io.mpqc.ref.tp.TransportParametersDecoder;
import java.util.EnumSet;
import java.util.Set;

/**
 * The built-in reference implementation, in-process: the frame codec at codec level and the sans-IO
 * connection core at endpoint level. {@code reference} speaks every dialect; {@code reference:draft-18}
 * only the one named.
 */
public final class ReferenceTarget implements Target {
    private final String name;
    private final Capabilities capabilities;

    public ReferenceTarget(String name, Set<Dialect> dialects) {
        this.name = name;
        this.capabilities = new Capabilities(dialects, true, true,
                Set.of(Capabilities.INTROSPECTION, Capabilities.COMMANDS));
    }

    /** The reference speaking every dialect. */
    public static ReferenceTarget all() {
        return new ReferenceTarget("reference", EnumSet.allOf(Dialect.class));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public CodecTarget codec() {
        return new CodecTarget() {
            @Override
            public CodecResult decode(Dialect dialect, byte[] payload) {
                try {
                    return new CodecResult.Decoded(new FrameDecoder(dialect).decodeAll(payload));
                } catch (FrameDecodeException e) {
                    return new CodecResult.Rejected(e.error().code(), e.offset(), e.getMessage());
                }
            }

            @Override
            public byte[] nonce(byte[] iv, long pathId, long packetNumber) {
                return io.mpqc.ref.crypto.PathNonce.compute(iv, pathId, packetNumber);
            }

            @Override
            public TransportParametersResult decodeTransportParameters(Dialect dialect, Role sender, byte[] block) {
                try {
                    TransportParameters tp = new TransportParametersDecoder(dialect).decode(block, sender);
                    return new TransportParametersResult.Accepted(tp.initialMaxPathId().orElse(-1),
                            tp.activeConnectionIdLimit());
                } catch (TransportParameterException e) {
                    return new TransportParametersResult.Rejected(e.error().code(), e.offset(), e.getMessage());
                }
            }
        };
    }

    @Override
    public EndpointTarget endpoint() {
        return ReferenceSession::new;
    }

    @Override
    public void close() {
        // Nothing to release: sessions live in the caller's heap.
    }
}
