package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.CodecFixtures.assertError;
import static io.mpqc.ref.frame.CodecFixtures.concat;
import static io.mpqc.ref.frame.CodecFixtures.decodeError;
import static io.mpqc.ref.frame.CodecFixtures.decodeOne;
import static io.mpqc.ref.frame.CodecFixtures.hex;
import static io.mpqc.ref.frame.CodecFixtures.repeat;
import static io.mpqc.ref.frame.TransportError.FRAME_ENCODING_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames that are complete but malformed: negative ACK ranges, oversized counts, CID length and Retire
 * Prior To rules, stream limits, empty tokens, unknown types, lengths past the end. Each must be
 * FRAME_ENCODING_ERROR at the offending field, in STRICT and LENIENT alike.
 */
class MalformedFrameTest {
    private static final String TOKEN = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";

    /** Decodes in both strictness modes and checks the same error comes out. */
    private static void assertMalformed(Dialect dialect, String bytes, int offset, long frameType) {
        for (Strictness s : Strictness.values()) {
            assertError(decodeError(dialect, s, hex(bytes)), FRAME_ENCODING_ERROR, offset, frameType);
        }
    }

    // ---- ACK ranges (Q-19.3-1, MP-4.1-2) ----

    /** Dialect, type prefix (type plus path ID for PATH_ACK), type codepoint. */
    static Stream<Arguments> ackFlavours() {
        return Stream.of(
                Arguments.of(Dialect.DRAFT_21, "02", 0x02L),
                Arguments.of(Dialect.DRAFT_21, "03", 0x03L),
                Arguments.of(Dialect.DRAFT_21, "3e 01", 0x3eL),
                Arguments.of(Dialect.DRAFT_21, "3f 01", 0x3fL),
                Arguments.of(Dialect.DRAFT_18, "95228c00 01", 0x15228c00L),
                Arguments.of(Dialect.DRAFT_18, "95228c01 01", 0x15228c01L),
                Arguments.of(Dialect.DRAFT_06, "95228c00 01", 0x15228c00L),
                Arguments.of(Dialect.DRAFT_06, "95228c01 01", 0x15228c01L));
    }

    private static boolean hasEcn(long type) {
        return type == 0x03 || type == 0x3f || type == 0x15228c01L;
    }

    @ParameterizedTest(name = "Q-19.3-1 MP-4.1-2 {0} frame {1}: First ACK Range above Largest Acknowledged")
    @MethodSource("ackFlavours")
    @Tag("Q-19.3-1")
    @Tag("MP-4.1-2")
    void firstRangeAboveLargest(Dialect dialect, String prefix, long type) throws FrameDecodeException {
        int at = hex(prefix).length;
        String ecn = hasEcn(type) ? " 00 00 00" : "";
        // largest 5, delay 0, count 0, first range 6: acknowledges packet -1.
        assertMalformed(dialect, prefix + " 05 00 00 06" + ecn, at + 3, type);
        // first range 5 reaches exactly packet 0: fine.
        assertThat(decodeOne(dialect, prefix + " 05 00 00 05" + ecn)).isNotNull();
        // largest 0 with first range 2^62-1.
        assertMalformed(dialect, prefix + " 00 00 00 ffffffffffffffff" + ecn, at + 3, type);
    }

    @ParameterizedTest(name = "Q-19.3-1 MP-4.1-2 {0} frame {1}: a Gap that reaches below packet 0")
    @MethodSource("ackFlavours")
    @Tag("Q-19.3-1")
    @Tag("MP-4.1-2")
    void gapBelowZero(Dialect dialect, String prefix, long type) throws FrameDecodeException {
        int at = hex(prefix).length;
        String ecn = hasEcn(type) ? " 00 00 00" : "";
        // largest 5, first range 2 (smallest 3), gap 2: next largest 3-2-2 = -1.
        assertMalformed(dialect, prefix + " 05 00 01 02 02 00" + ecn, at + 4, type);
        // gap 1: next largest 0, length 0: fine.
        assertThat(decodeOne(dialect, prefix + " 05 00 01 02 01 00" + ecn)).isNotNull();
        // a huge gap in the second range: the error points at that range.
        assertMalformed(dialect, prefix + " 0a 00 02 00 00 00 ffffffffffffffff 00" + ecn, at + 6, type);
    }

    @ParameterizedTest(name = "Q-19.3-1 MP-4.1-2 {0} frame {1}: an ACK Range Length that reaches below packet 0")
    @MethodSource("ackFlavours")
    @Tag("Q-19.3-1")
    @Tag("MP-4.1-2")
    void rangeLengthBelowZero(Dialect dialect, String prefix, long type) throws FrameDecodeException {
        int at = hex(prefix).length;
        String ecn = hasEcn(type) ? " 00 00 00" : "";
        // largest 5, first range 2 (smallest 3), gap 0 (largest 1), length 2: smallest -1.
        assertMalformed(dialect, prefix + " 05 00 01 02 00 02" + ecn, at + 4, type);
        // length 1 reaches exactly 0.
        assertThat(decodeOne(dialect, prefix + " 05 00 01 02 00 01" + ecn)).isNotNull();
        assertMalformed(dialect, prefix + " 05 00 01 02 00 ffffffffffffffff" + ecn, at + 4, type);
    }

    @ParameterizedTest(name = "Q-12.4-5 {0} frame {1}: a huge ACK Range Count with few bytes")
    @MethodSource("ackFlavours")
    @Tag("Q-12.4-5")
    @Tag("MP-4.1-1")
    void hugeRangeCount(Dialect dialect, String prefix, long type) {
        int at = hex(prefix).length;
        for (String count : new String[] {"bfffffff", "ffffffffffffffff", "7fff", "80010000"}) {
            assertMalformed(dialect, prefix + " 05 00 " + count + " 00 00 00 00 00", at + 2, type);
        }
    }

    @ParameterizedTest(name = "Q-12.4-5 {0} frame {1}: ACK Range Count one above what the bytes can hold")
    @MethodSource("ackFlavours")
    @Tag("Q-12.4-5")
    void rangeCountAtTheLimit(Dialect dialect, String prefix, long type) throws FrameDecodeException {
        // largest 10, first 0, then two ranges of (gap 0, length 0): 10, 8, 6.
        String ecn = hasEcn(type) ? " 00 00 00" : "";
        Frame ok = decodeOne(dialect, prefix + " 0a 00 02 00 00 00 00 00" + ecn);
        AckRanges ranges = ok instanceof Frame.Ack a ? a.ranges() : ((Frame.PathAck) ok).ranges();
        assertThat(ranges).isEqualTo(AckRanges.of(0, 0, 0, 0));
        FrameDecodeException e = decodeError(dialect, Strictness.STRICT,
                hex(prefix + " 0a 00 03 00 00 00 00 00" + ecn));
        assertThat(e.error()).isEqualTo(FRAME_ENCODING_ERROR);
    }

    @Test
    @Tag("Q-12.4-5")
    @DisplayName("Q-12.4-5 an ACK Range Count of 2^62-1 allocates nothing big before failing")
    void hugeRangeCountDoesNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeThat(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled()).isTrue();
        FrameDecoder decoder = new FrameDecoder(Dialect.DRAFT_21);
        // ACK Range Count 2^30-1 and then 4 KiB of ranges: a decoder that trusted the count would allocate
        // 16 GiB (or 2 GiB for the first block); one that checks bytes first allocates next to nothing.
        byte[] frame = concat(hex("3e 01 7fff 00 bfffffff 00"), repeat(0, 4096));
        ByteBuf buf = Unpooled.wrappedBuffer(frame);
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100; i++) {
            FrameDecodeException e = catchThrowableOfType(FrameDecodeException.class, () -> decoder.decode(buf));
            assertThat(e).isNotNull();
            assertThat(e.error()).isEqualTo(FRAME_ENCODING_ERROR);
            assertThat(e.offset()).isEqualTo(5);
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).as("bytes allocated by 100 failed decodes").isLessThan(4L << 20);
    }

    // ---- NEW_CONNECTION_ID / PATH_NEW_CONNECTION_ID (Q-19.15-1, MP-4.4-1, MP-4.4-2) ----

    /** Dialect, type prefix up to and including the path ID, type codepoint. */
    static Stream<Arguments> cidFlavours() {
        return Stream.of(
                Arguments.of(Dialect.DRAFT_21, "18", 0x18L),
                Arguments.of(Dialect.DRAFT_18, "18", 0x18L),
                Arguments.of(Dialect.DRAFT_06, "18", 0x18L),
                Arguments.of(Dialect.DRAFT_21, "7e78 01", 0x3e78L),
                Arguments.of(Dialect.DRAFT_18, "95228c09 01", 0x15228c09L));
    }

    @ParameterizedTest(name = "Q-19.15-1 MP-4.4-1 {0} frame {1}: connection ID Length 0")
    @MethodSource("cidFlavours")
    @Tag("Q-19.15-1")
    @Tag("MP-4.4-1")
    void cidLengthZero(Dialect dialect, String prefix, long type) {
        int at = hex(prefix).length;
        assertMalformed(dialect, prefix + " 01 00 00 " + TOKEN, at + 2, type);
    }

    @ParameterizedTest(name = "Q-19.15-1 MP-4.4-1 {0} frame {1}: connection ID Length 21 (and 255)")
    @MethodSource("cidFlavours")
    @Tag("Q-19.15-1")
    @Tag("MP-4.4-1")
    void cidLengthAboveTwenty(Dialect dialect, String prefix, long type) throws FrameDecodeException {
        int at = hex(prefix).length;
        String cid21 = "11".repeat(21);
        assertMalformed(dialect, prefix + " 01 00 15 " + cid21 + TOKEN, at + 2, type);
        assertMalformed(dialect, prefix + " 01 00 ff " + "11".repeat(255) + TOKEN, at + 2, type);
        // Lengths 1 and 20 are fine.
        assertThat(decodeOne(dialect, prefix + " 01 00 14 " + "11".repeat(20) + TOKEN)).isNotNull();
        assertThat(decodeOne(dialect, prefix + " 01 00 01 11" + TOKEN)).isNotNull();
    }

    @ParameterizedTest(name = "Q-19.15-1 MP-4.4-2 {0} frame {1}: Retire Prior To above Sequence Number")
    @MethodSource("cidFlavours")
    @Tag("Q-19.15-1")
    @Tag("MP-4.4-2")
    void retirePriorToAboveSequence(Dialect dialect, String prefix, long type) throws FrameDecodeException {
        int at = hex(prefix).length;
        assertMalformed(dialect, prefix + " 01 02 08 0102030405060708" + TOKEN, at + 1, type);
        assertMalformed(dialect, prefix + " 00 ffffffffffffffff 08 0102030405060708" + TOKEN, at + 1, type);
        // Equal is allowed.
        assertThat(decodeOne(dialect, prefix + " 02 02 08 0102030405060708" + TOKEN)).isNotNull();
    }

    @ParameterizedTest(name = "Q-12.4-5 {0} frame {1}: token cut short after a valid Length")
    @MethodSource("cidFlavours")
    @Tag("Q-12.4-5")
    void cidTokenTruncated(Dialect dialect, String prefix, long type) {
        int at = hex(prefix).length;
        assertMalformed(dialect, prefix + " 01 00 08 0102030405060708 a0a1", at + 3, type);
    }

    // ---- stream limits, tokens, lengths (Q-12.4-5) ----

    @ParameterizedTest(name = "Q-12.4-5 type {0}: stream count 2^60+1 is FRAME_ENCODING_ERROR, 2^60 is fine")
    @ValueSource(ints = {0x12, 0x13, 0x16, 0x17})
    @Tag("Q-12.4-5")
    void streamCountAboveTwoToTheSixty(int type) throws FrameDecodeException {
        String t = String.format("%02x", type);
        for (Dialect d : Dialect.values()) {
            assertMalformed(d, t + " d000000000000001", 1, type);
            assertMalformed(d, t + " ffffffffffffffff", 1, type);
            Frame f = decodeOne(d, t + " d000000000000000");
            assertThat(f.type().rfc9000Code()).isEqualTo(type);
        }
    }

    @ParameterizedTest(name = "Q-12.4-5 {0}: empty NEW_TOKEN")
    @EnumSource(Dialect.class)
    @Tag("Q-12.4-5")
    void emptyNewToken(Dialect dialect) {
        assertMalformed(dialect, "07 00", 1, 0x07);
        assertMalformed(dialect, "01 07 4000", 2, 0x07);
    }

    static Stream<Arguments> lengthsPastTheEnd() {
        return Stream.of(
                // CRYPTO: offset 0, length 4, 3 bytes
                Arguments.of(Dialect.DRAFT_21, "06 00 04 616263", 2, 0x06L),
                // NEW_TOKEN: length 2^62-1
                Arguments.of(Dialect.DRAFT_21, "07 ffffffffffffffff 00", 1, 0x07L),
                // STREAM with LEN: id 0, length 5, 1 byte
                Arguments.of(Dialect.DRAFT_21, "0a 00 05 61", 2, 0x0aL),
                // STREAM with OFF+LEN: id 1, offset 2, length 64 (2-byte varint)
                Arguments.of(Dialect.DRAFT_18, "0e 01 02 4040 61", 3, 0x0eL),
                // CONNECTION_CLOSE: code, frame type, reason length 3, 1 byte
                Arguments.of(Dialect.DRAFT_06, "1c 0a 00 03 61", 3, 0x1cL),
                // APPLICATION_CLOSE: reason length 0x3fff
                Arguments.of(Dialect.DRAFT_21, "1d 00 7fff", 2, 0x1dL),
                // draft-06 PATH_ABANDON reason longer than the rest
                Arguments.of(Dialect.DRAFT_06, "95228c05 01 00 09 6869", 6, 0x15228c05L),
                // PATH_CHALLENGE / PATH_RESPONSE need 8 bytes
                Arguments.of(Dialect.DRAFT_21, "1a 01020304050607", 1, 0x1aL),
                Arguments.of(Dialect.DRAFT_21, "1b", 1, 0x1bL));
    }

    @ParameterizedTest(name = "Q-12.4-5 {0} {1}: a length past the end of the payload")
    @MethodSource("lengthsPastTheEnd")
    @Tag("Q-12.4-5")
    void lengthPastTheEnd(Dialect dialect, String bytes, int offset, long type) {
        assertMalformed(dialect, bytes, offset, type);
    }

    @Test
    @Tag("Q-12.4-5")
    @DisplayName("Q-12.4-5 CRYPTO and STREAM data ending beyond 2^62-1 are FRAME_ENCODING_ERROR")
    void dataBeyondMaximumOffset() throws FrameDecodeException {
        String maxOffset = "ffffffffffffffff";
        for (String bytes : new String[] {"06 " + maxOffset + " 01 61", "0e 00 " + maxOffset + " 01 61",
            "0c 00 " + maxOffset + " 61", "0d 00 fffffffffffffffe 616263"}) {
            int length = hex(bytes).length;
            for (Dialect d : Dialect.values()) {
                FrameDecodeException e = decodeError(d, Strictness.STRICT, hex(bytes));
                assertThat(e.error()).as(bytes).isEqualTo(FRAME_ENCODING_ERROR);
                assertThat(e.offset()).as("offset inside the frame " + bytes).isBetween(1, length);
                assertThat(e.frameType()).isEqualTo(hex(bytes)[0]);
            }
        }
        // Ending exactly at 2^62-1 is fine.
        assertThat(decodeOne(Dialect.DRAFT_21, "06 " + maxOffset + " 00")).isEqualTo(
                new Frame.Crypto(Varint.MAX, Bytes.EMPTY));
        assertThat(decodeOne(Dialect.DRAFT_21, "0e 00 fffffffffffffffe 01 61")).isEqualTo(
                new Frame.Stream(0, Varint.MAX - 1, Bytes.ofHex("61"), false, true));
    }

    // ---- unknown frame types (Q-12.4-2) ----

    @ParameterizedTest(name = "Q-12.4-2 unknown frame type {0} is FRAME_ENCODING_ERROR in every dialect")
    @ValueSource(longs = {0x1f, 0x20, 0x21, 0x30, 0x3d, 0x40, 0x41, 0x80, 0x3fff, 0x4000, 0x3e74, 0x3e7d,
        0x15228c03L, 0x15228c10L, 0xbaba00L, 0x3fffffffL, 0x40000000L, 0x3fffffffffffffffL})
    @Tag("Q-12.4-2")
    void unknownFrameType(long type) {
        for (Dialect d : Dialect.values()) {
            byte[] enc = Varint.encode(type);
            for (Strictness s : Strictness.values()) {
                assertError(decodeError(d, s, concat(enc, hex("00"))), FRAME_ENCODING_ERROR, 0, type);
                assertError(decodeError(d, s, concat(hex("01 00 00"), enc)), FRAME_ENCODING_ERROR, 3, type);
            }
        }
    }

    @Test
    @Tag("Q-12.4-2")
    @DisplayName("Q-12.4-2 an unknown type in a non-minimal encoding is still FRAME_ENCODING_ERROR")
    void unknownNonMinimalType() {
        assertError(decodeError(Dialect.DRAFT_21, "401f"), FRAME_ENCODING_ERROR, 0, 0x1f);
        assertError(decodeError(Dialect.DRAFT_21, "c000000000003e74"), FRAME_ENCODING_ERROR, 0, 0x3e74);
    }

    @Test
    @Tag("Q-12.4-5")
    @DisplayName("Q-12.4-5 a frame type cut inside its varint has frame type -1")
    void truncatedFrameType() {
        assertError(decodeError(Dialect.DRAFT_21, "01 7e"), FRAME_ENCODING_ERROR, 1, -1);
        assertError(decodeError(Dialect.DRAFT_18, "95 22 8c"), FRAME_ENCODING_ERROR, 0, -1);
    }

    // ---- error offsets ----

    @Test
    @Tag("Q-19.3-1")
    @DisplayName("Q-19.3-1 error offsets count from the reader index at the call, or from an explicit base")
    void offsetsAreRelativeToTheBase() throws FrameDecodeException {
        byte[] payload = hex("ee ee 01 01 02 05 00 00 06");
        ByteBuf buf = Unpooled.wrappedBuffer(payload).skipBytes(2);
        FrameDecoder decoder = new FrameDecoder(Dialect.DRAFT_21);
        FrameDecodeException all = catchThrowableOfType(FrameDecodeException.class, () -> decoder.decodeAll(buf));
        assertError(all, FRAME_ENCODING_ERROR, 6, 0x02);
        assertThat(buf.readerIndex()).as("left at the start of the bad frame").isEqualTo(4);

        ByteBuf one = Unpooled.wrappedBuffer(payload).skipBytes(4);
        FrameDecodeException single = catchThrowableOfType(FrameDecodeException.class, () -> decoder.decode(one));
        assertError(single, FRAME_ENCODING_ERROR, 4, 0x02);
        assertThat(one.readerIndex()).isEqualTo(4);
        FrameDecodeException based = catchThrowableOfType(FrameDecodeException.class, () -> decoder.decode(one, 0));
        assertError(based, FRAME_ENCODING_ERROR, 8, 0x02);
        assertThat(one.readerIndex()).isEqualTo(4);
        assertThat(based.toString()).startsWith("FRAME_ENCODING_ERROR at offset 8");
    }
}
