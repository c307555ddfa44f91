package io.mpqc.conformance.sim;

import io.mpqc.ref.bonding.BondingEvent;
import io.mpqc.ref.sim.Failover;
import io.mpqc.ref.sim.RunResult;
import io.mpqc.ref.sim.endpoint.Timed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run's metrics as a JSON-ready map (for {@code mpqc sim --json} and the report's data). */
public final class RunJson {
    private RunJson() {
    }

    public static Map<String, Object> of(RunResult r, double benefit) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("scenario", r.scenario());
        o.put("scheduler", r.scheduler());
        o.put("seed", r.seed());
        o.put("completed", r.completed());
        o.put("completion_s", r.completionMicros() / 1e6);
        o.put("bytes_delivered", r.bytesDelivered());
        o.put("goodput_mbps", r.goodputBitsPerSecond() / 1e6);
        o.put("benefit", Double.isNaN(benefit) ? null : benefit);
        o.put("spurious_retransmissions", r.spuriousRetransmissions());
        o.put("duplicate_bytes", r.duplicateBytes());
        o.put("hol_mean_ms", r.holMeanMicros() / 1000);
        o.put("retransmitted_bytes", r.retransmittedBytes());
        o.put("lost_packets", r.lostPackets());
        Map<String, Object> byPath = new LinkedHashMap<>();
        r.streamBytesByPath().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byPath.put(String.valueOf(e.getKey()), e.getValue()));
        o.put("stream_bytes_by_path", byPath);
        o.put("integrity_ok", r.integrityOk());
        Failover f = r.failover();
        if (f != null) {
            Map<String, Object> fo = new LinkedHashMap<>();
            fo.put("outage_s", f.outageMicros() / 1e6);
            fo.put("failed_path", f.failedPath());
            fo.put("gap_ms", f.gapMicros() < 0 ? null : f.gapMicros() / 1000.0);
            fo.put("bound_ms", f.boundMicros() / 1000.0);
            fo.put("pto_ms", f.ptoMicros() / 1000.0);
            fo.put("surviving_rtt_ms", f.survivingRttMicros() / 1000.0);
            fo.put("abandon_after_ms", f.abandonDelayMicros() < 0 ? null : f.abandonDelayMicros() / 1000.0);
            fo.put("resumed_in_time", f.resumedInTime());
            fo.put("abandoned_in_time", f.abandonedInTime());
            o.put("failover", fo);
        }
        o.put("server_bonding", events(r.serverBonding()));
        o.put("client_bonding", events(r.clientBonding()));
        o.put("simulated_s", r.simulatedMicros() / 1e6);
        o.put("events", r.events());
        o.put("wall_ms", r.wallNanos() / 1e6);
        return o;
    }

    static List<Object> events(List<Timed<BondingEvent>> events) {
        List<Object> out = new ArrayList<>();
        for (Timed<BondingEvent> t : events) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("t_ms", t.timeMicros() / 1000.0);
            e.put("event", describe(t.event()));
            out.add(e);
        }
        return out;
    }

    /** A bonding event in one line: {@code BONDED -> DEGRADED (path 0 failing)}. */
    public static String describe(BondingEvent e) {
        if (e instanceof BondingEvent.StateChanged s) {
            return s.from() + " -> " + s.to() + " (" + s.reason() + ")";
        }
        if (e instanceof BondingEvent.PrimaryChanged p) {
            return (p.failover() ? "failover: primary " : "primary ") + (p.from() < 0 ? "" : "path " + p.from() + " -> ")
                    + "path " + p.to();
        }
        BondingEvent.StandbyInUse s = (BondingEvent.StandbyInUse) e;
        return s.inUse() ? "standby paths " + s.pathIds() + " in use" : "standby paths idle again";
    }
}
