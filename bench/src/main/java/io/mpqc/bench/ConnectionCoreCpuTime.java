package io.mpqc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The {@link ConnectionCoreBenchmark} loop timed in thread CPU time rather than wall time, so that a busy
 * machine (the time the thread waits for a core) does not count. Prints frames per CPU second: the minimum
 * and median over rounds after a warm-up.
 */
public final class ConnectionCoreCpuTime {
    private ConnectionCoreCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ConnectionCoreBenchmark b = new ConnectionCoreBenchmark();
        b.buildStream();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        for (int i = 0; i < 200; i++) {
            b.feed(b.newConnection(), bh);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] perFrameNanos = new double[rounds];
        double[] perFrameProcess = new double[rounds];
        int invocations = 50;
        for (int r = 0; r < rounds; r++) {
            // Connections are built before the timed span, so process CPU time (coarse on some kernels)
            // can be read once around 50 invocations.
            io.mpqc.ref.conn.MultipathConnection[] cs = new io.mpqc.ref.conn.MultipathConnection[invocations];
            for (int i = 0; i < invocations; i++) {
                cs[i] = b.newConnection();
            }
            long p0 = os.getProcessCpuTime();
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < invocations; i++) {
                b.feed(cs[i], bh);
            }
            long cpu = mx.getCurrentThreadCpuTime() - t0;
            long processCpu = os.getProcessCpuTime() - p0;
            perFrameNanos[r] = (double) cpu / (invocations * (double) ConnectionCoreBenchmark.FRAMES);
            perFrameProcess[r] = (double) processCpu / (invocations * (double) ConnectionCoreBenchmark.FRAMES);
        }
        Arrays.sort(perFrameNanos);
        Arrays.sort(perFrameProcess);
        // Thread CPU time leaves out the garbage collector's threads; process CPU time counts them (and the
        // JIT and every other JVM thread), so it is the stricter of the two.
        System.out.printf("connection core, mixed control frames on 4 paths:%n"
                + "  thread CPU time:  min %.1f ns/frame (%.2f M frames/s), median %.1f ns/frame (%.2f M/s)%n"
                + "  process CPU time: min %.1f ns/frame (%.2f M frames/s), median %.1f ns/frame (%.2f M/s)%n",
                perFrameNanos[0], 1000 / perFrameNanos[0], perFrameNanos[rounds / 2], 1000 / perFrameNanos[rounds / 2],
                perFrameProcess[0], 1000 / perFrameProcess[0], perFrameProcess[rounds / 2],
                1000 / perFrameProcess[rounds / 2]);
    }
}
