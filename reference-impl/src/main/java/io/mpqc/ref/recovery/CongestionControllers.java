package io.mpqc.ref.recovery;

import java.util.List;

/** The congestion controllers by name, for configurations and command lines. */
public final class CongestionControllers {
    public static final String DEFAULT = "newreno";

    private CongestionControllers() {
    }

    public static List<String> names() {
        return List.of("newreno", "cubic");
    }

    /** A fresh controller for one path; an unknown name is an {@link IllegalArgumentException}. */
    public static CongestionController create(String name, int maxDatagramSize) {
        return switch (name) {
            case "newreno" -> new NewReno(maxDatagramSize);
            case "cubic" -> new Cubic(maxDatagramSize);
            default -> throw new IllegalArgumentException("unknown congestion controller '" + name
                    + "' (known: " + String.join(", ", names()) + ")");
        };
    }
}
