package io.mpqc.ref.tp;

import static io.mpqc.ref.tp.TpFixtures.assertRejected;
import static io.mpqc.ref.tp.TpFixtures.decode;
import static io.mpqc.ref.tp.TpFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mpqc.ref.frame.Dialect;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The id / length / value layout (RFC 9000 §18) and the duplicate rule (§7.4). */
class FramingTest {

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', value = {
        "40                 | 0 | -1 | parameter id truncated",
        "01 01 05 40        | 3 | -1 | parameter id truncated after a valid parameter",
        "01                 | 1 |  1 | length missing",
        "01 40              | 1 |  1 | length truncated",
        "01 05 01           | 1 |  1 | length beyond the input",
        "01 c0000000ffffffff 01 | 1 | 1 | length near 2^32 beyond the input",
        "01 ffffffffffffffff 01 | 1 | 1 | length 2^62-1 beyond the input",
        "01 00              | 2 |  1 | zero-length integer",
        "01 01 40 05        | 2 |  1 | integer varint longer than the declared length",
        "01 02 05 00        | 3 |  1 | integer varint shorter than the declared length",
        "0e 03 40 05 00     | 4 | 14 | two-byte integer varint with a trailing byte",
        "3e 01 03 0e 00     | 5 | 14 | malformed integer after a valid parameter",
    })
    @DisplayName("MP-2.1-8 malformed parameter framing is TRANSPORT_PARAMETER_ERROR at the offending field")
    void malformed(String wire, int offset, long id, String why) {
        assertRejected(Dialect.DRAFT_21, Role.SERVER, wire, offset, id);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "01 01 05 01 01 06       | 3 |  1 | same integer parameter twice",
        "01 01 05 01 01 05       | 3 |  1 | identical duplicate",
        "01 01 05 40 01 01 06    | 3 |  1 | duplicate id written as a non-minimal varint",
        "0f 00 04 01 10 0f 01 aa | 5 | 15 | duplicate with other parameters between",
        "0c 00 0c 00             | 2 | 12 | duplicate flag",
    })
    @DisplayName("Q-7.4-1 a duplicate parameter is TRANSPORT_PARAMETER_ERROR at the second occurrence")
    void duplicate(String wire, int offset, long id, String why) {
        assertRejected(Dialect.DRAFT_21, Role.SERVER, wire, offset, id);
    }

    @Test
    @DisplayName("Q-7.4-1 the duplicate rule covers unknown ids too")
    void duplicateUnknown() {
        assertRejected(Dialect.DRAFT_21, Role.SERVER, "1b 00 1b 01 ff", 2, 0x1b);
    }

    @Test
    @DisplayName("MP-2.1-8 a non-minimal varint that fills the declared length is accepted (RFC 9000 §16)")
    void nonMinimalIntegerAccepted() throws Exception {
        assertThat(decode(Dialect.DRAFT_21, Role.SERVER, "01 08 c000000000000005").maxIdleTimeout()).isEqualTo(5);
    }

    @Test
    @DisplayName("offsets count from the reader index, which moves only on success")
    void byteBufOffsets() throws Exception {
        TransportParametersDecoder decoder = new TransportParametersDecoder(Dialect.DRAFT_21);
        ByteBuf bad = Unpooled.wrappedBuffer(hex("ffff 01 01 05 0a 01 15"));
        bad.readerIndex(2);

        TransportParameterException e = catchThrowableOfType(TransportParameterException.class,
                () -> decoder.decode(bad, Role.SERVER));
        assertThat(e.offset()).isEqualTo(5);
        assertThat(bad.readerIndex()).isEqualTo(2);

        ByteBuf good = Unpooled.wrappedBuffer(hex("ffff 01 01 05"));
        good.readerIndex(2);
        assertThat(decoder.decode(good, Role.SERVER).maxIdleTimeout()).isEqualTo(5);
        assertThat(good.isReadable()).isFalse();
    }
}
