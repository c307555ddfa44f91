package io.mpqc.ref.tp;

import static io.mpqc.ref.tp.TransportParameterId.ACK_DELAY_EXPONENT;
import static io.mpqc.ref.tp.TransportParameterId.ACTIVE_CONNECTION_ID_LIMIT;
import static io.mpqc.ref.tp.TransportParameterId.DISABLE_ACTIVE_MIGRATION;
import static io.mpqc.ref.tp.TransportParameterId.INITIAL_MAX_DATA;
import static io.mpqc.ref.tp.TransportParameterId.INITIAL_MAX_STREAMS_BIDI;
import static io.mpqc.ref.tp.TransportParameterId.INITIAL_MAX_STREAMS_UNI;
import static io.mpqc.ref.tp.TransportParameterId.INITIAL_MAX_STREAM_DATA_BIDI_LOCAL;
import static io.mpqc.ref.tp.TransportParameterId.INITIAL_MAX_STREAM_DATA_BIDI_REMOTE;
import static io.mpqc.ref.tp.TransportParameterId.INITIAL_MAX_STREAM_DATA_UNI;
import static io.mpqc.ref.tp.TransportParameterId.INITIAL_SOURCE_CONNECTION_ID;
import static io.mpqc.ref.tp.TransportParameterId.MAX_ACK_DELAY;
import static io.mpqc.ref.tp.TransportParameterId.MAX_IDLE_TIMEOUT;
import static io.mpqc.ref.tp.TransportParameterId.MAX_UDP_PAYLOAD_SIZE;
import static io.mpqc.ref.tp.TransportParameterId.ORIGINAL_DESTINATION_CONNECTION_ID;
import static io.mpqc.ref.tp.TransportParameterId.RETRY_SOURCE_CONNECTION_ID;
import static io.mpqc.ref.tp.TransportParameterId.STATELESS_RESET_TOKEN;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Writes transport parameters for one {@link Dialect}, in codepoint order with minimal varints. Only what
 * differs from the RFC defaults and what is explicitly present is written, so the output is the shortest
 * that decodes back to the same set.
 *
 * <p>A set a receiver would reject is an {@link IllegalArgumentException} and nothing is written: an
 * initial_max_path_id above 2^32-1 (MP-2.1-1), any value outside the RFC 9000 §18.2 limits, a server-only
 * parameter from a client, or a multipath parameter the dialect does not have. Conformance cases that must
 * send such values use {@link TransportParameterWriter}. Stateless and thread-safe.
 */
public final class TransportParametersEncoder {
    private final Dialect dialect;

    public TransportParametersEncoder(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The parameters as {@code sender} would put them in its TLS extension. */
    public byte[] encode(TransportParameters tp, Role sender) {
        ByteBuf buf = Unpooled.buffer(128);
        encode(tp, sender, buf);
        return ByteBufUtil.getBytes(buf);
    }

    /** Appends the parameters at the writer index; on refusal {@code out} is left untouched. */
    public void encode(TransportParameters tp, Role sender, ByteBuf out) {
        String violation = TransportParameterRules.firstViolation(tp, dialect, sender);
        if (violation != null) {
            throw new IllegalArgumentException(violation + " (" + sender + ", " + dialect.id() + ")");
        }
        writeUnchecked(tp, out);
    }

    /**
     * Writes every field without the checks, skipping only what the dialect cannot name. Tests use it to
     * prove that the decoder rejects exactly what {@link #encode} refuses.
     */
    void writeUnchecked(TransportParameters tp, ByteBuf out) {
        bytes(out, ORIGINAL_DESTINATION_CONNECTION_ID, tp.originalDestinationConnectionId());
        integer(out, MAX_IDLE_TIMEOUT, tp.maxIdleTimeout(), 0);
        bytes(out, STATELESS_RESET_TOKEN, tp.statelessResetToken());
        integer(out, MAX_UDP_PAYLOAD_SIZE, tp.maxUdpPayloadSize(), TransportParameters.DEFAULT_MAX_UDP_PAYLOAD_SIZE);
        integer(out, INITIAL_MAX_DATA, tp.initialMaxData(), 0);
        integer(out, INITIAL_MAX_STREAM_DATA_BIDI_LOCAL, tp.initialMaxStreamDataBidiLocal(), 0);
        integer(out, INITIAL_MAX_STREAM_DATA_BIDI_REMOTE, tp.initialMaxStreamDataBidiRemote(), 0);
        integer(out, INITIAL_MAX_STREAM_DATA_UNI, tp.initialMaxStreamDataUni(), 0);
        integer(out, INITIAL_MAX_STREAMS_BIDI, tp.initialMaxStreamsBidi(), 0);
        integer(out, INITIAL_MAX_STREAMS_UNI, tp.initialMaxStreamsUni(), 0);
        integer(out, ACK_DELAY_EXPONENT, tp.ackDelayExponent(), TransportParameters.DEFAULT_ACK_DELAY_EXPONENT);
        integer(out, MAX_ACK_DELAY, tp.maxAckDelay(), TransportParameters.DEFAULT_MAX_ACK_DELAY);
        if (tp.disableActiveMigration()) {
            TransportParameterWriter.writeFlag(out, DISABLE_ACTIVE_MIGRATION.code());
        }
        if (tp.preferredAddress() != null) {
            PreferredAddressCodec.write(out, tp.preferredAddress());
        }
        integer(out, ACTIVE_CONNECTION_ID_LIMIT, tp.activeConnectionIdLimit(),
                TransportParameters.DEFAULT_ACTIVE_CONNECTION_ID_LIMIT);
        bytes(out, INITIAL_SOURCE_CONNECTION_ID, tp.initialSourceConnectionId());
        bytes(out, RETRY_SOURCE_CONNECTION_ID, tp.retrySourceConnectionId());
        if (dialect.transportParameterIsMaxPathId()) {
            if (tp.initialMaxPathId().isPresent()) {
                TransportParameterWriter.writeInteger(out, dialect.transportParameterId(),
                        tp.initialMaxPathId().getAsLong());
            }
        } else if (tp.enableMultipath()) {
            TransportParameterWriter.writeFlag(out, dialect.transportParameterId());
        }
    }

    private static void integer(ByteBuf out, TransportParameterId id, long value, long defaultValue) {
        if (value != defaultValue) {
            TransportParameterWriter.writeInteger(out, id.code(), value);
        }
    }

    private static void bytes(ByteBuf out, TransportParameterId id, Bytes value) {
        if (value != null) {
            TransportParameterWriter.writeBytes(out, id.code(), value);
        }
    }
}
