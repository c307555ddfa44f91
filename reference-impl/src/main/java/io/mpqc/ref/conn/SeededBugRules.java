package io.mpqc.ref.conn;

import static io.mpqc.ref.frame.TransportError.PROTOCOL_VIOLATION;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.Path;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathTable;
import java.util.List;
import java.util.Set;

/**
 * The decisions of a {@code mutant:} target: draft-21's, except those its seeded bugs get wrong. A test
 * instrument, not part of the reference; with no bug it decides exactly as {@link Draft21Rules}.
 */
record SeededBugRules(Set<SeededBug> bugs) implements ConnectionRules {
    private static final Draft21Rules DRAFT_21 = new Draft21Rules();

    SeededBugRules {
        bugs = Set.copyOf(bugs);
    }

    private boolean has(SeededBug bug) {
        return bugs.contains(bug);
    }

    private static boolean isStatus(FrameType type) {
        return type == FrameType.PATH_STATUS_AVAILABLE || type == FrameType.PATH_STATUS_BACKUP;
    }

    @Override
    public boolean packetWithoutFrames(List<Frame> frames) {
        return !has(SeededBug.EMPTY_PACKET_ACCEPTED) && DRAFT_21.packetWithoutFrames(frames);
    }

    @Override
    public boolean multipathFrameRefused(boolean negotiated) {
        return !has(SeededBug.NEGOTIATION_NOT_CHECKED) && DRAFT_21.multipathFrameRefused(negotiated);
    }

    @Override
    public boolean multipathFrameAllowedIn(PacketType type) {
        return DRAFT_21.multipathFrameAllowedIn(type)
                || type == PacketType.HANDSHAKE && has(SeededBug.MULTIPATH_FRAMES_IN_HANDSHAKE_ACCEPTED);
    }

    @Override
    public boolean aboveLimit(FrameType type, long pathId, long limit) {
        if (isStatus(type) && has(SeededBug.STATUS_LIMIT_NOT_CHECKED)) {
            return false;
        }
        return has(SeededBug.PATH_ID_LIMIT_OFF_BY_ONE) ? pathId >= limit : DRAFT_21.aboveLimit(type, pathId, limit);
    }

    @Override
    public boolean ignoredAsAbandoned(FrameType type, Path path) {
        if (isStatus(type) && has(SeededBug.STATUS_FOR_ABANDONED_PATH_APPLIED)) {
            return false;
        }
        return DRAFT_21.ignoredAsAbandoned(type, path);
    }

    @Override
    public boolean appliesStatus(PathTable paths, Path path, long sequence) {
        if (has(SeededBug.PENDING_STATUS_DROPPED) && (path == null || path.state() == PathState.UNUSED)) {
            return false;
        }
        long largest = path == null ? -1 : path.peerStatus().sequence();
        if (has(SeededBug.CONNECTION_WIDE_STATUS_SEQUENCE)) {
            // Every applied number was above all earlier ones, so the largest is some path's latest.
            for (Path p : paths.all()) {
                largest = Math.max(largest, p.peerStatus().sequence());
            }
        }
        return has(SeededBug.EQUAL_STATUS_SEQUENCE_ACCEPTED) ? sequence >= largest : sequence > largest;
    }

    @Override
    public boolean repeatsConnectionId(ConnectionIdEntry existing, Bytes cid, Bytes resetToken) {
        return !has(SeededBug.DUPLICATE_CID_FRAME_IS_ERROR) && DRAFT_21.repeatsConnectionId(existing, cid, resetToken);
    }

    @Override
    public boolean exceedsCidLimit(int active, int limit) {
        return !has(SeededBug.CID_LIMIT_NOT_ENFORCED) && DRAFT_21.exceedsCidLimit(active, limit);
    }

    @Override
    public boolean retiresUnissued(long sequence, long highestIssued) {
        return !has(SeededBug.RETIRE_OF_UNISSUED_SEQUENCE_ACCEPTED)
                && DRAFT_21.retiresUnissued(sequence, highestIssued);
    }

    @Override
    public boolean lowersMaxPathId(long maximum, long peerInitial) {
        return !has(SeededBug.MAX_PATH_ID_LOWERING_ACCEPTED) && DRAFT_21.lowersMaxPathId(maximum, peerInitial);
    }

    @Override
    public boolean raisesMaxPathId(long maximum, long current) throws ConnectionError {
        boolean raises = DRAFT_21.raisesMaxPathId(maximum, current);
        if (!raises && has(SeededBug.STALE_MAX_PATH_ID_IS_ERROR)) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "MP-4.6-5", "MAX_PATH_ID " + maximum
                    + " does not raise the limit");
        }
        return raises;
    }

    @Override
    public boolean pathsBlockedAboveLimit(long maximum, long limit) {
        return !has(SeededBug.PATHS_BLOCKED_LIMIT_NOT_CHECKED) && DRAFT_21.pathsBlockedAboveLimit(maximum, limit);
    }

    @Override
    public boolean cidsBlockedBeyondIssued(long nextSequence, long ourNext) {
        return !has(SeededBug.CIDS_BLOCKED_SEQUENCE_NOT_CHECKED)
                && DRAFT_21.cidsBlockedBeyondIssued(nextSequence, ourNext);
    }

    @Override
    public long responsePath(Path challenged) {
        return has(SeededBug.PATH_RESPONSE_ON_PATH_ZERO) ? 0 : DRAFT_21.responsePath(challenged);
    }

    @Override
    public boolean answersAbandon(Path path) {
        return !has(SeededBug.NO_RECIPROCAL_ABANDON) && DRAFT_21.answersAbandon(path);
    }

    @Override
    public long nextCidSequence(PathTable paths, Path path) {
        if (!has(SeededBug.CID_SEQUENCE_NOT_PER_PATH)) {
            return DRAFT_21.nextCidSequence(paths, path);
        }
        // One count across the connection: its next number is one above the highest issued on any path
        // (path 0's handshake ID included), since every number came from the same count.
        long next = 0;
        for (Path p : paths.all()) {
            next = Math.max(next, p.localCids().nextSequence());
        }
        return next;
    }
}
