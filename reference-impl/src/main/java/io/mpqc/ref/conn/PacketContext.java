package io.mpqc.ref.conn;

import io.mpqc.ref.frame.PacketType;

/**
 * Where received frames came from: the packet type, the path ID the packet's Destination Connection ID
 * maps to, its packet number (-1 when the driver does not model packet numbers), the sequence number of
 * that Destination Connection ID in the path's space (-1 if unknown) and the 4-tuple (null if unknown).
 */
public record PacketContext(PacketType type, long pathId, long packetNumber, long dcidSequence, FourTuple tuple) {
    public PacketContext {
        if (type == null) {
            throw new IllegalArgumentException("packet type is required");
        }
        if (pathId < 0 || pathId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("path ID out of range: " + pathId);
        }
    }

    /** A 1-RTT packet on {@code pathId} without packet number bookkeeping. */
    public static PacketContext oneRtt(long pathId) {
        return new PacketContext(PacketType.ONE_RTT, pathId, -1, -1, null);
    }

    /** A 1-RTT packet on {@code pathId} with a packet number, so that it gets acknowledged. */
    public static PacketContext oneRtt(long pathId, long packetNumber) {
        return new PacketContext(PacketType.ONE_RTT, pathId, packetNumber, -1, null);
    }

    /** A packet of {@code type}; Initial and Handshake packets always belong to path 0. */
    public static PacketContext of(PacketType type, long pathId) {
        return new PacketContext(type, pathId, -1, -1, null);
    }
}
