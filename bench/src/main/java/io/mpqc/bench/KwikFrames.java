package io.mpqc.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import tech.kwik.core.frame.AckFrame;
import tech.kwik.core.frame.MaxDataFrame;
import tech.kwik.core.frame.NewConnectionIdFrame;
import tech.kwik.core.frame.PathChallengeFrame;
import tech.kwik.core.frame.QuicFrame;
import tech.kwik.core.frame.RetireConnectionIdFrame;
import tech.kwik.core.frame.StreamFrame;
import tech.kwik.core.impl.Version;
import tech.kwik.core.log.Logger;
import tech.kwik.core.log.NullLogger;
import tech.kwik.core.packet.ShortHeaderPacket;

/**
 * Kwik 0.10.8's frame parsing, used unmodified: the per-frame {@code parse(ByteBuffer, Logger)} methods of
 * {@code tech.kwik.core.frame}, and Kwik's own frame loop {@code QuicPacket.parseFrames(byte[], Logger)}
 * reached through a subclass (the method is protected). Kwik is LGPL-3.0 and only the benchmarks jar
 * contains it.
 */
final class KwikFrames {
    static final Version VERSION = Version.QUIC_version_1;
    /** Kwik's no-op logger: every log call returns at once, and the frame parsers only pass it constants. */
    static final Logger LOG = new NullLogger();

    private KwikFrames() {
    }

    /**
     * Parses one frame at the buffer's position, choosing the frame class by the type byte as Kwik's
     * {@code QuicPacket.parseFrames} does, for the frame types of the shared payload.
     */
    static QuicFrame parseOne(ByteBuffer buf) throws Exception {
        int type = buf.get(buf.position());
        switch (type) {
            case 0x02:
            case 0x03:
                return new AckFrame().parse(buf, LOG);
            case 0x10:
                return new MaxDataFrame().parse(buf, LOG);
            case 0x18:
                return new NewConnectionIdFrame(VERSION).parse(buf, LOG);
            case 0x19:
                return new RetireConnectionIdFrame(VERSION).parse(buf, LOG);
            case 0x1a:
                return new PathChallengeFrame(VERSION).parse(buf, LOG);
            default:
                if (type >= 0x08 && type <= 0x0f) {
                    return new StreamFrame().parse(buf, LOG);
                }
                throw new IllegalArgumentException("frame type 0x" + Integer.toHexString(type)
                        + " is not in the shared payload");
        }
    }

    /** Kwik's own loop over a packet payload, as run after packet decryption. */
    static final class PacketParser extends ShortHeaderPacket {
        PacketParser() {
            super(VERSION);
        }

        /** All frames of {@code payload}, in a fresh list as Kwik's packet parsing makes one per packet. */
        List<QuicFrame> parseAll(byte[] payload) throws Exception {
            frames = new ArrayList<>();
            parseFrames(payload, LOG);
            return frames;
        }
    }
}
