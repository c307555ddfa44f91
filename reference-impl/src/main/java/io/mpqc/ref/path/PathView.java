package io.mpqc.ref.path;

import java.util.List;

/**
 * An immutable picture of one path at a moment: what readers on other threads, conformance observers
 * and "nothing changed" tests compare.
 */
public record PathView(long pathId, PathState state, StatusRecord peerStatus, StatusRecord localStatus,
        List<ConnectionIdEntry> peerCids, long peerRetirePriorTo, List<ConnectionIdEntry> localCids,
        long nextLocalCidSequence, boolean abandonSent, boolean abandonReceived, boolean validating,
        long nextPacketNumber, int packetsInFlight) {
}
