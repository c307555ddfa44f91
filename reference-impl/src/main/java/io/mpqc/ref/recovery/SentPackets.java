package io.mpqc.ref.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The packet number space of one path in the sending direction: numbers given out and packets in flight. */
public final class SentPackets {
    private final TreeMap<Long, SentPacket> inFlight = new TreeMap<>();
    private long nextPacketNumber;
    private long largestAcked = -1;

    /** The packet number the next packet on this path gets. */
    public long nextPacketNumber() {
        return nextPacketNumber;
    }

    public long largestAcked() {
        return largestAcked;
    }

    /** Reserves the next packet number and records the packet. */
    public SentPacket record(SentPacket packet) {
        if (packet.packetNumber() != nextPacketNumber) {
            throw new IllegalArgumentException("packet numbers are given out in order");
        }
        nextPacketNumber++;
        inFlight.put(packet.packetNumber(), packet);
        return packet;
    }

    /**
     * Removes the packets in [smallest, largest] and returns them in ascending order. Unknown numbers are
     * skipped (already acknowledged or lost).
     */
    public List<SentPacket> acknowledge(long smallest, long largest) {
        largestAcked = Math.max(largestAcked, largest);
        java.util.NavigableMap<Long, SentPacket> range = inFlight.subMap(smallest, true, largest, true);
        if (range.isEmpty()) {
            // Repeated ACKs of what is already acknowledged are the common case: no list for them.
            return List.of();
        }
        List<SentPacket> acked = new ArrayList<>(range.values());
        range.clear();
        return acked;
    }

    public SentPacket get(long packetNumber) {
        return inFlight.get(packetNumber);
    }

    /** Removes and returns every packet still in flight (the path is being freed). */
    public List<SentPacket> drainInFlight() {
        List<SentPacket> all = new ArrayList<>(inFlight.values());
        inFlight.clear();
        return all;
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    /** Packets in flight, oldest first (a copy). */
    public List<SentPacket> inFlight() {
        return new ArrayList<>(inFlight.values());
    }

    /** Removes one packet (declared lost). */
    public SentPacket remove(long packetNumber) {
        return inFlight.remove(packetNumber);
    }
}
