package io.mpqc.ref.frame;

/**
 * Every frame kind the codec knows, with the facts RFC 9000 §12.4 and draft-21 §4 state about it: which
 * packet types may carry it, whether it elicits an ACK, whether it is a probing frame. The multipath
 * kinds have no fixed codepoint: {@link Dialect} assigns them.
 */
public enum FrameType {
    PADDING(0x00, "IH01", false, true),
    PING(0x01, "IH01", true, false),
    ACK(0x02, "IH1", false, false),
    ACK_ECN(0x03, "IH1", false, false),
    RESET_STREAM(0x04, "01", true, false),
    STOP_SENDING(0x05, "01", true, false),
    CRYPTO(0x06, "IH1", true, false),
    NEW_TOKEN(0x07, "1", true, false),
    STREAM(0x08, "01", true, false),
    MAX_DATA(0x10, "01", true, false),
    MAX_STREAM_DATA(0x11, "01", true, false),
    MAX_STREAMS_BIDI(0x12, "01", true, false),
    MAX_STREAMS_UNI(0x13, "01", true, false),
    DATA_BLOCKED(0x14, "01", true, false),
    STREAM_DATA_BLOCKED(0x15, "01", true, false),
    STREAMS_BLOCKED_BIDI(0x16, "01", true, false),
    STREAMS_BLOCKED_UNI(0x17, "01", true, false),
    NEW_CONNECTION_ID(0x18, "01", true, true),
    RETIRE_CONNECTION_ID(0x19, "01", true, false),
    PATH_CHALLENGE(0x1a, "01", true, true),
    PATH_RESPONSE(0x1b, "1", true, true),
    CONNECTION_CLOSE(0x1c, "IH01", false, false),
    CONNECTION_CLOSE_APP(0x1d, "01", false, false),
    HANDSHAKE_DONE(0x1e, "1", true, false),
    // Multipath frames: 1-RTT only (draft-21 §4); PATH_ACK is the only one that does not elicit an ACK.
    PATH_ACK(-1, "1", false, false),
    PATH_ACK_ECN(-1, "1", false, false),
    PATH_ABANDON(-1, "1", true, false),
    PATH_STATUS_BACKUP(-1, "1", true, false),
    PATH_STATUS_AVAILABLE(-1, "1", true, false),
    PATH_NEW_CONNECTION_ID(-1, "1", true, false),
    PATH_RETIRE_CONNECTION_ID(-1, "1", true, false),
    MAX_PATH_ID(-1, "1", true, false),
    PATHS_BLOCKED(-1, "1", true, false),
    PATH_CIDS_BLOCKED(-1, "1", true, false);

    private final long rfc9000Code;
    private final int allowedPackets;
    private final boolean ackEliciting;
    private final boolean probing;

    FrameType(long rfc9000Code, String packets, boolean ackEliciting, boolean probing) {
        this.rfc9000Code = rfc9000Code;
        int mask = 0;
        for (PacketType p : PacketType.values()) {
            if (packets.contains(p.letter())) {
                mask |= p.bit();
            }
        }
        this.allowedPackets = mask;
        this.ackEliciting = ackEliciting;
        this.probing = probing;
    }

    /** True for the frames draft-ietf-quic-multipath defines. */
    public boolean isMultipath() {
        return rfc9000Code < 0;
    }

    /** The RFC 9000 codepoint (the lowest of a family such as STREAM's 0x08-0x0f), or -1 for multipath frames. */
    public long rfc9000Code() {
        return rfc9000Code;
    }

    /** Whether RFC 9000 §12.4 (or draft-21 §4 for multipath frames) lets this frame travel in {@code packet}. */
    public boolean allowedIn(PacketType packet) {
        return (allowedPackets & packet.bit()) != 0;
    }

    public boolean isAckEliciting() {
        return ackEliciting;
    }

    /** Probing frames per RFC 9000 §9.1; multipath frames are non-probing (quicwg/multipath #590). */
    public boolean isProbing() {
        return probing;
    }
}
