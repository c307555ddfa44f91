package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.CodecFixtures.decodeOne;
import static io.mpqc.ref.frame.CodecFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.mpqc.ref.frame.CodecFixtures.BufferKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** QUIC variable-length integers (RFC 9000 §16) in their ByteBuf, byte[] and ByteBuffer forms. */
@Tag("Q-16-1")
class VarintTest {

    /** Value, minimal length, minimal encoding. Boundaries of every length class plus RFC 9000 §A.1 samples. */
    static Stream<Arguments> boundaries() {
        return Stream.of(
                Arguments.of(0L, 1, "00"),
                Arguments.of(37L, 1, "25"),
                Arguments.of(63L, 1, "3f"),
                Arguments.of(64L, 2, "4040"),
                Arguments.of(15293L, 2, "7bbd"),
                Arguments.of(16383L, 2, "7fff"),
                Arguments.of(16384L, 4, "80004000"),
                Arguments.of(494878333L, 4, "9d7f3e7d"),
                Arguments.of((1L << 30) - 1, 4, "bfffffff"),
                Arguments.of(1L << 30, 8, "c000000040000000"),
                Arguments.of(151288809941952652L, 8, "c2197c5eff14e88c"),
                Arguments.of((1L << 62) - 1, 8, "ffffffffffffffff"));
    }

    @ParameterizedTest(name = "Q-16-1 {0} has length {1} and encodes as {2}")
    @MethodSource("boundaries")
    void lengthAndEncoding(long value, int length, String encoding) {
        assertThat(Varint.isValid(value)).isTrue();
        assertThat(Varint.lengthOf(value)).isEqualTo(length);
        assertThat(hex(Varint.encode(value))).isEqualTo(encoding);
        assertThat(Varint.lengthFromFirstByte(hex(encoding)[0])).isEqualTo(length);
    }

    @ParameterizedTest(name = "Q-16-1 ByteBuf round trip of {0}")
    @MethodSource("boundaries")
    void byteBufRoundTrip(long value, int length, String encoding) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeByte(0x99); // something before, so the reader index is not 0
        Varint.write(buf, value);
        buf.writeByte(0x77); // something after, which must stay unread
        assertThat(hex(ByteBufUtil.getBytes(buf, 1, length))).isEqualTo(encoding);
        for (BufferKind kind : BufferKind.values()) {
            ByteBuf in = kind.wrap(ByteBufUtil.getBytes(buf), 1, 2 + length);
            assertThat(Varint.read(in)).as("%s", kind).isEqualTo(value);
            assertThat(in.readerIndex()).isEqualTo(1 + length);
            assertThat(in.readUnsignedByte()).isEqualTo((short) 0x77);
            in.release();
        }
    }

    @ParameterizedTest(name = "Q-16-1 byte[] round trip of {0}")
    @MethodSource("boundaries")
    void byteArrayRoundTrip(long value, int length, String encoding) {
        byte[] enc = Varint.encode(value);
        assertThat(Varint.read(enc, 0)).isEqualTo(value);
        byte[] embedded = CodecFixtures.concat(hex("ffff"), enc, hex("ff"));
        assertThat(Varint.read(embedded, 2)).isEqualTo(value);
    }

    @ParameterizedTest(name = "Q-16-1 ByteBuffer round trip of {0}")
    @MethodSource("boundaries")
    void byteBufferRoundTrip(long value, int length, String encoding) {
        ByteBuffer bb = ByteBuffer.allocate(16);
        bb.put((byte) 1);
        Varint.write(bb, value);
        assertThat(bb.position()).isEqualTo(1 + length);
        bb.flip();
        bb.get();
        assertThat(Varint.read(bb)).isEqualTo(value);
        assertThat(bb.position()).isEqualTo(1 + length);
        assertThat(bb.hasRemaining()).isFalse();
        byte[] written = Arrays.copyOfRange(bb.array(), 1, 1 + length);
        assertThat(hex(written)).isEqualTo(encoding);
    }

    @ParameterizedTest(name = "Q-16-1 every strict prefix of the encoding of {0} is TRUNCATED")
    @MethodSource("boundaries")
    void truncatedEncodingsReportTruncated(long value, int length, String encoding) {
        byte[] enc = hex(encoding);
        for (int n = 0; n < length; n++) {
            byte[] prefix = Arrays.copyOf(enc, n);
            for (BufferKind kind : BufferKind.values()) {
                ByteBuf buf = kind.wrap(enc, 0, n); // the bytes past the writer index exist
                assertThat(Varint.read(buf)).as("%s prefix %d", kind, n).isEqualTo(Varint.TRUNCATED);
                assertThat(buf.readerIndex()).isZero();
                buf.release();
            }
            ByteBuffer bb = ByteBuffer.wrap(enc, 0, n);
            assertThat(Varint.read(bb)).as("ByteBuffer prefix %d", n).isEqualTo(Varint.TRUNCATED);
            assertThat(bb.position()).isZero();
            assertThat(Varint.read(prefix, 0)).as("byte[] prefix %d", n).isEqualTo(Varint.TRUNCATED);
        }
        assertThat(Varint.read(enc, length)).as("offset at the end").isEqualTo(Varint.TRUNCATED);
        assertThat(Varint.read(enc, -1)).as("negative offset").isEqualTo(Varint.TRUNCATED);
    }

    @ParameterizedTest(name = "Q-16-1 {0} is not a varint value")
    @ValueSource(longs = {1L << 62, -1L, Long.MIN_VALUE, Long.MAX_VALUE, (1L << 62) + 1})
    void valuesOutsideTheRangeCannotBeEncoded(long value) {
        assertThat(Varint.isValid(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Varint.lengthOf(value));
        assertThatIllegalArgumentException().isThrownBy(() -> Varint.encode(value));
        ByteBuf buf = Unpooled.buffer();
        assertThatIllegalArgumentException().isThrownBy(() -> Varint.write(buf, value));
        assertThatIllegalArgumentException().isThrownBy(() -> Varint.write(buf, value, 8));
        assertThat(buf.writerIndex()).as("nothing written").isZero();
        ByteBuffer bb = ByteBuffer.allocate(16);
        assertThatIllegalArgumentException().isThrownBy(() -> Varint.write(bb, value));
        assertThat(bb.position()).isZero();
    }

    @ParameterizedTest(name = "Q-16-2 {0} written in {1} bytes reads back")
    @CsvSource({"0,1", "0,2", "0,4", "0,8", "1,2", "37,2", "63,8", "16383,4", "16384,8", "1073741823,8",
        "4611686018427387903,8"})
    void nonMinimalEncodingsReadBack(long value, int length) {
        ByteBuf buf = Unpooled.buffer();
        Varint.write(buf, value, length);
        assertThat(buf.readableBytes()).isEqualTo(length);
        byte[] bytes = ByteBufUtil.getBytes(buf);
        assertThat(Varint.lengthFromFirstByte(bytes[0])).isEqualTo(length);
        assertThat(Varint.read(bytes, 0)).isEqualTo(value);
        assertThat(Varint.read(ByteBuffer.wrap(bytes))).isEqualTo(value);
        assertThat(Varint.read(buf)).isEqualTo(value);
        assertThat(buf.isReadable()).isFalse();
    }

    @Test
    @DisplayName("Q-16-2 RFC 9000 §A.1: 40 25 also decodes to 37")
    void rfcTwoByteThirtySeven() {
        assertThat(Varint.read(hex("4025"), 0)).isEqualTo(37);
        assertThat(Varint.read(Unpooled.wrappedBuffer(hex("4025")))).isEqualTo(37);
    }

    @ParameterizedTest(name = "Q-16-1 {0} does not fit {1} bytes")
    @CsvSource({"64,1", "16384,2", "1073741824,4", "5,3", "5,0", "5,16"})
    void explicitLengthMustFit(long value, int length) {
        ByteBuf buf = Unpooled.buffer();
        assertThatIllegalArgumentException().isThrownBy(() -> Varint.write(buf, value, length));
        assertThat(buf.writerIndex()).isZero();
    }

    @Test
    @Tag("Q-16-2")
    @DisplayName("Q-16-2 decoder accepts non-minimal varints in every kind of field (path ID 1 as 40 01)")
    void nonMinimalFieldsAcceptedByTheDecoder() throws FrameDecodeException {
        // Strict decoding only polices the frame type, never the fields.
        assertThat(decodeOne(Dialect.DRAFT_21, "7e75 4001 00")).isEqualTo(new Frame.PathAbandon(1, 0));
        assertThat(decodeOne(Dialect.DRAFT_21, "7e76 c000000000000002 80000007"))
                .isEqualTo(new Frame.PathStatusBackup(2, 7));
        assertThat(decodeOne(Dialect.DRAFT_21, "3e 4001 4005 4000 4000 4005"))
                .isEqualTo(new Frame.PathAck(1, 5, 0, 5, AckRanges.NONE, null));
        assertThat(decodeOne(Dialect.DRAFT_21, "7e7a 80000004")).isEqualTo(new Frame.MaxPathId(4));
        assertThat(decodeOne(Dialect.DRAFT_18, "95228c0c 4004")).isEqualTo(new Frame.MaxPathId(4));
        assertThat(decodeOne(Dialect.DRAFT_06, "95228c05 4001 00 4002 6869"))
                .isEqualTo(new Frame.PathAbandon(1, 0, Bytes.ofHex("6869")));
        assertThat(decodeOne(Dialect.DRAFT_21, "06 4000 4003 616263"))
                .isEqualTo(new Frame.Crypto(0, Bytes.ofHex("616263")));
        assertThat(decodeOne(Dialect.DRAFT_21, "18 4001 4000 08 0102030405060708 a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"))
                .isEqualTo(new Frame.NewConnectionId(1, 0, CodecFixtures.CID8, CodecFixtures.TOKEN16));
    }
}
