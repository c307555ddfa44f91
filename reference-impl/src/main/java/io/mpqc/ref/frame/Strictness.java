package io.mpqc.ref.frame;

/** How the decoder treats what RFC 9000 lets a receiver reject but does not force it to. */
public enum Strictness {
    /** A frame type in a longer-than-minimal varint is PROTOCOL_VIOLATION (RFC 9000 §12.4 MAY). */
    STRICT,
    /** A frame type in a longer-than-minimal varint is accepted. */
    LENIENT
}
