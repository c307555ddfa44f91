package io.mpqc.bench;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameDecodeException;
import io.mpqc.ref.frame.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tech.kwik.core.frame.AckFrame;
import tech.kwik.core.frame.MaxDataFrame;
import tech.kwik.core.frame.NewConnectionIdFrame;
import tech.kwik.core.frame.PathChallengeFrame;
import tech.kwik.core.frame.QuicFrame;
import tech.kwik.core.frame.Range;
import tech.kwik.core.frame.RetireConnectionIdFrame;
import tech.kwik.core.frame.StreamFrame;

/**
 * Frame decoding throughput, in frames per second ({@code @OperationsPerInvocation} is the number of frames
 * in the payload), and allocation per frame with {@code -prof gc}. See docs/benchmarks.md.
 *
 * <p>Fairness: each payload is encoded once in {@link #setUp()} and decoded from the same heap array on
 * every invocation. The per-frame benchmarks ({@code shared_*}, {@code multipath_mpqc}) reuse one buffer view
 * per decoder (a Netty heap {@code ByteBuf} for mpqc, a heap {@code ByteBuffer} for Kwik) and only rewind
 * it, so neither side copies the payload or allocates anything per invocation besides what its decoder
 * allocates; every frame goes to the Blackhole. The {@code sharedList_*} benchmarks call each library's
 * whole-payload entry point with the byte array: both wrap it (a ByteBuf, a ByteBuffer) and collect the
 * frames into a new ArrayList, as each does per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FrameDecodeBenchmark {
    private FrameDecoder decoder;
    private byte[] sharedBytes;
    private byte[] multipathBytes;
    private ByteBuf sharedBuf;
    private ByteBuf multipathBuf;
    private ByteBuffer sharedNio;
    private KwikFrames.PacketParser kwikPacket;

    @Setup
    public void setUp() throws Exception {
        decoder = new FrameDecoder(Dialect.DRAFT_21);
        sharedBytes = Payloads.encode(Payloads.SHARED);
        multipathBytes = Payloads.encode(Payloads.MULTIPATH);
        sharedBuf = Unpooled.wrappedBuffer(sharedBytes);
        multipathBuf = Unpooled.wrappedBuffer(multipathBytes);
        sharedNio = ByteBuffer.wrap(sharedBytes);
        kwikPacket = new KwikFrames.PacketParser();
        verify();
    }

    /** mpqc, draft-21 multipath frames, one frame at a time. */
    @Benchmark
    @OperationsPerInvocation(Payloads.MULTIPATH_FRAMES)
    public void multipath_mpqc(Blackhole bh) throws FrameDecodeException {
        ByteBuf in = multipathBuf;
        in.readerIndex(0);
        while (in.isReadable()) {
            bh.consume(decoder.decode(in));
        }
    }

    /** mpqc, the shared RFC 9000 frames, one frame at a time. */
    @Benchmark
    @OperationsPerInvocation(Payloads.SHARED_FRAMES)
    public void shared_mpqc(Blackhole bh) throws FrameDecodeException {
        ByteBuf in = sharedBuf;
        in.readerIndex(0);
        while (in.isReadable()) {
            bh.consume(decoder.decode(in));
        }
    }

    /** Kwik, the same bytes, one frame at a time through its frame classes' parse methods. */
    @Benchmark
    @OperationsPerInvocation(Payloads.SHARED_FRAMES)
    public void shared_kwik(Blackhole bh) throws Exception {
        ByteBuffer in = sharedNio;
        in.rewind();
        while (in.hasRemaining()) {
            bh.consume(KwikFrames.parseOne(in));
        }
    }

    /** mpqc's whole-payload entry point: {@code FrameDecoder.decodeAll(byte[])}. */
    @Benchmark
    @OperationsPerInvocation(Payloads.SHARED_FRAMES)
    public List<Frame> sharedList_mpqc() throws FrameDecodeException {
        return decoder.decodeAll(sharedBytes);
    }

    /** Kwik's whole-payload entry point: {@code QuicPacket.parseFrames(byte[], Logger)}. */
    @Benchmark
    @OperationsPerInvocation(Payloads.SHARED_FRAMES)
    public List<QuicFrame> sharedList_kwik() throws Exception {
        return kwikPacket.parseAll(sharedBytes);
    }

    /** Both decoders must read the payloads as the frames they were built from, or the figures mean nothing. */
    private void verify() throws Exception {
        check(Payloads.SHARED.size() == Payloads.SHARED_FRAMES, "SHARED_FRAMES");
        check(Payloads.MULTIPATH.size() == Payloads.MULTIPATH_FRAMES, "MULTIPATH_FRAMES");
        check(decoder.decodeAll(sharedBytes).equals(Payloads.SHARED), "mpqc shared payload");
        check(decoder.decodeAll(multipathBytes).equals(Payloads.MULTIPATH), "mpqc multipath payload");
        List<QuicFrame> kwik = kwikPacket.parseAll(sharedBytes);
        check(kwik.size() == Payloads.SHARED_FRAMES, "Kwik frame count " + kwik.size());
        for (int i = 0; i < kwik.size(); i++) {
            checkSame(Payloads.SHARED.get(i), kwik.get(i), i);
        }
        ByteBuffer nio = ByteBuffer.wrap(sharedBytes);
        for (int i = 0; i < Payloads.SHARED_FRAMES; i++) {
            checkSame(Payloads.SHARED.get(i), KwikFrames.parseOne(nio), i);
        }
        check(!nio.hasRemaining(), "Kwik left bytes");
    }

    private static void checkSame(Frame expected, QuicFrame actual, int i) {
        String what = "frame " + i + " " + expected;
        if (expected instanceof Frame.Ack f) {
            AckFrame k = (AckFrame) actual;
            check(k.getLargestAcknowledged() == f.largest(), what);
            List<Range> ranges = k.getAcknowledgedRanges();
            AckRanges extra = f.ranges();
            check(ranges.size() == 1 + extra.count(), what);
            long largest = f.largest();
            long smallest = largest - f.firstRange();
            for (int r = 0; r <= extra.count(); r++) {
                if (r > 0) {
                    largest = smallest - extra.gap(r - 1) - 2;
                    smallest = largest - extra.length(r - 1);
                }
                check(ranges.get(r).getLargest() == largest && ranges.get(r).getSmallest() == smallest, what);
            }
        } else if (expected instanceof Frame.Stream f) {
            StreamFrame k = (StreamFrame) actual;
            check(k.getStreamId() == f.streamId() && k.getOffset() == f.offset() && k.isFinal() == f.fin()
                    && Arrays.equals(k.getStreamData(), f.data().toByteArray()), what);
        } else if (expected instanceof Frame.MaxData f) {
            check(((MaxDataFrame) actual).getMaxData() == f.maximum(), what);
        } else if (expected instanceof Frame.NewConnectionId f) {
            NewConnectionIdFrame k = (NewConnectionIdFrame) actual;
            check(k.getSequenceNr() == f.sequence() && k.getRetirePriorTo() == f.retirePriorTo()
                    && Arrays.equals(k.getConnectionId(), f.connectionId().toByteArray())
                    && Arrays.equals(k.getStatelessResetToken(), f.resetToken().toByteArray()), what);
        } else if (expected instanceof Frame.RetireConnectionId f) {
            check(((RetireConnectionIdFrame) actual).getSequenceNr() == f.sequence(), what);
        } else if (expected instanceof Frame.PathChallenge f) {
            check(ByteBuffer.wrap(((PathChallengeFrame) actual).getData()).getLong() == f.data(), what);
        } else {
            throw new IllegalStateException("no Kwik check for " + what);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark payload check failed: " + what);
        }
    }
}
