package io.mpqc.ref.tp;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Varint;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One endpoint's transport parameters: the RFC 9000 §18.2 set plus the multipath negotiation. Absent
 * integer parameters hold their RFC default, so a decoded set compares equal to one built with defaults.
 * Where absence means something other than a default it is explicit: a null CID, token or preferred
 * address, an empty {@link #initialMaxPathId()}.
 *
 * <p>The multipath negotiation depends on the dialect: {@code initialMaxPathId} is draft-21's and
 * draft-18's {@code initial_max_path_id} (absent or 0..2^32-1); {@code enableMultipath} is draft-06's
 * zero-length {@code enable_multipath}. A set meant for one dialect leaves the other empty.
 *
 * <p>The record holds anything the wire can carry (every integer a varint), including values a receiver
 * must reject, so tests can describe invalid sets; {@link TransportParametersEncoder} refuses to send
 * those and {@link TransportParametersDecoder} never produces them.
 *
 * @param originalDestinationConnectionId null when absent (server only)
 * @param statelessResetToken null when absent (server only)
 * @param preferredAddress null when absent (server only)
 * @param initialSourceConnectionId null when absent
 * @param retrySourceConnectionId null when absent (server only)
 */
public record TransportParameters(
        Bytes originalDestinationConnectionId,
        long maxIdleTimeout,
        Bytes statelessResetToken,
        long maxUdpPayloadSize,
        long initialMaxData,
        long initialMaxStreamDataBidiLocal,
        long initialMaxStreamDataBidiRemote,
        long initialMaxStreamDataUni,
        long initialMaxStreamsBidi,
        long initialMaxStreamsUni,
        long ackDelayExponent,
        long maxAckDelay,
        boolean disableActiveMigration,
        PreferredAddress preferredAddress,
        long activeConnectionIdLimit,
        Bytes initialSourceConnectionId,
        Bytes retrySourceConnectionId,
        OptionalLong initialMaxPathId,
        boolean enableMultipath) {

    public static final long DEFAULT_MAX_UDP_PAYLOAD_SIZE = 65527;
    public static final long DEFAULT_ACK_DELAY_EXPONENT = 3;
    public static final long DEFAULT_MAX_ACK_DELAY = 25;
    public static final long DEFAULT_ACTIVE_CONNECTION_ID_LIMIT = 2;

    /** What a receiver assumes when the peer sends no parameter at all. */
    public static final TransportParameters DEFAULTS = builder().build();

    public TransportParameters {
        Objects.requireNonNull(initialMaxPathId, "initialMaxPathId (use OptionalLong.empty())");
        requireVarint(maxIdleTimeout, "max_idle_timeout");
        requireVarint(maxUdpPayloadSize, "max_udp_payload_size");
        requireVarint(initialMaxData, "initial_max_data");
        requireVarint(initialMaxStreamDataBidiLocal, "initial_max_stream_data_bidi_local");
        requireVarint(initialMaxStreamDataBidiRemote, "initial_max_stream_data_bidi_remote");
        requireVarint(initialMaxStreamDataUni, "initial_max_stream_data_uni");
        requireVarint(initialMaxStreamsBidi, "initial_max_streams_bidi");
        requireVarint(initialMaxStreamsUni, "initial_max_streams_uni");
        requireVarint(ackDelayExponent, "ack_delay_exponent");
        requireVarint(maxAckDelay, "max_ack_delay");
        requireVarint(activeConnectionIdLimit, "active_connection_id_limit");
        if (initialMaxPathId.isPresent()) {
            requireVarint(initialMaxPathId.getAsLong(), TransportParameterId.INITIAL_MAX_PATH_ID);
        }
    }

    /** A builder starting from the RFC defaults. */
    public static TransportParametersBuilder builder() {
        return new TransportParametersBuilder();
    }

    /** A builder starting from this set. */
    public TransportParametersBuilder toBuilder() {
        return new TransportParametersBuilder(this);
    }

    /**
     * True when this set offers multipath in {@code dialect}: {@code initial_max_path_id} is present
     * (draft-09 on) or {@code enable_multipath} is set (draft-06). Multipath is used only when both
     * endpoints' sets say so (§2).
     */
    public boolean multipathEnabled(Dialect dialect) {
        return dialect.transportParameterIsMaxPathId() ? initialMaxPathId.isPresent() : enableMultipath;
    }

    /**
     * This set offering multipath in {@code dialect}'s form: {@code initial_max_path_id = maxPathId}, or
     * {@code enable_multipath} in draft-06, which has no path limit, so {@code maxPathId} is unused there.
     * The other dialect family's parameter is cleared so the result is encodable in {@code dialect}.
     */
    public TransportParameters withMultipath(Dialect dialect, long maxPathId) {
        TransportParametersBuilder b = toBuilder();
        return dialect.transportParameterIsMaxPathId()
                ? b.initialMaxPathId(maxPathId).enableMultipath(false).build()
                : b.noInitialMaxPathId().enableMultipath(true).build();
    }

    /** This set without any multipath parameter. */
    public TransportParameters withoutMultipath() {
        return toBuilder().noInitialMaxPathId().enableMultipath(false).build();
    }

    private static void requireVarint(long value, String name) {
        if (!Varint.isValid(value)) {
            throw new IllegalArgumentException(name + " is not a varint value: " + Long.toUnsignedString(value));
        }
    }
}
