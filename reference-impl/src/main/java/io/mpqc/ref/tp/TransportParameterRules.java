package io.mpqc.ref.tp;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;

/**
 * The limits RFC 9000 §18.2 and multipath §2.1 put on parameter values, in one place so that the encoder
 * refuses exactly what the decoder rejects: that is what makes {@code decode(encode(tp)) == tp} hold for
 * every set the encoder accepts. Each check returns null when the value is fine, or the reason.
 */
final class TransportParameterRules {
    static final int RESET_TOKEN_LENGTH = 16;
    static final int MAX_CID_LENGTH = 20;
    static final long MIN_UDP_PAYLOAD_SIZE = 1200;
    static final long MAX_ACK_DELAY_EXPONENT = 20;
    static final long MAX_ACK_DELAY_LIMIT = 1L << 14;
    static final long MAX_STREAMS = 1L << 60;
    static final long MIN_ACTIVE_CONNECTION_ID_LIMIT = 2;
    /** Path IDs are 32-bit (multipath §2.1, MP-2.1-1/MP-2.1-2). */
    static final long MAX_PATH_ID = 0xFFFF_FFFFL;

    private TransportParameterRules() {
    }

    /** Checks the value of an integer parameter; parameters without a limit accept any varint. */
    static String integer(TransportParameterId id, long value) {
        return switch (id) {
            case MAX_UDP_PAYLOAD_SIZE -> value < MIN_UDP_PAYLOAD_SIZE
                    ? "max_udp_payload_size " + value + " is below 1200" : null;
            case INITIAL_MAX_STREAMS_BIDI, INITIAL_MAX_STREAMS_UNI -> value > MAX_STREAMS
                    ? id.wireName() + " " + value + " is above 2^60" : null;
            case ACK_DELAY_EXPONENT -> value > MAX_ACK_DELAY_EXPONENT
                    ? "ack_delay_exponent " + value + " is above 20" : null;
            case MAX_ACK_DELAY -> value >= MAX_ACK_DELAY_LIMIT
                    ? "max_ack_delay " + value + " is not below 2^14" : null;
            case ACTIVE_CONNECTION_ID_LIMIT -> value < MIN_ACTIVE_CONNECTION_ID_LIMIT
                    ? "active_connection_id_limit " + value + " is below 2" : null;
            default -> null;
        };
    }

    static String maxPathId(long value) {
        return value > MAX_PATH_ID
                ? "initial_max_path_id " + value + " is above 2^32-1" : null;
    }

    static String connectionId(TransportParameterId id, int length) {
        return length > MAX_CID_LENGTH
                ? id.wireName() + " is " + length + " bytes, longer than 20" : null;
    }

    static String resetToken(int length) {
        return length != RESET_TOKEN_LENGTH
                ? "stateless_reset_token is " + length + " bytes, not 16" : null;
    }

    /** A zero-length CID is refused because the client could never use the address (RFC 9000 §18.2). */
    static String preferredAddressConnectionId(int length) {
        if (length == 0) {
            return "preferred_address carries a zero-length connection ID";
        }
        return length > MAX_CID_LENGTH
                ? "preferred_address connection ID is " + length + " bytes, longer than 20" : null;
    }

    static String serverOnly(TransportParameterId id, Role sender) {
        return id.serverOnly() && sender == Role.CLIENT
                ? id.wireName() + " may only be sent by a server" : null;
    }

    /** The first reason a receiver would reject {@code tp} from {@code sender} in {@code dialect}, or null. */
    static String firstViolation(TransportParameters tp, Dialect dialect, Role sender) {
        String v = firstByRole(tp, sender);
        if (v == null) {
            v = firstByValue(tp);
        }
        return v != null ? v : firstByDialect(tp, dialect);
    }

    private static String firstByRole(TransportParameters tp, Role sender) {
        if (sender == Role.SERVER) {
            return null;
        }
        if (tp.originalDestinationConnectionId() != null) {
            return serverOnly(TransportParameterId.ORIGINAL_DESTINATION_CONNECTION_ID, sender);
        }
        if (tp.statelessResetToken() != null) {
            return serverOnly(TransportParameterId.STATELESS_RESET_TOKEN, sender);
        }
        if (tp.preferredAddress() != null) {
            return serverOnly(TransportParameterId.PREFERRED_ADDRESS, sender);
        }
        if (tp.retrySourceConnectionId() != null) {
            return serverOnly(TransportParameterId.RETRY_SOURCE_CONNECTION_ID, sender);
        }
        return null;
    }

    private static String firstByValue(TransportParameters tp) {
        String[] checks = {
            cid(TransportParameterId.ORIGINAL_DESTINATION_CONNECTION_ID, tp.originalDestinationConnectionId()),
            tp.statelessResetToken() == null ? null : resetToken(tp.statelessResetToken().length()),
            integer(TransportParameterId.MAX_UDP_PAYLOAD_SIZE, tp.maxUdpPayloadSize()),
            integer(TransportParameterId.INITIAL_MAX_STREAMS_BIDI, tp.initialMaxStreamsBidi()),
            integer(TransportParameterId.INITIAL_MAX_STREAMS_UNI, tp.initialMaxStreamsUni()),
            integer(TransportParameterId.ACK_DELAY_EXPONENT, tp.ackDelayExponent()),
            integer(TransportParameterId.MAX_ACK_DELAY, tp.maxAckDelay()),
            tp.preferredAddress() == null ? null
                    : preferredAddressConnectionId(tp.preferredAddress().connectionId().length()),
            integer(TransportParameterId.ACTIVE_CONNECTION_ID_LIMIT, tp.activeConnectionIdLimit()),
            cid(TransportParameterId.INITIAL_SOURCE_CONNECTION_ID, tp.initialSourceConnectionId()),
            cid(TransportParameterId.RETRY_SOURCE_CONNECTION_ID, tp.retrySourceConnectionId()),
            tp.initialMaxPathId().isPresent() ? maxPathId(tp.initialMaxPathId().getAsLong()) : null,
        };
        for (String c : checks) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    // The encoder cannot write a parameter the dialect lacks, and dropping it would break the round trip.
    private static String firstByDialect(TransportParameters tp, Dialect dialect) {
        if (dialect.transportParameterIsMaxPathId() && tp.enableMultipath()) {
            return "enable_multipath does not exist in " + dialect.id() + "; use initialMaxPathId";
        }
        if (!dialect.transportParameterIsMaxPathId() && tp.initialMaxPathId().isPresent()) {
            return "initial_max_path_id does not exist in " + dialect.id() + "; use enableMultipath";
        }
        return null;
    }

    private static String cid(TransportParameterId id, Bytes cid) {
        return cid == null ? null : connectionId(id, cid.length());
    }
}
