package io.mpqc.ref.sched;

import java.util.List;

/** The schedulers by name. Each call gives a fresh instance: schedulers keep per-connection state. */
public final class Schedulers {
    private Schedulers() {
    }

    public static List<String> names() {
        return List.of("aggregate", "minrtt", "weighted", "blest", "ecf", "redundant");
    }

    /** A new scheduler; an unknown name is an {@link IllegalArgumentException} naming the known ones. */
    public static Scheduler create(String name) {
        return switch (name) {
            case "aggregate" -> new AggregateScheduler();
            case "minrtt" -> new MinRttScheduler();
            case "weighted" -> new WeightedScheduler();
            case "blest" -> new BlestScheduler();
            case "ecf" -> new EcfScheduler();
            case "redundant" -> new RedundantScheduler();
            default -> throw new IllegalArgumentException("unknown scheduler '" + name + "' (known: "
                    + String.join(", ", names()) + ")");
        };
    }
}
