package io.mpqc.bench;

import io.mpqc.ref.sim.RunResult;
import io.mpqc.ref.sim.Scenario;
import io.mpqc.ref.sim.Scenarios;
import io.mpqc.ref.sim.Simulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The multipath network simulator: one whole run of a scenario (two endpoints, links, workload, until the
 * last response is delivered) per invocation. Score: milliseconds per run; the speed-up over real time is
 * the run's simulated time (printed by {@link #main}, 1.155 s for wifi-lte with minRTT or ECF) divided by it.
 *
 * <p>{@link #main} times the same runs in thread CPU time, which a busy machine does not inflate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimulatorBenchmark {
    @Param({"wifi-lte"})
    public String scenario;

    @Param({"minrtt", "ecf"})
    public String scheduler;

    private Scenario built;

    @Setup
    public void build() {
        built = Scenarios.byName(scenario);
    }

    @Benchmark
    public RunResult run() {
        return Simulation.run(built, scheduler, 1);
    }

    /**
     * CPU-time measurement: {@code java -cp benchmarks.jar io.mpqc.bench.SimulatorBenchmark [scenario]
     * [scheduler] [rounds]}. Prints the simulated time, and the minimum and median CPU and wall-clock time per
     * run after a warm-up, with the speed-up over real time for each.
     */
    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "wifi-lte";
        String scheduler = args.length > 1 ? args[1] : "minrtt";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Scenario s = Scenarios.byName(scenario);
        long simulated = 0;
        for (int i = 0; i < rounds; i++) {
            simulated = Simulation.run(s, scheduler, 1).simulatedMicros();
        }
        long[] cpu = new long[rounds];
        long[] wall = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            Simulation.run(s, scheduler, 1);
            wall[i] = System.nanoTime() - w0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        double sim = simulated / 1e6;
        System.out.printf("%s with %s: %.3f s simulated; CPU per run min %.1f ms (%.0fx real time), median %.1f ms "
                + "(%.0fx); wall-clock per run min %.1f ms (%.0fx), median %.1f ms (%.0fx)%n", scenario, scheduler, sim,
                cpu[0] / 1e6, sim * 1e9 / cpu[0], cpu[rounds / 2] / 1e6, sim * 1e9 / cpu[rounds / 2], wall[0] / 1e6,
                sim * 1e9 / wall[0], wall[rounds / 2] / 1e6, sim * 1e9 / wall[rounds / 2]);
    }
}
