package io.mpqc.ref.frame;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A generation of draft-ietf-quic-multipath as seen on the wire: the codepoints of its frames and
 * transport parameter, how it names frames and paths, and its error codes. Selected by name
 * ({@code draft-21}, {@code draft-18}, {@code draft-06}); the digest's section 1 and appendix A are the
 * source of every number here.
 */
public enum Dialect {
    DRAFT_21("draft-21", 0x3eL, false, false, TransportError.PROTOCOL_VIOLATION.code(),
            TransportError.PROTOCOL_VIOLATION.code(),
            new long[] {0x3e, 0x3f, 0x3e75, 0x3e76, 0x3e77, 0x3e78, 0x3e79, 0x3e7a, 0x3e7b, 0x3e7c},
            Map.of(), Map.of(0x3eL, "APPLICATION_ABANDON_PATH", 0x3e75L, "PATH_RESOURCE_LIMIT_REACHED",
                    0x3e76L, "PATH_UNSTABLE_OR_POOR", 0x3e77L, "NO_CID_AVAILABLE_FOR_PATH")),
    DRAFT_18("draft-18", 0x0f739bbc1b666d0dL, false, false, TransportError.PROTOCOL_VIOLATION.code(),
            TransportError.PROTOCOL_VIOLATION.code(),
            new long[] {0x15228c00L, 0x15228c01L, 0x15228c05L, 0x15228c07L, 0x15228c08L, 0x15228c09L,
                0x15228c0aL, 0x15228c0cL, 0x15228c0dL, 0x15228c0eL},
            Map.of(), Map.of(0x004150504142414eL, "APPLICATION_ABANDON_PATH",
                    0x0052534c494d4954L, "PATH_RESOURCE_LIMIT_REACHED",
                    0x00554e5f494e5446L, "PATH_UNSTABLE_OR_POOR",
                    0x004e4f5f4349445fL, "NO_CID_AVAILABLE_FOR_PATH")),
    /**
     * The generation of the seed note: paths named by DCID sequence number, PATH_STANDBY/PATH_AVAILABLE,
     * ACK_MP, PATH_ABANDON with a reason phrase, and no CID or limit frames.
     */
    DRAFT_06("draft-06", 0x0f739bbc1b666d06L, true, true, 0x1001d76d3ded42f3L,
            TransportError.FRAME_ENCODING_ERROR.code(),
            new long[] {0x15228c00L, 0x15228c01L, 0x15228c05L, 0x15228c07L, 0x15228c08L, -1, -1, -1, -1, -1},
            Map.of(FrameType.PATH_ACK, "ACK_MP", FrameType.PATH_ACK_ECN, "ACK_MP_ECN",
                    FrameType.PATH_STATUS_BACKUP, "PATH_STANDBY", FrameType.PATH_STATUS_AVAILABLE,
                    "PATH_AVAILABLE"),
            Map.of(0x1001d76d3ded42f3L, "MP_PROTOCOL_VIOLATION"));

    /** The multipath frame kinds in the order of the codepoint arrays above. */
    private static final FrameType[] MP_TYPES = {
        FrameType.PATH_ACK, FrameType.PATH_ACK_ECN, FrameType.PATH_ABANDON, FrameType.PATH_STATUS_BACKUP,
        FrameType.PATH_STATUS_AVAILABLE, FrameType.PATH_NEW_CONNECTION_ID, FrameType.PATH_RETIRE_CONNECTION_ID,
        FrameType.MAX_PATH_ID, FrameType.PATHS_BLOCKED, FrameType.PATH_CIDS_BLOCKED,
    };

    private final String id;
    private final long transportParameterId;
    private final boolean pathsByDcidSequence;
    private final boolean abandonHasReasonPhrase;
    private final long protocolViolationCode;
    private final long wrongPacketTypeCode;
    private final long[] codepoints;
    private final Map<FrameType, String> renamed;
    private final Map<Long, String> multipathErrors;

    Dialect(String id, long transportParameterId, boolean pathsByDcidSequence, boolean abandonHasReasonPhrase,
            long protocolViolationCode, long wrongPacketTypeCode, long[] codepoints,
            Map<FrameType, String> renamed, Map<Long, String> multipathErrors) {
        this.id = id;
        this.transportParameterId = transportParameterId;
        this.pathsByDcidSequence = pathsByDcidSequence;
        this.abandonHasReasonPhrase = abandonHasReasonPhrase;
        this.protocolViolationCode = protocolViolationCode;
        this.wrongPacketTypeCode = wrongPacketTypeCode;
        this.codepoints = codepoints;
        this.renamed = renamed.isEmpty() ? Map.of() : new EnumMap<>(renamed);
        this.multipathErrors = multipathErrors;
    }

    /** The name users type: {@code draft-21}, {@code draft-18}, {@code draft-06}. */
    public String id() {
        return id;
    }

    /** The dialect used when none is named. */
    public static final Dialect DEFAULT = DRAFT_21;

    /** The dialect named {@code name}; the message lists the known names otherwise. */
    public static Dialect byName(String name) {
        for (Dialect d : values()) {
            if (d.id.equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + name + "' (known: " + names() + ")");
    }

    /** The known dialect names, comma separated. */
    public static String names() {
        return Arrays.stream(values()).map(Dialect::id).collect(Collectors.joining(", "));
    }

    /**
     * The codepoint of {@code type} in this dialect, or -1 if the dialect has no such frame. RFC 9000 frames
     * have the same codepoint in every dialect (for a family such as STREAM, the lowest).
     */
    public long codepoint(FrameType type) {
        if (!type.isMultipath()) {
            return type.rfc9000Code();
        }
        return codepoints[type.ordinal() - FrameType.PATH_ACK.ordinal()];
    }

    /** The multipath frame kind with this codepoint, or null. */
    public FrameType multipathType(long codepoint) {
        for (int i = 0; i < codepoints.length; i++) {
            if (codepoints[i] == codepoint) {
                return MP_TYPES[i];
            }
        }
        return null;
    }

    /** True when this dialect has a frame of kind {@code type}. */
    public boolean supports(FrameType type) {
        return codepoint(type) >= 0;
    }

    /** The frame's name in this dialect's text, e.g. PATH_STANDBY in draft-06. */
    public String frameName(FrameType type) {
        return renamed.getOrDefault(type, type.name());
    }

    /** The name of the field that identifies a path: {@code path_id}, or {@code dcid_seq} in draft-06. */
    public String pathFieldName() {
        return pathsByDcidSequence ? "dcid_seq" : "path_id";
    }

    /** True when paths are named by Destination Connection ID sequence number (draft-06). */
    public boolean pathsByDcidSequence() {
        return pathsByDcidSequence;
    }

    /** True when PATH_ABANDON carries a reason phrase (until draft-10). */
    public boolean abandonHasReasonPhrase() {
        return abandonHasReasonPhrase;
    }

    /** The transport parameter that negotiates multipath in this dialect. */
    public long transportParameterId() {
        return transportParameterId;
    }

    /**
     * True when the transport parameter carries a maximum path ID (draft-09 on); false when it is the
     * zero-length {@code enable_multipath} flag (draft-05/06).
     */
    public boolean transportParameterIsMaxPathId() {
        return !pathsByDcidSequence;
    }

    /** The error code for a multipath rule violation: PROTOCOL_VIOLATION, or MP_PROTOCOL_VIOLATION (draft-06). */
    public long protocolViolationCode() {
        return protocolViolationCode;
    }

    /**
     * The error code for a multipath frame in a packet type other than 1-RTT: PROTOCOL_VIOLATION from
     * draft-13, FRAME_ENCODING_ERROR in drafts 05-12.
     */
    public long wrongPacketTypeCode() {
        return wrongPacketTypeCode;
    }

    /** The name of a multipath-specific error code of this dialect, or null. */
    public String multipathErrorName(long code) {
        return multipathErrors.get(code);
    }

    /** The multipath error codes this dialect defines, by name. */
    public Map<Long, String> multipathErrors() {
        return multipathErrors;
    }

    @Override
    public String toString() {
        return id;
    }
}
