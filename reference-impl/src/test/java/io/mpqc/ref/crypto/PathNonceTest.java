package io.mpqc.ref.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PathNonceTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    @DisplayName("MP-2.4-1 the draft's vector: path 3, packet 54321")
    void draftVector() {
        byte[] nonce = PathNonce.compute(HEX.parseHex("6b26114b9cba2b63a9e8dd4f"), 3, 54321);
        assertThat(HEX.formatHex(nonce)).isEqualTo("6b2611489cba2b63a9e8097e");
    }

    @Test
    @DisplayName("MP-2.4-2 / Q-9001-5.3 path 0 gives the RFC 9001 nonce (IV XOR padded packet number)")
    void pathZeroIsTheRfc9001Nonce() {
        byte[] iv = HEX.parseHex("fa044b2f42a3fd3b46fb255c");
        // RFC 9001 §A.2 / A.5 style: packet number 2 XORs into the last byte only.
        assertThat(HEX.formatHex(PathNonce.compute(iv, 0, 2))).isEqualTo("fa044b2f42a3fd3b46fb255e");
        assertThat(PathNonce.compute(iv, 0, 0x0102030405L)).isEqualTo(rfc9001Nonce(iv, 0x0102030405L));
    }

    /** RFC 9001 §5.3 written out on its own: the packet number, left-padded, XORed into the IV. */
    private static byte[] rfc9001Nonce(byte[] iv, long pn) {
        byte[] out = iv.clone();
        for (int i = 0; i < 8; i++) {
            out[11 - i] ^= (byte) (pn >>> (8 * i));
        }
        return out;
    }

    @Test
    @DisplayName("MP-2.1-6 a nonce shorter than 12 bytes is refused")
    void shortIvRefused() {
        assertThatThrownBy(() -> PathNonce.compute(new byte[8], 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTwoZeroBitsSeparatePathFromPacketNumber() {
        byte[] zero = new byte[12];
        assertThat(HEX.formatHex(PathNonce.compute(zero, 0xFFFF_FFFFL, (1L << 62) - 1)))
                .isEqualTo("ffffffff3fffffffffffffff");
    }
}
