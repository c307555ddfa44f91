package io.mpqc.ref.crypto;

/**
 * The AEAD nonce of a 1-RTT packet once multipath is negotiated (draft-21 §2.4): the IV XOR the
 * left-padded 96-bit path-and-packet-number (32-bit path ID, two zero bits, 62-bit packet number). For
 * path 0 it equals the RFC 9001 §5.3 nonce.
 */
public final class PathNonce {
    /** The shortest nonce multipath allows (draft-21 §2.1). */
    public static final int MIN_LENGTH = 12;

    private PathNonce() {
    }

    public static byte[] compute(byte[] iv, long pathId, long packetNumber) {
        if (iv.length < MIN_LENGTH) {
            throw new IllegalArgumentException("multipath needs a nonce of at least 12 bytes, got " + iv.length);
        }
        if (pathId < 0 || pathId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("path ID out of range: " + pathId);
        }
        if (packetNumber < 0 || packetNumber > (1L << 62) - 1) {
            throw new IllegalArgumentException("packet number out of range: " + packetNumber);
        }
        byte[] nonce = iv.clone();
        int n = nonce.length;
        // The last 8 bytes take the packet number (its top two bits are zero); the 4 before, the path ID.
        for (int i = 0; i < 8; i++) {
            nonce[n - 1 - i] ^= (byte) (packetNumber >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            nonce[n - 9 - i] ^= (byte) (pathId >>> (8 * i));
        }
        return nonce;
    }
}
