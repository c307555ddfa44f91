package io.mpqc.fuzz;

import io.mpqc.ref.sched.PathSnapshot;
import io.mpqc.ref.sched.Scheduler;
import io.mpqc.ref.sched.Schedulers;
import io.mpqc.ref.sched.SchedulingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference packet schedulers ({@code io.mpqc.ref.sched}) on fuzzed decisions: the input picks a
 * scheduler by name, then up to 64 decisions, each with 0-6 candidate paths (usable or not, standby, RTTs from 0
 * to 2^40 µs, windows and bytes in flight including more in flight than the window, weights from 0 to infinity),
 * a packet size, queued bytes, a send window and a clock that never goes back, with pathAdded/pathRemoved calls
 * in between.
 *
 * <p>Properties (a {@link Finding} otherwise): no exception escapes; every answer is {@link Scheduler#NONE} or
 * the ID of a candidate that can send the packet ({@link PathSnapshot#canSend}), as the Scheduler contract says;
 * when no candidate can send, the answer is NONE; {@code redundant()} never changes.
 */
public final class SchedulerFuzzer {
    private static final List<String> NAMES = Schedulers.names();
    private static final double[] WEIGHTS = {0, 0.25, 1, 2, 3, 1e9, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.MIN_VALUE};

    private SchedulerFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        FuzzInput in = new FuzzInput(data);
        String name = NAMES.get(in.consumeInt(0, NAMES.size() - 1));
        Scheduler s = Schedulers.create(name);
        boolean redundant = s.redundant();
        long now = 0;
        List<String> trace = new ArrayList<>();
        for (int step = 0; step < 64 && in.remainingBytes() > 0; step++) {
            int kind = in.consumeInt(0, 7);
            try {
                if (kind == 6) {
                    long id = in.consumeLong(0, 7);
                    trace.add("pathAdded(" + id + ")");
                    s.pathAdded(id);
                    continue;
                }
                if (kind == 7) {
                    long id = in.consumeLong(0, 7);
                    trace.add("pathRemoved(" + id + ")");
                    s.pathRemoved(id);
                    continue;
                }
                List<PathSnapshot> paths = new ArrayList<>();
                int n = in.consumeInt(0, 6);
                long id = -1;
                for (int i = 0; i < n; i++) {
                    id += in.consumeLong(1, 3);
                    long srtt = rtt(in);
                    paths.add(new PathSnapshot(id, in.consumeInt(0, 7) != 0, in.consumeInt(0, 3) == 0, srtt,
                            rtt(in) / 2, Math.min(srtt, rtt(in)), bytes(in), bytes(in), in.consumeBoolean(),
                            WEIGHTS[in.consumeInt(0, WEIGHTS.length - 1)]));
                }
                int packet = in.consumeBoolean() ? 1200 : in.consumeInt(0, 1500);
                now += in.consumeLong(0, 1_000_000);
                SchedulingContext ctx = new SchedulingContext(paths, packet, bytes(in), bytes(in), now);
                trace.add(ctx.toString());
                long chosen = s.select(ctx);
                if (chosen != Scheduler.NONE) {
                    PathSnapshot p = paths.stream().filter(x -> x.pathId() == chosen).findFirst().orElse(null);
                    if (p == null) {
                        throw finding(name, "chose path " + chosen + ", which is not a candidate", trace, null);
                    }
                    if (!p.canSend(packet)) {
                        throw finding(name, "chose path " + chosen + ", which cannot send " + packet + " bytes: " + p,
                                trace, null);
                    }
                }
                if (s.redundant() != redundant) {
                    throw finding(name, "redundant() changed", trace, null);
                }
            } catch (Finding f) {
                throw f;
            } catch (RuntimeException | StackOverflowError e) {
                throw finding(name, "threw " + e, trace, e);
            }
        }
    }

    private static long rtt(FuzzInput in) {
        return switch (in.consumeInt(0, 7)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> in.consumeLong(0, 1L << 40);
            default -> in.consumeLong(1_000, 500_000);
        };
    }

    private static long bytes(FuzzInput in) {
        return switch (in.consumeInt(0, 7)) {
            case 0 -> 0;
            case 1 -> in.consumeLong(0, 1L << 62);
            default -> in.consumeLong(0, 200_000);
        };
    }

    private static Finding finding(String name, String what, List<String> trace, Throwable cause) {
        StringBuilder sb = new StringBuilder("scheduler ").append(name).append(": ").append(what).append("\nsteps:");
        for (int i = Math.max(0, trace.size() - 8); i < trace.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(trace.get(i));
        }
        return cause == null ? new Finding(sb.toString()) : new Finding(sb.toString(), cause);
    }
}
