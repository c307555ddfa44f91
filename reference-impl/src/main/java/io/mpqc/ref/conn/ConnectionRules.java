package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.Path;
import io.mpqc.ref.path.PathTable;
import java.util.List;

/**
 * The decisions of the core that a seeded bug can get wrong, each taking everything it decides on. The
 * core asks these instead of deciding itself, so that a {@code mutant:} target is the reference with one
 * decision replaced, and the reference's own code has no branch that only a bug takes.
 */
sealed interface ConnectionRules permits Draft21Rules, SeededBugRules {

    /** Whether a received packet is a connection error for having no frames (Q-12.4-4). */
    boolean packetWithoutFrames(List<Frame> frames);

    /** Whether a multipath frame is a connection error given the negotiation outcome (MP-2-1). */
    boolean multipathFrameRefused(boolean negotiated);

    /** Whether a multipath frame may travel in a packet of {@code type} (MP-4-2). */
    boolean multipathFrameAllowedIn(PacketType type);

    /** Whether a frame of {@code type} naming {@code pathId} breaks our path ID limit {@code limit} (MP-4-3). */
    boolean aboveLimit(FrameType type, long pathId, long limit);

    /** Whether a frame of {@code type} about {@code path} (null: no state) is ignored as abandoned (MP-4-4). */
    boolean ignoredAsAbandoned(FrameType type, Path path);

    /**
     * Whether a received status with {@code sequence} for {@code path} (null: no state yet) is applied
     * (MP-4.3-2, MP-4.3-4, MP-4.3-5); {@code paths} is the whole table.
     */
    boolean appliesStatus(PathTable paths, Path path, long sequence);

    /** Whether a PATH_NEW_CONNECTION_ID repeating {@code existing} is a harmless repeat (MP-4.4-9). */
    boolean repeatsConnectionId(ConnectionIdEntry existing, Bytes cid, Bytes resetToken);

    /** Whether {@code active} connection IDs of the peer on one path break our limit (MP-4.4-7). */
    boolean exceedsCidLimit(int active, int limit);

    /** Whether retiring {@code sequence} is an error when {@code highestIssued} is ours on the path (MP-4.5-3). */
    boolean retiresUnissued(long sequence, long highestIssued);

    /** Whether a MAX_PATH_ID of {@code maximum} lowers the peer's initial_max_path_id (MP-4.6-3). */
    boolean lowersMaxPathId(long maximum, long peerInitial);

    /** Whether a MAX_PATH_ID of {@code maximum} raises the peer's limit {@code current} (MP-4.6-5). */
    boolean raisesMaxPathId(long maximum, long current) throws ConnectionError;

    /** Whether PATHS_BLOCKED naming {@code maximum} exceeds our limit {@code limit} (MP-4.7-3). */
    boolean pathsBlockedAboveLimit(long maximum, long limit);

    /** Whether PATH_CIDS_BLOCKED naming {@code nextSequence} goes beyond what we issue next (MP-4.7-4). */
    boolean cidsBlockedBeyondIssued(long nextSequence, long ourNext);

    /** The path ID that carries the PATH_RESPONSE to a challenge received on {@code challenged} (MP-3.1-5). */
    long responsePath(Path challenged);

    /** Whether the peer's PATH_ABANDON for {@code path} gets our own in reply (MP-3.4-5). */
    boolean answersAbandon(Path path);

    /** The sequence number of our next connection ID for {@code path} (MP-3.2-1). */
    long nextCidSequence(PathTable paths, Path path);
}
