package io.mpqc.conformance.sim;

import io.mpqc.ref.sim.RunResult;
import io.mpqc.ref.sim.Scenario;
import io.mpqc.ref.sim.Simulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How much faster than real time the simulator runs a scenario: the scenario is run repeatedly in this
 * JVM ({@link #WARM_UP} runs first, not counted: until the JIT has compiled the hot paths a run takes twice
 * as long), and the simulated time is divided by the median wall-clock time and by the median CPU time of
 * the thread. On a machine shared with other work the CPU figure is the steadier one; both are reported.
 */
public record SpeedProbe(String scenario, String scheduler, int runs, long simulatedMicros, long medianWallNanos,
        long medianCpuNanos) {

    /** Runs before the measured ones: about as many as the JIT needs to settle on wifi-lte. */
    public static final int WARM_UP = 100;

    public static SpeedProbe measure(Scenario scenario, String scheduler, int runs) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        List<Long> walls = new ArrayList<>();
        List<Long> cpus = new ArrayList<>();
        long simulated = 0;
        int total = WARM_UP + Math.max(1, runs);
        for (int i = 0; i < total; i++) {
            long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            RunResult r = Simulation.run(scenario, scheduler, 1);
            long c1 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            simulated = r.simulatedMicros();
            if (i >= total - runs) {
                walls.add(r.wallNanos());
                cpus.add(c1 - c0);
            }
        }
        Collections.sort(walls);
        Collections.sort(cpus);
        return new SpeedProbe(scenario.name(), scheduler, walls.size(), simulated, walls.get(walls.size() / 2),
                cpu ? cpus.get(cpus.size() / 2) : -1);
    }

    /** Simulated seconds per wall-clock second (median run). */
    public double wallRatio() {
        return medianWallNanos <= 0 ? 0 : simulatedMicros * 1000.0 / medianWallNanos;
    }

    /** Simulated seconds per CPU second of the simulating thread (median run); 0 if not measurable. */
    public double cpuRatio() {
        return medianCpuNanos <= 0 ? 0 : simulatedMicros * 1000.0 / medianCpuNanos;
    }
}
