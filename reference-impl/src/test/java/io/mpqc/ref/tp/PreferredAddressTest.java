package io.mpqc.ref.tp;

import static io.mpqc.ref.tp.TpFixtures.PREFERRED;
import static io.mpqc.ref.tp.TpFixtures.PREFERRED_VALUE;
import static io.mpqc.ref.tp.TpFixtures.assertRejected;
import static io.mpqc.ref.tp.TpFixtures.decode;
import static io.mpqc.ref.tp.TpFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The preferred_address layout (RFC 9000 §18.2): 4+2+16+2 bytes, a CID with an 8-bit length, 16 token bytes. */
class PreferredAddressTest {
    private static final String ADDRESSES = "c0000201 01bb 20010db8000000000000000000000001 01bb";
    private static final String TOKEN = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";

    @Test
    @DisplayName("a well-formed preferred_address decodes and encodes byte for byte")
    void wellFormed() throws Exception {
        TransportParameters tp = decode(Dialect.DRAFT_21, Role.SERVER, "0d 2d " + PREFERRED_VALUE);

        assertThat(tp.preferredAddress()).isEqualTo(PREFERRED);
        assertThat(tp.preferredAddress().ipv4()).isEqualTo(new InetSocketAddress("192.0.2.1", 443));
        assertThat(tp.preferredAddress().ipv6()).isEqualTo(new InetSocketAddress("2001:db8::1", 443));
        assertThat(hex(new TransportParametersEncoder(Dialect.DRAFT_21).encode(tp, Role.SERVER)))
                .isEqualTo(hex(hex("0d 2d " + PREFERRED_VALUE)));
    }

    @Test
    @DisplayName("an all-zero family means the server offers no address of that family")
    void absentFamily() {
        PreferredAddress v6Only = PreferredAddress.of(null, new InetSocketAddress("2001:db8::1", 4433),
                TpFixtures.CID8, TpFixtures.TOKEN);

        assertThat(v6Only.ipv4()).isNull();
        assertThat(v6Only.ipv4Address()).isEqualTo(Bytes.ofHex("00000000"));
        assertThat(v6Only.ipv6().getPort()).isEqualTo(4433);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "0d 00                                                  |  2 | empty value",
        "0d 0a c0000201 01bb 20010db8                           |  8 | ends inside the IPv6 address",
        "0d 18 " + ADDRESSES + "                                | 26 | ends before the CID length",
        "0d 29 " + ADDRESSES + " 00 " + TOKEN + "               | 26 | zero-length CID",
        "0d 3e " + ADDRESSES + " 15 " + "000102030405060708090a0b0c0d0e0f1011121314" + TOKEN + " | 26 | CID of 21 bytes",
        "0d 1e " + ADDRESSES + " 14 0102030405                  | 27 | CID runs past the value",
        "0d 27 " + ADDRESSES + " 04 aabbccdd a0a1a2a3a4a5a6a7a8a9 | 31 | ends inside the token",
        "0d 2e " + ADDRESSES + " 04 aabbccdd " + TOKEN + " ff   | 47 | a byte after the token",
    })
    @DisplayName("Q-7.4-1 a malformed preferred_address is TRANSPORT_PARAMETER_ERROR at the offending field")
    void malformed(String wire, int offset, String why) {
        assertRejected(Dialect.DRAFT_21, Role.SERVER, wire, offset, 0x0d);
    }

    @Test
    @DisplayName("the encoder refuses a zero-length or over-long preferred_address CID")
    void encoderRefusesBadCid() {
        TransportParametersEncoder encoder = new TransportParametersEncoder(Dialect.DRAFT_21);
        PreferredAddress empty = new PreferredAddress(PREFERRED.ipv4Address(), 1, PREFERRED.ipv6Address(), 1,
                Bytes.EMPTY, TpFixtures.TOKEN);
        PreferredAddress tooLong = new PreferredAddress(PREFERRED.ipv4Address(), 1, PREFERRED.ipv6Address(), 1,
                TpFixtures.CID21, TpFixtures.TOKEN);

        assertThatThrownBy(() -> encoder.encode(TransportParameters.builder().preferredAddress(empty).build(),
                Role.SERVER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero-length");
        assertThatThrownBy(() -> encoder.encode(TransportParameters.builder().preferredAddress(tooLong).build(),
                Role.SERVER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 20");
    }

    @Test
    @DisplayName("the record refuses what the layout cannot carry")
    void recordRefusesUnencodable() {
        assertThatThrownBy(() -> new PreferredAddress(Bytes.ofHex("0102"), 1, PREFERRED.ipv6Address(), 1,
                TpFixtures.CID8, TpFixtures.TOKEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PreferredAddress(PREFERRED.ipv4Address(), 65536, PREFERRED.ipv6Address(), 1,
                TpFixtures.CID8, TpFixtures.TOKEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PreferredAddress(PREFERRED.ipv4Address(), 1, PREFERRED.ipv6Address(), 1,
                TpFixtures.CID8, TpFixtures.CID8)).isInstanceOf(IllegalArgumentException.class);
    }
}
