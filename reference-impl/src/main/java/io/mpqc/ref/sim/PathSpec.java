package io.mpqc.ref.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One network path between client and server: the downlink (server to client, where the bulk data flows),
 * the uplink, scheduled outages (both directions black-hole), and whether the client announces it as a
 * backup path (PATH_STATUS_BACKUP) once open.
 */
public record PathSpec(String name, LinkSpec down, LinkSpec up, List<Outage> outages, boolean backup) {
    public PathSpec {
        outages = List.copyOf(outages);
    }

    /**
     * The same rate, delay and loss both ways, with a buffer of max(rate x 2 x delay, 12,000 bytes): one
     * bandwidth-delay product, but never less than ten full-size packets.
     */
    public static PathSpec symmetric(String name, long bitsPerSecond, long delayMicros, LossModel loss) {
        long bdp = bitsPerSecond / 8 * 2 * delayMicros / 1_000_000;
        LinkSpec link = new LinkSpec(bitsPerSecond, delayMicros, Math.max(bdp, 12_000), loss);
        return new PathSpec(name, link, link, List.of(), false);
    }

    public PathSpec withOutage(Outage outage) {
        List<Outage> all = new ArrayList<>(outages);
        all.add(outage);
        return new PathSpec(name, down, up, all, backup);
    }

    public PathSpec asBackup() {
        return new PathSpec(name, down, up, outages, true);
    }

    /** A one-line description: 10 Mbit/s, 10 ms, queue 25000 B. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(Units.rate(down.bitsPerSecond())).append(", ").append(down.delayMicros() / 1000.0).append(" ms one-way, queue ")
                .append(down.queueBytes()).append(" B");
        if (down.loss().meanLoss() > 0) {
            sb.append(", loss ").append(String.format(Locale.ROOT, "%.2f%%", 100 * down.loss().meanLoss()));
        }
        for (Outage o : outages) {
            sb.append(", outage from ").append(o.startMicros() / 1000).append(" ms");
            if (o.endMicros() != Long.MAX_VALUE) {
                sb.append(" to ").append(o.endMicros() / 1000).append(" ms");
            }
        }
        if (backup) {
            sb.append(", backup");
        }
        return sb.toString();
    }
}
