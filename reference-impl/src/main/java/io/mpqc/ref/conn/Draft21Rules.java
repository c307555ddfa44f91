package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.Path;
import io.mpqc.ref.path.PathTable;
import java.util.List;

/** The reference's decisions: what draft-21 (and RFC 9000 where it applies) requires. */
record Draft21Rules() implements ConnectionRules {

    @Override
    public boolean packetWithoutFrames(List<Frame> frames) {
        return frames.isEmpty();
    }

    @Override
    public boolean multipathFrameRefused(boolean negotiated) {
        return !negotiated;
    }

    @Override
    public boolean multipathFrameAllowedIn(PacketType type) {
        return type == PacketType.ONE_RTT;
    }

    @Override
    public boolean aboveLimit(FrameType type, long pathId, long limit) {
        return pathId > limit;
    }

    @Override
    public boolean ignoredAsAbandoned(FrameType type, Path path) {
        return path != null && path.state().isEnding();
    }

    @Override
    public boolean appliesStatus(PathTable paths, Path path, long sequence) {
        // A path ID without state has seen no status yet: any sequence number is new (MP-4.3-2).
        return path == null || path.peerStatus().accepts(sequence);
    }

    @Override
    public boolean repeatsConnectionId(ConnectionIdEntry existing, Bytes cid, Bytes resetToken) {
        return existing.connectionId().equals(cid) && existing.resetToken().equals(resetToken);
    }

    @Override
    public boolean exceedsCidLimit(int active, int limit) {
        return active > limit;
    }

    @Override
    public boolean retiresUnissued(long sequence, long highestIssued) {
        return sequence > highestIssued;
    }

    @Override
    public boolean lowersMaxPathId(long maximum, long peerInitial) {
        return maximum < peerInitial;
    }

    @Override
    public boolean raisesMaxPathId(long maximum, long current) {
        return maximum > current;
    }

    @Override
    public boolean pathsBlockedAboveLimit(long maximum, long limit) {
        return maximum > limit;
    }

    @Override
    public boolean cidsBlockedBeyondIssued(long nextSequence, long ourNext) {
        return nextSequence > ourNext;
    }

    @Override
    public long responsePath(Path challenged) {
        return challenged.id();
    }

    @Override
    public boolean answersAbandon(Path path) {
        return !path.abandonSent();
    }

    @Override
    public long nextCidSequence(PathTable paths, Path path) {
        return path.localCids().nextSequence();
    }
}
