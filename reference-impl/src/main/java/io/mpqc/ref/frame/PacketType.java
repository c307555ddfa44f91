package io.mpqc.ref.frame;

/** The packet types a frame can arrive in (RFC 9000 §12.4); each has one bit for permission masks. */
public enum PacketType {
    INITIAL("I"),
    ZERO_RTT("0"),
    HANDSHAKE("H"),
    ONE_RTT("1");

    private final String letter;

    PacketType(String letter) {
        this.letter = letter;
    }

    /** The letter RFC 9000's frame table uses for this packet type. */
    public String letter() {
        return letter;
    }

    int bit() {
        return 1 << ordinal();
    }
}
