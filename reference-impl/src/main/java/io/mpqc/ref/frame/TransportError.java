package io.mpqc.ref.frame;

/** The RFC 9000 §20.1 transport error codes, plus naming for the multipath codes of each dialect. */
public enum TransportError {
    NO_ERROR(0x00),
    INTERNAL_ERROR(0x01),
    CONNECTION_REFUSED(0x02),
    FLOW_CONTROL_ERROR(0x03),
    STREAM_LIMIT_ERROR(0x04),
    STREAM_STATE_ERROR(0x05),
    FINAL_SIZE_ERROR(0x06),
    FRAME_ENCODING_ERROR(0x07),
    TRANSPORT_PARAMETER_ERROR(0x08),
    CONNECTION_ID_LIMIT_ERROR(0x09),
    PROTOCOL_VIOLATION(0x0a),
    INVALID_TOKEN(0x0b),
    APPLICATION_ERROR(0x0c),
    CRYPTO_BUFFER_EXCEEDED(0x0d),
    KEY_UPDATE_ERROR(0x0e),
    AEAD_LIMIT_REACHED(0x0f),
    NO_VIABLE_PATH(0x10);

    private static final TransportError[] BY_CODE = values();

    private final long code;

    TransportError(long code) {
        this.code = code;
    }

    public long code() {
        return code;
    }

    /** The RFC 9000 error with this code, or null. */
    public static TransportError of(long code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
    }

    /** True for a code RFC 9000 or the given dialect defines (CRYPTO_ERROR range included). */
    public static boolean isKnown(long code, Dialect dialect) {
        return of(code) != null || (code >= 0x100 && code <= 0x1ff) || dialect.multipathErrorName(code) != null;
    }

    /** A readable name for any error code, e.g. "PROTOCOL_VIOLATION (0xa)" or "CRYPTO_ERROR(0x12a)". */
    public static String describe(long code, Dialect dialect) {
        String hex = "0x" + Long.toHexString(code);
        TransportError known = of(code);
        if (known != null) {
            return known.name() + " (" + hex + ")";
        }
        if (code >= 0x100 && code <= 0x1ff) {
            return "CRYPTO_ERROR (" + hex + ")";
        }
        String mp = dialect.multipathErrorName(code);
        return mp != null ? mp + " (" + hex + ")" : "unknown error " + hex;
    }
}
