package io.mpqc.ref.sim;

import io.mpqc.ref.recovery.CongestionControllers;
import java.util.List;

/**
 * The built-in scenarios, by name. Sizes are decimal (1 MB = 1,000,000 bytes), as rates are (Mbit/s).
 * Every path's buffer is one bandwidth-delay product (rate x 2 x one-way delay, the "2x delay" of the
 * issue) but at least ten full-size packets; see {@link PathSpec#symmetric}.
 */
public final class Scenarios {
    static final long MB = 1_000_000;
    static final long KB = 1_000;
    /** The flow-control window each side grants unless a scenario says otherwise (16 MiB, as in Chromium). */
    static final long WINDOW = 16L << 20;
    /**
     * sat-plus grants 1 MB: about 1.3 bandwidth-delay products of the satellite path. The receive window is
     * what makes heterogeneous paths hard (head-of-line blocking stalls the sender), and BLEST exists for
     * exactly that case; with 16 MiB no scheduler makes a spurious retransmission there, so the goal of
     * making fewer than minRTT could not be tested.
     */
    static final long SAT_WINDOW = MB;

    private Scenarios() {
    }

    public static List<String> names() {
        return List.of("two-equal", "wifi-lte", "sat-plus", "break", "short");
    }

    public static List<Scenario> all() {
        return names().stream().map(Scenarios::byName).toList();
    }

    /** A scenario by name; an unknown name is an {@link IllegalArgumentException} naming the known ones. */
    public static Scenario byName(String name) {
        return switch (name) {
            case "two-equal" -> twoEqual();
            case "wifi-lte" -> wifiLte();
            case "sat-plus" -> satPlus();
            case "break" -> pathBreak();
            case "short" -> shortTransfers();
            default -> throw new IllegalArgumentException("unknown scenario '" + name + "' (known: "
                    + String.join(", ", names()) + ")");
        };
    }

    static Scenario twoEqual() {
        return new Scenario("two-equal", "two equal paths; two 1 MB downloads one after the other",
                List.of(PathSpec.symmetric("A", 10_000_000, 10_000, LossModel.none()),
                        PathSpec.symmetric("B", 10_000_000, 10_000, LossModel.none())),
                Workload.bulk(2, MB, false), WINDOW, CongestionControllers.DEFAULT, 30_000_000);
    }

    static Scenario wifiLte() {
        return new Scenario("wifi-lte", "Wi-Fi and LTE; ten 1 MB downloads in parallel",
                List.of(PathSpec.symmetric("wifi", 50_000_000, 15_000, LossModel.none()),
                        PathSpec.symmetric("lte", 40_000_000, 30_000, LossModel.none())),
                Workload.bulk(10, MB, true), WINDOW, CongestionControllers.DEFAULT, 30_000_000);
    }

    static Scenario satPlus() {
        return new Scenario("sat-plus", "a slow terrestrial link and a fast geostationary satellite; one 10 MB download,"
                + " 1 MB receive window",
                List.of(PathSpec.symmetric("terrestrial", 1_000_000, 10_000, LossModel.none()),
                        PathSpec.symmetric("satellite", 10_000_000, 300_000, LossModel.none())),
                Workload.bulk(1, 10 * MB, false), SAT_WINDOW, CongestionControllers.DEFAULT, 200_000_000);
    }

    static Scenario pathBreak() {
        return new Scenario("break", "the path carrying most traffic black-holes at 1 s, for good; one 6 MB download",
                List.of(PathSpec.symmetric("primary", 20_000_000, 10_000, LossModel.none()).withOutage(Outage.from(1_000_000)),
                        PathSpec.symmetric("secondary", 10_000_000, 20_000, LossModel.none())),
                Workload.bulk(1, 6 * MB, false), WINDOW, CongestionControllers.DEFAULT, 30_000_000);
    }

    static Scenario shortTransfers() {
        return new Scenario("short", "fibre and satellite; five 256 KB downloads one after the other",
                List.of(PathSpec.symmetric("fibre", 20_000_000, 5_000, LossModel.none()),
                        PathSpec.symmetric("satellite", 5_000_000, 150_000, LossModel.none())),
                Workload.bulk(5, 256 * KB, false), WINDOW, CongestionControllers.DEFAULT, 30_000_000);
    }
}
