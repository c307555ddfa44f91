package io.mpqc.bench;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
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
 * <p>The "allocation floor" row builds, per frame of the shared mix, exactly the objects mpqc's decoder
 * returns (the record, its {@code Bytes} views, the {@code AckRanges} with its {@code long[]})
 * from values prepared in advance, without reading any bytes: what any decoder that returns these frames
 * pays at least.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.mpqc.bench.CpuTimeCompare} (every row), or with the
 * argument {@code shared} for the shared-mix rows only.
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
        new CpuTimeCompare().run(args.length > 0 && args[0].equals("shared"));
    }

    private void run(boolean sharedOnly) throws Exception {
        System.out.printf("%-34s %10s %10s%n", "workload", "min ns/fr", "median");
        byte[] shared = Payloads.encode(Payloads.SHARED);
        report("shared mix, mpqc", mpqc(shared, Payloads.SHARED_FRAMES));
        report("shared mix, Kwik", kwik(shared, Payloads.SHARED_FRAMES));
        report("shared mix, allocation floor", allocationFloor());
        report("shared payload, mpqc decodeAll", mpqcList(shared, Payloads.SHARED_FRAMES));
        report("shared payload, Kwik parseFrames", kwikList(shared, Payloads.SHARED_FRAMES));
        if (sharedOnly) {
            return;
        }
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

    /** The whole-payload entry point, as {@code FrameDecodeBenchmark.sharedList_mpqc}. */
    private double[] mpqcList(byte[] payload, int frames) throws Exception {
        return time(frames, () -> ring[slot++ & 1023] = decoder.decodeAll(payload));
    }

    /** Kwik's own loop over a payload, as {@code FrameDecodeBenchmark.sharedList_kwik}. */
    private double[] kwikList(byte[] payload, int frames) throws Exception {
        KwikFrames.PacketParser packet = new KwikFrames.PacketParser();
        return time(frames, () -> ring[slot++ & 1023] = packet.parseAll(payload));
    }

    /** Builds the frames of the shared mix from prepared values: the same objects, no parsing. */
    private double[] allocationFloor() throws Exception {
        List<Frame> frames = Payloads.SHARED;
        int n = frames.size();
        Frame[] template = frames.toArray(new Frame[0]);
        byte[][] first = new byte[n][];
        byte[][] second = new byte[n][];
        long[][] pairs = new long[n][];
        for (int i = 0; i < n; i++) {
            if (template[i] instanceof Frame.Stream f) {
                first[i] = f.data().toByteArray();
            } else if (template[i] instanceof Frame.NewConnectionId f) {
                first[i] = f.connectionId().toByteArray();
                second[i] = f.resetToken().toByteArray();
            } else if (template[i] instanceof Frame.Ack f && f.ranges().count() > 0) {
                AckRanges r = f.ranges();
                pairs[i] = new long[2 * r.count()];
                for (int k = 0; k < r.count(); k++) {
                    pairs[i][2 * k] = r.gap(k);
                    pairs[i][2 * k + 1] = r.length(k);
                }
            }
        }
        return time(n, () -> {
            for (int i = 0; i < n; i++) {
                Frame f = template[i];
                Frame copy;
                if (f instanceof Frame.Ack a) {
                    copy = new Frame.Ack(a.largest(), a.ackDelay(), a.firstRange(),
                            pairs[i] == null ? AckRanges.NONE : AckRanges.of(pairs[i]), null);
                } else if (f instanceof Frame.Stream s) {
                    copy = new Frame.Stream(s.streamId(), s.offset(), Bytes.wrap(first[i], 0, first[i].length),
                            s.fin(), s.explicitLength());
                } else if (f instanceof Frame.NewConnectionId c) {
                    copy = new Frame.NewConnectionId(c.sequence(), c.retirePriorTo(),
                            Bytes.wrap(first[i], 0, first[i].length), Bytes.wrap(second[i], 0, second[i].length));
                } else if (f instanceof Frame.RetireConnectionId r) {
                    copy = new Frame.RetireConnectionId(r.sequence());
                } else if (f instanceof Frame.PathChallenge c) {
                    copy = new Frame.PathChallenge(c.data());
                } else {
                    copy = new Frame.MaxData(((Frame.MaxData) f).maximum());
                }
                ring[slot++ & 1023] = copy;
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
