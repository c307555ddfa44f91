package io.mpqc.ref.sim.endpoint;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Counters of one endpoint's data layer, read by the simulator's metrics. */
public final class EndpointStats {
    long packetsSent;
    long bytesSent;
    long streamBytesSent;
    long retransmittedBytes;
    long lostPackets;
    long spuriousRetransmissions;
    long reinjectedPackets;
    long opportunisticRetransmissions;
    long probes;
    long duplicatePacketsReceived;
    long packetsDroppedOnFreedPath;
    long stalledTimers;
    /** By path ID; path IDs in a simulation are small (at most the maximum path ID, 4 by default). */
    long[] streamBytesByPath = new long[8];

    public long packetsSent() {
        return packetsSent;
    }

    public long bytesSent() {
        return bytesSent;
    }

    /** STREAM frame payload bytes sent, first transmissions and copies together. */
    public long streamBytesSent() {
        return streamBytesSent;
    }

    /** STREAM payload bytes sent again: retransmissions, reinjections and redundant copies. */
    public long retransmittedBytes() {
        return retransmittedBytes;
    }

    public long lostPackets() {
        return lostPackets;
    }

    /**
     * Packets whose data was sent again although they arrived: declared lost and acknowledged later, or
     * reinjected from a path suspected of failing and acknowledged on it after all.
     */
    public long spuriousRetransmissions() {
        return spuriousRetransmissions;
    }

    public long reinjectedPackets() {
        return reinjectedPackets;
    }

    /** Packets whose data was sent again because it held back the receive window (flow control). */
    public long opportunisticRetransmissions() {
        return opportunisticRetransmissions;
    }

    public long probes() {
        return probes;
    }

    public long duplicatePacketsReceived() {
        return duplicatePacketsReceived;
    }

    public long packetsDroppedOnFreedPath() {
        return packetsDroppedOnFreedPath;
    }

    /** Timer wake-ups that found nothing to do: a liveness bug if not 0. */
    public long stalledTimers() {
        return stalledTimers;
    }

    /** STREAM payload bytes sent per path ID (a copy). */
    public Map<Long, Long> streamBytesByPath() {
        Map<Long, Long> out = new TreeMap<>();
        for (int i = 0; i < streamBytesByPath.length; i++) {
            if (streamBytesByPath[i] > 0) {
                out.put((long) i, streamBytesByPath[i]);
            }
        }
        return out;
    }

    void countStreamBytes(long pathId, int bytes) {
        if (pathId >= streamBytesByPath.length) {
            streamBytesByPath = Arrays.copyOf(streamBytesByPath, (int) pathId + 1);
        }
        streamBytesByPath[(int) pathId] += bytes;
    }
}
