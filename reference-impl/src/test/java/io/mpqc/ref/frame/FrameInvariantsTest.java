package io.mpqc.ref.frame;

import static io.mpqc.ref.frame.CodecFixtures.CID8;
import static io.mpqc.ref.frame.CodecFixtures.MAX;
import static io.mpqc.ref.frame.CodecFixtures.TOKEN16;
import static io.mpqc.ref.frame.CodecFixtures.cid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The frame records refuse the same things the decoder reports as FRAME_ENCODING_ERROR, so a frame that
 * exists can always be encoded and no test or generator can build a frame the wire cannot carry.
 */
class FrameInvariantsTest {

    @Test
    @Tag("Q-19.3-1")
    @Tag("MP-4.1-2")
    @DisplayName("Q-19.3-1 MP-4.1-2 ACK and PATH_ACK records refuse ranges below packet 0")
    void ackRangesBelowZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.Ack(5, 0, 6, AckRanges.NONE, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.Ack(5, 0, 2, AckRanges.of(2, 0), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.Ack(5, 0, 2, AckRanges.of(0, 2), null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Frame.PathAck(1, 5, 0, 6, AckRanges.NONE, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Frame.PathAck(1, 5, 0, 2, AckRanges.of(0, 0, 0, 0), null));
        // The boundary cases are fine.
        assertThat(new Frame.Ack(5, 0, 2, AckRanges.of(1, 0), null).ranges().count()).isEqualTo(1);
        assertThat(new Frame.Ack(5, 0, 2, AckRanges.of(0, 1), null).ranges().length(0)).isEqualTo(1);
        assertThat(AckRanges.of(0, 1).smallestAcked(3)).isZero();
        assertThat(AckRanges.of(0, 2).smallestAcked(3)).isNegative();
        assertThatIllegalArgumentException().isThrownBy(() -> AckRanges.of(1, 2, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> AckRanges.of(-1, 0));
    }

    @Test
    @Tag("Q-19.15-1")
    @Tag("MP-4.4-1")
    @Tag("MP-4.4-2")
    @DisplayName("Q-19.15-1 MP-4.4-1 MP-4.4-2 CID records: length 1..20, 16-byte token, Retire Prior To <= Seq")
    void connectionIdRules() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.NewConnectionId(1, 0, Bytes.EMPTY, TOKEN16));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.NewConnectionId(1, 0, cid(21), TOKEN16));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.NewConnectionId(1, 2, CID8, TOKEN16));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.NewConnectionId(1, 0, CID8, CID8));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Frame.PathNewConnectionId(0, 1, 0, Bytes.EMPTY, TOKEN16));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Frame.PathNewConnectionId(0, 1, 0, cid(21), TOKEN16));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Frame.PathNewConnectionId(0, 1, 2, CID8, TOKEN16));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Frame.PathNewConnectionId(-1, 1, 0, CID8, TOKEN16));
        assertThat(new Frame.PathNewConnectionId(0, 2, 2, cid(20), TOKEN16).connectionId().length()).isEqualTo(20);
    }

    @Test
    @Tag("Q-16-1")
    @DisplayName("Q-16-1 varint fields refuse 2^62 and negative values")
    void varintFields() {
        long tooBig = 1L << 62;
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.MaxData(tooBig));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.ResetStream(0, -1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.MaxPathId(tooBig));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.PathAbandon(tooBig, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.PathStatusBackup(0, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.PathCidsBlocked(tooBig, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new EcnCounts(0, tooBig, 0));
        assertThat(new Frame.MaxPathId(MAX).maximum()).isEqualTo(MAX);
    }

    @Test
    @Tag("Q-12.4-5")
    @DisplayName("Q-12.4-5 stream counts, empty tokens, data end, padding length")
    void otherRules() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.MaxStreams(true, (1L << 60) + 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.StreamsBlocked(false, (1L << 60) + 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.NewToken(Bytes.EMPTY));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Frame.Crypto(MAX, CodecFixtures.bytes("x")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Frame.Stream(0, MAX - 1, CodecFixtures.bytes("xy"), false, true));
        assertThatIllegalArgumentException().isThrownBy(() -> new Frame.Padding(0));
        assertThatNullPointerException().isThrownBy(() -> new Frame.ConnectionClose(0, 0, null));
        assertThatNullPointerException().isThrownBy(() -> new Frame.PathAbandon(0, 0, null));
        assertThat(new Frame.MaxStreams(true, 1L << 60).type()).isEqualTo(FrameType.MAX_STREAMS_BIDI);
        assertThat(new Frame.StreamsBlocked(false, 0).type()).isEqualTo(FrameType.STREAMS_BLOCKED_UNI);
    }
}
