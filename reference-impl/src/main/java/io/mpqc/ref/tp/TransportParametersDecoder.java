package io.mpqc.ref.tp;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the transport parameters one endpoint sent, for one {@link Dialect}, applying RFC 9000 §7.4 and
 * §18.2 and multipath §2.1: framing (every length inside the input, every integer value exactly one
 * varint), value limits, duplicates, server-only parameters from a client, and initial_max_path_id at most
 * 2^32-1. Parameters it does not know, including reserved ids and other dialects' multipath parameters,
 * are skipped as RFC 9000 §7.4.2 requires; their framing still has to be sound, since there is no other way
 * to find the next parameter.
 *
 * <p>Any input whatsoever yields a {@link TransportParameters} or a {@link TransportParameterException};
 * every length is checked against the bytes that remain before anything is read or allocated. The decoder
 * does not check which parameters the handshake requires (initial_source_connection_id and the server's
 * original_destination_connection_id, RFC 9000 §7.3): that needs to know whether a Retry happened.
 * Stateless and thread-safe.
 */
public final class TransportParametersDecoder {
    private final Dialect dialect;

    public TransportParametersDecoder(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Decodes the whole of {@code in}, the parameters {@code sender} sent. */
    public TransportParameters decode(byte[] in, Role sender) throws TransportParameterException {
        return decode(Unpooled.wrappedBuffer(in), sender);
    }

    /**
     * Decodes from the reader index to the writer index. Error offsets count from the reader index at the
     * call; the reader index moves to the writer index on success and stays put on error.
     */
    public TransportParameters decode(ByteBuf in, Role sender) throws TransportParameterException {
        ByteBuf view = in.slice();
        TransportParameters tp = decodeAll(view, sender);
        in.skipBytes(view.readerIndex());
        return tp;
    }

    private TransportParameters decodeAll(ByteBuf in, Role sender) throws TransportParameterException {
        TransportParametersBuilder b = TransportParameters.builder();
        Set<Long> seen = new HashSet<>();
        while (in.isReadable()) {
            int paramAt = in.readerIndex();
            long id = Varint.read(in);
            if (id < 0) {
                throw new TransportParameterException(paramAt, -1, "parameter id truncated");
            }
            // RFC 9000 §7.4 does not limit the duplicate rule to known ids, so unknown ones count too.
            if (!seen.add(id)) {
                throw new TransportParameterException(paramAt, id, "duplicate " + name(id));
            }
            TransportParameterId known = TransportParameterId.of(id);
            String notAllowed = known == null ? null : TransportParameterRules.serverOnly(known, sender);
            if (notAllowed != null) {
                throw new TransportParameterException(paramAt, id, notAllowed);
            }
            int lengthAt = in.readerIndex();
            long length = Varint.read(in);
            if (length < 0) {
                throw new TransportParameterException(lengthAt, id, "length of " + name(id) + " truncated");
            }
            if (length > in.readableBytes()) {
                throw new TransportParameterException(lengthAt, id, name(id) + " declares " + length
                        + " bytes but only " + in.readableBytes() + " remain");
            }
            int valueAt = in.readerIndex();
            ByteBuf value = in.readSlice((int) length);
            if (known != null) {
                known(known, value, valueAt, b);
            } else if (id == dialect.transportParameterId()) {
                multipath(value, valueAt, b);
            }
        }
        return b.build();
    }

    private static void known(TransportParameterId p, ByteBuf value, int valueAt, TransportParametersBuilder b)
            throws TransportParameterException {
        switch (p.kind()) {
            case INTEGER -> {
                long v = integer(value, valueAt, p.code(), p.wireName());
                check(TransportParameterRules.integer(p, v), valueAt, p.code());
                setInteger(b, p, v);
            }
            case CONNECTION_ID -> {
                check(TransportParameterRules.connectionId(p, value.readableBytes()), valueAt, p.code());
                setConnectionId(b, p, Bytes.readFrom(value, value.readableBytes()));
            }
            case RESET_TOKEN -> {
                check(TransportParameterRules.resetToken(value.readableBytes()), valueAt, p.code());
                b.statelessResetToken(Bytes.readFrom(value, value.readableBytes()));
            }
            case FLAG -> {
                flag(value, valueAt, p.code(), p.wireName());
                b.disableActiveMigration(true);
            }
            case PREFERRED_ADDRESS -> b.preferredAddress(PreferredAddressCodec.read(value, valueAt));
            default -> throw new AssertionError("unhandled kind " + p.kind());
        }
    }

    private void multipath(ByteBuf value, int valueAt, TransportParametersBuilder b)
            throws TransportParameterException {
        long id = dialect.transportParameterId();
        if (dialect.transportParameterIsMaxPathId()) {
            long v = integer(value, valueAt, id, TransportParameterId.INITIAL_MAX_PATH_ID);
            check(TransportParameterRules.maxPathId(v), valueAt, id);
            b.initialMaxPathId(v);
        } else {
            flag(value, valueAt, id, TransportParameterId.ENABLE_MULTIPATH);
            b.enableMultipath(true);
        }
    }

    /** A value that must be exactly one varint (RFC 9000 §18: "encoded as a variable-length integer"). */
    private static long integer(ByteBuf value, int valueAt, long id, String name)
            throws TransportParameterException {
        long v = Varint.read(value);
        if (v < 0) {
            throw new TransportParameterException(valueAt, id, name + " value of " + value.readableBytes()
                    + " bytes does not hold a whole varint");
        }
        if (value.isReadable()) {
            throw new TransportParameterException(valueAt + value.readerIndex(), id, name + " has "
                    + value.readableBytes() + " bytes after its varint");
        }
        return v;
    }

    private static void flag(ByteBuf value, int valueAt, long id, String name) throws TransportParameterException {
        if (value.isReadable()) {
            throw new TransportParameterException(valueAt, id, name + " must be empty, has "
                    + value.readableBytes() + " bytes");
        }
    }

    private static void check(String violation, int valueAt, long id) throws TransportParameterException {
        if (violation != null) {
            throw new TransportParameterException(valueAt, id, violation);
        }
    }

    private static void setInteger(TransportParametersBuilder b, TransportParameterId p, long v) {
        switch (p) {
            case MAX_IDLE_TIMEOUT -> b.maxIdleTimeout(v);
            case MAX_UDP_PAYLOAD_SIZE -> b.maxUdpPayloadSize(v);
            case INITIAL_MAX_DATA -> b.initialMaxData(v);
            case INITIAL_MAX_STREAM_DATA_BIDI_LOCAL -> b.initialMaxStreamDataBidiLocal(v);
            case INITIAL_MAX_STREAM_DATA_BIDI_REMOTE -> b.initialMaxStreamDataBidiRemote(v);
            case INITIAL_MAX_STREAM_DATA_UNI -> b.initialMaxStreamDataUni(v);
            case INITIAL_MAX_STREAMS_BIDI -> b.initialMaxStreamsBidi(v);
            case INITIAL_MAX_STREAMS_UNI -> b.initialMaxStreamsUni(v);
            case ACK_DELAY_EXPONENT -> b.ackDelayExponent(v);
            case MAX_ACK_DELAY -> b.maxAckDelay(v);
            case ACTIVE_CONNECTION_ID_LIMIT -> b.activeConnectionIdLimit(v);
            default -> throw new AssertionError(p + " is not an integer parameter");
        }
    }

    private static void setConnectionId(TransportParametersBuilder b, TransportParameterId p, Bytes cid) {
        switch (p) {
            case ORIGINAL_DESTINATION_CONNECTION_ID -> b.originalDestinationConnectionId(cid);
            case INITIAL_SOURCE_CONNECTION_ID -> b.initialSourceConnectionId(cid);
            case RETRY_SOURCE_CONNECTION_ID -> b.retrySourceConnectionId(cid);
            default -> throw new AssertionError(p + " is not a connection ID parameter");
        }
    }

    private String name(long id) {
        return TransportParameterId.describe(id, dialect);
    }
}
