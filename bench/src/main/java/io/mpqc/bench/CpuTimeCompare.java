package io.mpqc.bench;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cross-check of the JMH comparison for a shared machine: the same per-frame decode loops as
 * {@link FrameDecodeBenchmark} and {@link FrameTypeBenchmark}, timed in thread CPU time rather than wall
 * time, so the time the thread spends descheduled while other builds run does not count. Each workload is
 * warmed up, then timed in {@value #ROUNDS} rounds; the minimum and the median ns per frame are printed.
 * Not a JMH benchmark (no Blackhole: frames go to a ring of 1024 slots, the same for both decoders).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.mpqc.bench.CpuTimeCompare}
 */
public final class CpuTimeCompare {
    private static final int ROUNDS = 30;
    private static final int WARMUP_ROUNDS = 15;
    private static final int FRAMES_PER_ROUND = 1_000_000;

    private final Object[] ring = new Object[1024];
    private int slot;
    private final FrameDecoder decoder = new FrameDecoder(Dialect.DRAFT_21);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        new CpuTimeCompare().run();
    }

    private void run() throws Exception {
        System.out.printf("%-34s %10s %10s%n", "workload", "min ns/fr", "median");
        byte[] shared = Payloads.encode(Payloads.SHARED);
        report("shared mix, mpqc", mpqc(shared, Payloads.SHARED_FRAMES));
        report("shared mix, Kwik", kwik(shared, Payloads.SHARED_FRAMES));
        report("multipath mix, mpqc", mpqc(Payloads.encode(Payloads.MULTIPATH), Payloads.MULTIPATH_FRAMES));
        for (FrameTypeBenchmark.Kind kind : FrameTypeBenchmark.Kind.values()) {
            Frame f = Payloads.SHARED.get(kind.index);
            byte[] bytes = Payloads.encode(Collections.nCopies(FrameTypeBenchmark.COPIES, f));
            report(kind + ", mpqc", mpqc(bytes, FrameTypeBenchmark.COPIES));
            report(kind + ", Kwik", kwik(bytes, FrameTypeBenchmark.COPIES));
        }
    }

    private double[] mpqc(byte[] payload, int frames) throws Exception {
        ByteBuf in = Unpooled.wrappedBuffer(payload);
        return time(frames, () -> {
            in.readerIndex(0);
            while (in.isReadable()) {
                ring[slot++ & 1023] = decoder.decode(in);
            }
        });
    }

    private double[] kwik(byte[] payload, int frames) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(payload);
        return time(frames, () -> {
            in.rewind();
            while (in.hasRemaining()) {
                ring[slot++ & 1023] = KwikFrames.parseOne(in);
            }
        });
    }

    private interface Op {
        void run() throws Exception;
    }

    private double[] time(int framesPerOp, Op op) throws Exception {
        int ops = FRAMES_PER_ROUND / framesPerOp;
        List<Double> perFrame = new ArrayList<>();
        for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                op.run();
            }
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (round >= WARMUP_ROUNDS) {
                perFrame.add(cpu / (double) (ops * framesPerOp));
            }
        }
        double[] sorted = perFrame.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {sorted[0], sorted[sorted.length / 2]};
    }

    private static void report(String name, double[] minMedian) {
        System.out.printf("%-34s %10.1f %10.1f%n", name, minMedian[0], minMedian[1]);
    }
}
