package io.mpqc.ref.path;

import io.mpqc.ref.recovery.ReceivedPackets;
import io.mpqc.ref.recovery.RttEstimator;
import io.mpqc.ref.recovery.SentPackets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything one path ID holds: lifecycle state, the connection IDs of both sides, the status each side
 * announced, validation and abandonment bookkeeping, and the path's packet number spaces. Mutable and
 * confined to the connection's thread; outsiders see {@link PathView} snapshots.
 */
public final class Path {
    private final long id;
    private PathState state = PathState.UNUSED;
    private final PeerConnectionIds peerCids = new PeerConnectionIds();
    private final LocalConnectionIds localCids = new LocalConnectionIds();
    private StatusRecord peerStatus = StatusRecord.NONE;
    private StatusRecord localStatus = StatusRecord.NONE;
    private final SentPackets sent = new SentPackets();
    private final ReceivedPackets received = new ReceivedPackets();
    private final RttEstimator rtt;
    private final Deque<Long> delayedResponses = new ArrayDeque<>();
    private long challengeData;
    private long challengeSentAt = -1;
    private long abandonSentAt = -1;
    private long abandonReceivedAt = -1;

    public Path(long id, long initialRttMicros) {
        this.id = id;
        this.rtt = new RttEstimator(initialRttMicros);
    }

    public long id() {
        return id;
    }

    public PathState state() {
        return state;
    }

    /** Moves to {@code to}; the state machine forbids every other move. */
    public void become(PathState to) {
        if (to == state) {
            return;
        }
        if (!state.canBecome(to)) {
            throw new IllegalStateException("path " + id + " cannot go from " + state + " to " + to);
        }
        state = to;
    }

    /** The usable state that matches the peer's latest status. */
    public PathState usableStateForStatus() {
        return switch (peerStatus.status()) {
            case AVAILABLE -> PathState.ACTIVE;
            case BACKUP -> PathState.STANDBY;
            case UNKNOWN -> PathState.VALIDATED;
        };
    }

    public PeerConnectionIds peerCids() {
        return peerCids;
    }

    public LocalConnectionIds localCids() {
        return localCids;
    }

    public StatusRecord peerStatus() {
        return peerStatus;
    }

    public void peerStatus(StatusRecord status) {
        this.peerStatus = status;
    }

    public StatusRecord localStatus() {
        return localStatus;
    }

    public void localStatus(StatusRecord status) {
        this.localStatus = status;
    }

    public SentPackets sent() {
        return sent;
    }

    public ReceivedPackets received() {
        return received;
    }

    public RttEstimator rtt() {
        return rtt;
    }

    /** PATH_CHALLENGE data received while we had no connection ID to answer on this path (draft-21 §3.1). */
    public Deque<Long> delayedResponses() {
        return delayedResponses;
    }

    /** How many unanswered challenges a path remembers: a peer retrying validation only needs the latest. */
    public static final int MAX_DELAYED_RESPONSES = 4;

    /**
     * Remembers a challenge to answer once a connection ID for the path arrives, forgetting the oldest beyond
     * {@link #MAX_DELAYED_RESPONSES}, so that a flood of PATH_CHALLENGE cannot grow memory (draft-21 §7.1).
     */
    public void delayResponse(long data) {
        if (delayedResponses.size() >= MAX_DELAYED_RESPONSES) {
            delayedResponses.poll();
        }
        delayedResponses.add(data);
    }

    public boolean hasOutstandingChallenge() {
        return challengeSentAt >= 0;
    }

    public long challengeData() {
        return challengeData;
    }

    public long challengeSentAt() {
        return challengeSentAt;
    }

    public void challenge(long data, long now) {
        this.challengeData = data;
        this.challengeSentAt = now;
    }

    public void clearChallenge() {
        this.challengeSentAt = -1;
    }

    public long abandonSentAt() {
        return abandonSentAt;
    }

    public void abandonSentAt(long t) {
        this.abandonSentAt = t;
    }

    public long abandonReceivedAt() {
        return abandonReceivedAt;
    }

    public void abandonReceivedAt(long t) {
        this.abandonReceivedAt = t;
    }

    public boolean abandonSent() {
        return abandonSentAt != -1;
    }

    public boolean abandonReceived() {
        return abandonReceivedAt != -1;
    }

    /** An immutable picture of this path for readers and snapshots. */
    public PathView view() {
        return new PathView(id, state, peerStatus, localStatus, peerCids.entries(), peerCids.retirePriorTo(),
                localCids.entries(), localCids.nextSequence(), abandonSent(), abandonReceived(),
                hasOutstandingChallenge(), sent.nextPacketNumber(), sent.inFlightCount());
    }
}
