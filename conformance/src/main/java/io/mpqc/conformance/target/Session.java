package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import java.util.List;
import java.util.Optional;

/**
 * One connection of an endpoint target, with the handshake done. The suite plays the peer: it delivers
 * frames in packets of a type on a path, advances the target's clock and gives commands, and sees what
 * the target sends and how it closes.
 */
public interface Session extends AutoCloseable {

    /** What the target sent right after the handshake (connection IDs for other paths, typically). */
    Reaction initial();

    /** Delivers one packet with these frames on {@code pathId} (the path its DCID maps to). */
    Reaction receive(PacketType type, long pathId, List<Frame> frames) throws TargetException;

    /** Advances the target's clock. */
    Reaction advance(long micros) throws TargetException;

    /** Gives a local command (capability {@code commands}). */
    Reaction command(Command command) throws TargetException;

    /** The status the target holds for a path as set by the suite (capability {@code introspection}). */
    Optional<PeerStatus> peerStatus(long pathId) throws TargetException;

    /** The target's PTO for a path in microseconds, so cases can wait "3 PTO". */
    long ptoMicros(long pathId) throws TargetException;

    @Override
    void close();
}
