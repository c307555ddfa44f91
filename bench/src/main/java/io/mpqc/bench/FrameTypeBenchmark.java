package io.mpqc.bench;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameDecodeException;
import io.mpqc.ref.frame.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The shared-frame comparison of {@link FrameDecodeBenchmark} split by frame type: each payload is
 * {@value #COPIES} copies of one frame of {@link Payloads#SHARED}, decoded one frame at a time by mpqc and by
 * Kwik, under the same rules (same bytes, heap buffers rewound per invocation, every frame to the Blackhole).
 * Shows where the decoders differ.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FrameTypeBenchmark {
    static final int COPIES = 16;

    /** Which frame of {@link Payloads#SHARED}. */
    public enum Kind {
        ACK(0), ACK_2_RANGES(3), STREAM_64B(1), NEW_CONNECTION_ID(4), RETIRE_CONNECTION_ID(5), PATH_CHALLENGE(6),
        MAX_DATA(2);

        final int index;

        Kind(int index) {
            this.index = index;
        }
    }

    @Param
    public Kind frame;

    private FrameDecoder decoder;
    private ByteBuf buf;
    private ByteBuffer nio;

    @Setup
    public void setUp() {
        decoder = new FrameDecoder(Dialect.DRAFT_21);
        Frame f = Payloads.SHARED.get(frame.index);
        byte[] bytes = Payloads.encode(Collections.nCopies(COPIES, f));
        buf = Unpooled.wrappedBuffer(bytes);
        nio = ByteBuffer.wrap(bytes);
    }

    @Benchmark
    @OperationsPerInvocation(COPIES)
    public void mpqc(Blackhole bh) throws FrameDecodeException {
        ByteBuf in = buf;
        in.readerIndex(0);
        while (in.isReadable()) {
            bh.consume(decoder.decode(in));
        }
    }

    @Benchmark
    @OperationsPerInvocation(COPIES)
    public void kwik(Blackhole bh) throws Exception {
        ByteBuffer in = nio;
        in.rewind();
        while (in.hasRemaining()) {
            bh.consume(KwikFrames.parseOne(in));
        }
    }
}
