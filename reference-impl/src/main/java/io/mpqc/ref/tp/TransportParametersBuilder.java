package io.mpqc.ref.tp;

import io.mpqc.ref.frame.Bytes;
import java.util.OptionalLong;

/**
 * Mutable companion of {@link TransportParameters}, starting from the RFC defaults. Range checks happen
 * in {@link #build()} (varint range) and in the encoder (protocol limits), not in the setters, so a test
 * can describe any set the wire can carry.
 */
public final class TransportParametersBuilder {
    private Bytes originalDestinationConnectionId;
    private long maxIdleTimeout;
    private Bytes statelessResetToken;
    private long maxUdpPayloadSize = TransportParameters.DEFAULT_MAX_UDP_PAYLOAD_SIZE;
    private long initialMaxData;
    private long initialMaxStreamDataBidiLocal;
    private long initialMaxStreamDataBidiRemote;
    private long initialMaxStreamDataUni;
    private long initialMaxStreamsBidi;
    private long initialMaxStreamsUni;
    private long ackDelayExponent = TransportParameters.DEFAULT_ACK_DELAY_EXPONENT;
    private long maxAckDelay = TransportParameters.DEFAULT_MAX_ACK_DELAY;
    private boolean disableActiveMigration;
    private PreferredAddress preferredAddress;
    private long activeConnectionIdLimit = TransportParameters.DEFAULT_ACTIVE_CONNECTION_ID_LIMIT;
    private Bytes initialSourceConnectionId;
    private Bytes retrySourceConnectionId;
    private OptionalLong initialMaxPathId = OptionalLong.empty();
    private boolean enableMultipath;

    TransportParametersBuilder() {
    }

    TransportParametersBuilder(TransportParameters tp) {
        originalDestinationConnectionId = tp.originalDestinationConnectionId();
        maxIdleTimeout = tp.maxIdleTimeout();
        statelessResetToken = tp.statelessResetToken();
        maxUdpPayloadSize = tp.maxUdpPayloadSize();
        initialMaxData = tp.initialMaxData();
        initialMaxStreamDataBidiLocal = tp.initialMaxStreamDataBidiLocal();
        initialMaxStreamDataBidiRemote = tp.initialMaxStreamDataBidiRemote();
        initialMaxStreamDataUni = tp.initialMaxStreamDataUni();
        initialMaxStreamsBidi = tp.initialMaxStreamsBidi();
        initialMaxStreamsUni = tp.initialMaxStreamsUni();
        ackDelayExponent = tp.ackDelayExponent();
        maxAckDelay = tp.maxAckDelay();
        disableActiveMigration = tp.disableActiveMigration();
        preferredAddress = tp.preferredAddress();
        activeConnectionIdLimit = tp.activeConnectionIdLimit();
        initialSourceConnectionId = tp.initialSourceConnectionId();
        retrySourceConnectionId = tp.retrySourceConnectionId();
        initialMaxPathId = tp.initialMaxPathId();
        enableMultipath = tp.enableMultipath();
    }

    public TransportParametersBuilder originalDestinationConnectionId(Bytes cid) {
        originalDestinationConnectionId = cid;
        return this;
    }

    public TransportParametersBuilder maxIdleTimeout(long millis) {
        maxIdleTimeout = millis;
        return this;
    }

    public TransportParametersBuilder statelessResetToken(Bytes token) {
        statelessResetToken = token;
        return this;
    }

    public TransportParametersBuilder maxUdpPayloadSize(long bytes) {
        maxUdpPayloadSize = bytes;
        return this;
    }

    public TransportParametersBuilder initialMaxData(long bytes) {
        initialMaxData = bytes;
        return this;
    }

    public TransportParametersBuilder initialMaxStreamDataBidiLocal(long bytes) {
        initialMaxStreamDataBidiLocal = bytes;
        return this;
    }

    public TransportParametersBuilder initialMaxStreamDataBidiRemote(long bytes) {
        initialMaxStreamDataBidiRemote = bytes;
        return this;
    }

    public TransportParametersBuilder initialMaxStreamDataUni(long bytes) {
        initialMaxStreamDataUni = bytes;
        return this;
    }

    public TransportParametersBuilder initialMaxStreamsBidi(long count) {
        initialMaxStreamsBidi = count;
        return this;
    }

    public TransportParametersBuilder initialMaxStreamsUni(long count) {
        initialMaxStreamsUni = count;
        return this;
    }

    public TransportParametersBuilder ackDelayExponent(long exponent) {
        ackDelayExponent = exponent;
        return this;
    }

    public TransportParametersBuilder maxAckDelay(long millis) {
        maxAckDelay = millis;
        return this;
    }

    public TransportParametersBuilder disableActiveMigration(boolean disable) {
        disableActiveMigration = disable;
        return this;
    }

    public TransportParametersBuilder preferredAddress(PreferredAddress address) {
        preferredAddress = address;
        return this;
    }

    public TransportParametersBuilder activeConnectionIdLimit(long limit) {
        activeConnectionIdLimit = limit;
        return this;
    }

    public TransportParametersBuilder initialSourceConnectionId(Bytes cid) {
        initialSourceConnectionId = cid;
        return this;
    }

    public TransportParametersBuilder retrySourceConnectionId(Bytes cid) {
        retrySourceConnectionId = cid;
        return this;
    }

    /** Sets draft-21/draft-18 {@code initial_max_path_id}. */
    public TransportParametersBuilder initialMaxPathId(long maxPathId) {
        initialMaxPathId = OptionalLong.of(maxPathId);
        return this;
    }

    /** Leaves {@code initial_max_path_id} out. */
    public TransportParametersBuilder noInitialMaxPathId() {
        initialMaxPathId = OptionalLong.empty();
        return this;
    }

    /** Sets draft-06 {@code enable_multipath}. */
    public TransportParametersBuilder enableMultipath(boolean enable) {
        enableMultipath = enable;
        return this;
    }

    public TransportParameters build() {
        return new TransportParameters(originalDestinationConnectionId, maxIdleTimeout, statelessResetToken,
                maxUdpPayloadSize, initialMaxData, initialMaxStreamDataBidiLocal, initialMaxStreamDataBidiRemote,
                initialMaxStreamDataUni, initialMaxStreamsBidi, initialMaxStreamsUni, ackDelayExponent,
                maxAckDelay, disableActiveMigration, preferredAddress, activeConnectionIdLimit,
                initialSourceConnectionId, retrySourceConnectionId, initialMaxPathId, enableMultipath);
    }
}
