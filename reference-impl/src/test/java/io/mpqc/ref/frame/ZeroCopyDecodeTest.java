package io.mpqc.ref.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.path.ConnectionIdEntry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heap-buffer decoder returns views of the payload (see {@link Bytes}); these pin what that means. */
class ZeroCopyDecodeTest {
    private final FrameDecoder decoder = new FrameDecoder(Dialect.DRAFT_21);

    private static byte[] encode(Frame... frames) {
        ByteBuf out = Unpooled.buffer();
        FrameEncoder encoder = new FrameEncoder(Dialect.DRAFT_21);
        for (Frame f : frames) {
            encoder.encode(f, out);
        }
        byte[] b = new byte[out.readableBytes()];
        out.readBytes(b);
        return b;
    }

    @Test
    void decodedBytesAreViewsOfThePayload() throws Exception {
        byte[] payload = encode(new Frame.Stream(4, 0, Bytes.ofHex("a1a2a3a4"), false, true));
        Frame.Stream s = (Frame.Stream) decoder.decodeAll(payload).get(0);
        assertThat(s.data()).isEqualTo(Bytes.ofHex("a1a2a3a4"));
        // A view shares the payload: overwriting the buffer shows through, which is why keepers compact.
        payload[payload.length - 1] = 0x00;
        assertThat(s.data()).isEqualTo(Bytes.ofHex("a1a2a300"));
    }

    @Test
    void compactDetachesFromTheBuffer() throws Exception {
        byte[] payload = encode(new Frame.Stream(4, 0, Bytes.ofHex("a1a2a3a4"), false, true));
        Bytes view = ((Frame.Stream) decoder.decodeAll(payload).get(0)).data();
        Bytes kept = view.compact();
        Arrays.fill(payload, (byte) 0);
        assertThat(kept).isEqualTo(Bytes.ofHex("a1a2a3a4"));
        Bytes owned = Bytes.ofHex("0102");
        assertThat(owned.compact()).isSameAs(owned);
    }

    @Test
    void storedConnectionIdsDoNotShareThePacket() throws Exception {
        byte[] payload = encode(new Frame.PathNewConnectionId(1, 0, 0, Bytes.ofHex("c1c2c3c4"),
                Bytes.ofHex("00112233445566778899aabbccddeeff")));
        Frame.PathNewConnectionId f = (Frame.PathNewConnectionId) decoder.decodeAll(payload).get(0);
        ConnectionIdEntry entry = new ConnectionIdEntry(1, 0, f.connectionId(), f.resetToken());
        Arrays.fill(payload, (byte) 0x77);
        assertThat(entry.connectionId()).isEqualTo(Bytes.ofHex("c1c2c3c4"));
        assertThat(entry.resetToken()).isEqualTo(Bytes.ofHex("00112233445566778899aabbccddeeff"));
    }

    @Test
    void viewsCompareAndHashByContent() throws Exception {
        byte[] payload = encode(new Frame.Stream(4, 0, Bytes.ofHex("0a0b0c"), false, true),
                new Frame.Stream(8, 0, Bytes.ofHex("0a0b0c"), false, true));
        List<Frame> frames = decoder.decodeAll(payload);
        Bytes first = ((Frame.Stream) frames.get(0)).data();
        Bytes second = ((Frame.Stream) frames.get(1)).data();
        Bytes owned = Bytes.ofHex("0a0b0c");
        assertThat(first).isEqualTo(second).isEqualTo(owned).hasSameHashCodeAs(owned);
        assertThat(first.hashCode()).isEqualTo(Arrays.hashCode(new byte[] {0x0a, 0x0b, 0x0c}));
        assertThat(first.hex()).isEqualTo("0a0b0c");
        assertThat(first.toByteArray()).containsExactly(0x0a, 0x0b, 0x0c);
        assertThat(first).isNotEqualTo(Bytes.ofHex("0a0b"));
    }

    @Test
    void aViewReadsOnlyItsOwnBytes() throws Exception {
        byte[] payload = encode(new Frame.Stream(4, 0, Bytes.ofHex("0a0b"), false, true),
                new Frame.PathChallenge(0x1122334455667788L));
        Bytes data = ((Frame.Stream) decoder.decodeAll(payload).get(0)).data();
        assertThat(data.length()).isEqualTo(2);
        assertThat(data.get(1)).isEqualTo((byte) 0x0b);
        assertThatThrownBy(() -> data.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> data.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        ByteBuf out = Unpooled.buffer();
        data.writeTo(out);
        assertThat(out.readableBytes()).isEqualTo(2);
    }

    @Test
    void wrapChecksItsBoundsAndShares() {
        byte[] a = {1, 2, 3, 4};
        Bytes middle = Bytes.wrap(a, 1, 2);
        assertThat(middle).isEqualTo(Bytes.ofHex("0203"));
        a[1] = 9;
        assertThat(middle).isEqualTo(Bytes.ofHex("0903"));
        assertThat(Bytes.wrap(a, 4, 0)).isSameAs(Bytes.EMPTY);
        assertThatThrownBy(() -> Bytes.wrap(a, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Bytes.wrap(a, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Bytes.wrap(a, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void directBuffersAreCopiedFrom() throws Exception {
        byte[] payload = encode(new Frame.Stream(4, 0, Bytes.ofHex("a1a2"), false, true));
        ByteBuf direct = Unpooled.directBuffer(payload.length).writeBytes(payload);
        Frame.Stream s = (Frame.Stream) decoder.decode(direct);
        direct.setByte(payload.length - 1, 0);
        assertThat(s.data()).isEqualTo(Bytes.ofHex("a1a2"));
        direct.release();
    }
}
