package io.mpqc.ref.sim;

import io.mpqc.ref.bonding.BondingEvent;
import io.mpqc.ref.sim.endpoint.Timed;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one simulated run. Everything but {@code wallNanos} is a pure function of the scenario,
 * the scheduler and the seed.
 *
 * @param completed whether every response arrived before the time limit
 * @param completionMicros when the last response was complete (the time limit if not completed)
 * @param bytesDelivered response bytes delivered in order to the client application
 * @param goodputBitsPerSecond bytesDelivered * 8 / completion time
 * @param spuriousRetransmissions packets whose data was sent again although they had arrived (both sides)
 * @param duplicateBytes STREAM bytes that arrived more than once (both sides)
 * @param holMeanMicros mean time a delivered response byte waited in the receive buffer for earlier bytes
 * @param retransmittedBytes STREAM bytes the server sent more than once (retransmissions, reinjections, copies)
 * @param lostPackets packets the server declared lost
 * @param streamBytesByPath STREAM bytes the server sent on each path
 * @param integrityOk every response arrived complete, exactly once, with the right content, nothing corrupt
 * @param failover the outage figures, or null when the scenario has no outage
 * @param serverBonding the server's bonding events
 * @param clientBonding the client's bonding events
 * @param progress the client's in-order delivery curve: (time, bytes) samples
 * @param simulatedMicros simulated time at the end of the run
 * @param events discrete events executed
 * @param wallNanos wall-clock time the run took (not deterministic)
 */
public record RunResult(String scenario, String scheduler, long seed, boolean completed, long completionMicros,
        long bytesDelivered, double goodputBitsPerSecond, long spuriousRetransmissions, long duplicateBytes,
        double holMeanMicros, long retransmittedBytes, long lostPackets, Map<Long, Long> streamBytesByPath,
        boolean integrityOk, Failover failover, List<Timed<BondingEvent>> serverBonding,
        List<Timed<BondingEvent>> clientBonding, List<long[]> progress, long simulatedMicros, long events,
        long wallNanos) {

    public RunResult {
        streamBytesByPath = Map.copyOf(streamBytesByPath);
        serverBonding = List.copyOf(serverBonding);
        clientBonding = List.copyOf(clientBonding);
        progress = List.copyOf(progress);
    }

    /** Simulated time per wall-clock time: how much faster than real time the run was. */
    public double speedup() {
        return wallNanos <= 0 ? 0 : simulatedMicros * 1000.0 / wallNanos;
    }
}
