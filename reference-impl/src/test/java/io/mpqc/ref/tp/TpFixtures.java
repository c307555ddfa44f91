package io.mpqc.ref.tp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.TransportError;

/** Shared inputs and assertions; byte strings are hex with optional spaces, as in the digest. */
final class TpFixtures {
    static final Bytes CID8 = Bytes.ofHex("0102030405060708");
    static final Bytes CID20 = Bytes.ofHex("000102030405060708090a0b0c0d0e0f10111213");
    static final Bytes CID21 = Bytes.ofHex("000102030405060708090a0b0c0d0e0f1011121314");
    static final Bytes TOKEN = Bytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    /** preferred_address value: 192.0.2.1:443, [2001:db8::1]:443, CID aabbccdd, TOKEN (45 bytes). */
    static final String PREFERRED_VALUE = "c0000201 01bb 20010db8000000000000000000000001 01bb 04 aabbccdd"
            + " a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";
    static final PreferredAddress PREFERRED = new PreferredAddress(Bytes.ofHex("c0000201"), 443,
            Bytes.ofHex("20010db8000000000000000000000001"), 443, Bytes.ofHex("aabbccdd"), TOKEN);

    private TpFixtures() {
    }

    static byte[] hex(String hex) {
        return Bytes.ofHex(hex).toByteArray();
    }

    static String hex(byte[] bytes) {
        return Bytes.of(bytes).hex();
    }

    static TransportParameters decode(Dialect dialect, Role sender, String hex) throws TransportParameterException {
        return new TransportParametersDecoder(dialect).decode(hex(hex), sender);
    }

    /** Asserts the input is rejected with TRANSPORT_PARAMETER_ERROR at {@code offset} for {@code id}. */
    static TransportParameterException assertRejected(Dialect dialect, Role sender, String hex, int offset, long id) {
        TransportParameterException e = catchThrowableOfType(TransportParameterException.class,
                () -> decode(dialect, sender, hex));
        assertThat(e).as("decoding %s", hex).isNotNull();
        assertThat(e.error()).isEqualTo(TransportError.TRANSPORT_PARAMETER_ERROR);
        assertThat(e.offset()).as("offset of: %s", e.getMessage()).isEqualTo(offset);
        assertThat(e.parameterId()).as("parameter id of: %s", e.getMessage()).isEqualTo(id);
        return e;
    }
}
