package io.mpqc.ref.tp;

import io.mpqc.ref.frame.Dialect;

/**
 * The RFC 9000 §18.2 transport parameters, with the shape of their values and whether only a server may
 * send them. The multipath parameter is not listed: its codepoint depends on the {@link Dialect}
 * ({@link Dialect#transportParameterId()}).
 */
public enum TransportParameterId {
    ORIGINAL_DESTINATION_CONNECTION_ID(0x00, "original_destination_connection_id", Kind.CONNECTION_ID, true),
    MAX_IDLE_TIMEOUT(0x01, "max_idle_timeout", Kind.INTEGER, false),
    STATELESS_RESET_TOKEN(0x02, "stateless_reset_token", Kind.RESET_TOKEN, true),
    MAX_UDP_PAYLOAD_SIZE(0x03, "max_udp_payload_size", Kind.INTEGER, false),
    INITIAL_MAX_DATA(0x04, "initial_max_data", Kind.INTEGER, false),
    INITIAL_MAX_STREAM_DATA_BIDI_LOCAL(0x05, "initial_max_stream_data_bidi_local", Kind.INTEGER, false),
    INITIAL_MAX_STREAM_DATA_BIDI_REMOTE(0x06, "initial_max_stream_data_bidi_remote", Kind.INTEGER, false),
    INITIAL_MAX_STREAM_DATA_UNI(0x07, "initial_max_stream_data_uni", Kind.INTEGER, false),
    INITIAL_MAX_STREAMS_BIDI(0x08, "initial_max_streams_bidi", Kind.INTEGER, false),
    INITIAL_MAX_STREAMS_UNI(0x09, "initial_max_streams_uni", Kind.INTEGER, false),
    ACK_DELAY_EXPONENT(0x0a, "ack_delay_exponent", Kind.INTEGER, false),
    MAX_ACK_DELAY(0x0b, "max_ack_delay", Kind.INTEGER, false),
    DISABLE_ACTIVE_MIGRATION(0x0c, "disable_active_migration", Kind.FLAG, false),
    PREFERRED_ADDRESS(0x0d, "preferred_address", Kind.PREFERRED_ADDRESS, true),
    ACTIVE_CONNECTION_ID_LIMIT(0x0e, "active_connection_id_limit", Kind.INTEGER, false),
    INITIAL_SOURCE_CONNECTION_ID(0x0f, "initial_source_connection_id", Kind.CONNECTION_ID, false),
    RETRY_SOURCE_CONNECTION_ID(0x10, "retry_source_connection_id", Kind.CONNECTION_ID, true);

    /** How a parameter's value is laid out on the wire. */
    public enum Kind {
        /** One varint filling the whole value. */
        INTEGER,
        /** 0 to 20 bytes. */
        CONNECTION_ID,
        /** Exactly 16 bytes. */
        RESET_TOKEN,
        /** Zero-length value; presence is the information. */
        FLAG,
        /** The RFC 9000 §18.2 Preferred Address structure. */
        PREFERRED_ADDRESS
    }

    /** The wire name of the multipath parameter in draft-09 and later. */
    public static final String INITIAL_MAX_PATH_ID = "initial_max_path_id";
    /** The wire name of the multipath parameter in draft-05 and draft-06. */
    public static final String ENABLE_MULTIPATH = "enable_multipath";

    // Codes are 0x00..0x10 in declaration order, so the ordinal is the code.
    private static final TransportParameterId[] BY_CODE = values();

    private final long code;
    private final String wireName;
    private final Kind kind;
    private final boolean serverOnly;

    TransportParameterId(long code, String wireName, Kind kind, boolean serverOnly) {
        this.code = code;
        this.wireName = wireName;
        this.kind = kind;
        this.serverOnly = serverOnly;
    }

    public long code() {
        return code;
    }

    /** The name RFC 9000 uses, e.g. {@code max_udp_payload_size}. */
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** True for the parameters a client must not send (RFC 9000 §18.2). */
    public boolean serverOnly() {
        return serverOnly;
    }

    /** The RFC 9000 parameter with this codepoint, or null. */
    public static TransportParameterId of(long code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
    }

    /**
     * True for the ids RFC 9000 §18.1 reserves for greasing (31 * N + 27): peers send them to check that
     * unknown parameters are ignored.
     */
    public static boolean isReserved(long code) {
        return code >= 27 && code % 31 == 27;
    }

    /** A readable name for any parameter id in {@code dialect}, e.g. {@code initial_max_path_id (0x3e)}. */
    public static String describe(long code, Dialect dialect) {
        String hex = "0x" + Long.toHexString(code);
        TransportParameterId known = of(code);
        if (known != null) {
            return known.wireName + " (" + hex + ")";
        }
        if (code == dialect.transportParameterId()) {
            return multipathName(dialect) + " (" + hex + ")";
        }
        return (isReserved(code) ? "reserved parameter " : "unknown parameter ") + hex;
    }

    /** The name of the dialect's multipath parameter. */
    public static String multipathName(Dialect dialect) {
        return dialect.transportParameterIsMaxPathId() ? INITIAL_MAX_PATH_ID : ENABLE_MULTIPATH;
    }
}
