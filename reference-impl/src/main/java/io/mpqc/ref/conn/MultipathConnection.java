package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.Path;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.path.PathTable;
import io.mpqc.ref.path.PathView;
import io.mpqc.ref.path.StatusRecord;
import io.mpqc.ref.tp.Role;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The sans-IO multipath connection core: received frames with their packet context, clock ticks and
 * local commands go in; packets to send on named paths, events and at most one close come out. No
 * sockets, threads or wall clock: time is whatever {@link #tick(long)} last said.
 *
 * <p><b>Thread confinement.</b> An instance must be used by one thread at a time (the driver's); it does
 * no locking. {@link ConcurrentConnection} is the thread-safe facade for applications and metrics readers.
 *
 * <p>It starts with the handshake done: path 0 validated, both handshake connection IDs known, and (with
 * multipath) connection IDs queued for the path IDs both sides allow.
 */
public final class MultipathConnection {
    private final ConnectionState state;
    private final Outbox outbox;
    private final PathLifecycle lifecycle;
    private final CidIssuer cids;
    private final FrameProcessor processor;

    public MultipathConnection(ConnectionConfig config) {
        this(config, null);
    }

    /** With a listener attached before the first event (the CID announcements at start). */
    public MultipathConnection(ConnectionConfig config, ConnectionListener listener) {
        this(new Draft21Rules(), config, listener);
    }

    /**
     * A connection with deliberate bugs, for the {@code mutant:} targets that prove the suite catches them.
     * Never use it as a reference.
     */
    public MultipathConnection(ConnectionConfig config, ConnectionListener listener, java.util.Set<SeededBug> bugs) {
        this(new SeededBugRules(bugs), config, listener);
    }

    private MultipathConnection(ConnectionRules rules, ConnectionConfig config, ConnectionListener listener) {
        this.state = new ConnectionState(config, rules, listener);
        this.outbox = new Outbox(state);
        this.lifecycle = new PathLifecycle(state, outbox);
        this.cids = new CidIssuer(state, outbox);
        this.processor = new FrameProcessor(state, outbox, lifecycle, cids);
        Path path0 = state.paths.getOrCreate(0);
        cids.registerHandshakeCid(path0);
        state.paths.addPeerCid(path0, new ConnectionIdEntry(0, 0, config.peerInitialCid(),
                io.mpqc.ref.frame.Bytes.of(new byte[16])));
        state.transition(path0, PathState.CREATED);
        state.transition(path0, PathState.VALIDATED);
        cids.provision();
    }

    public ConnectionConfig config() {
        return state.config;
    }

    public boolean multipathNegotiated() {
        return state.multipath;
    }

    public void addListener(ConnectionListener listener) {
        state.addListener(listener);
    }

    public void removeListener(ConnectionListener listener) {
        state.removeListener(listener);
    }

    /** The time of the last tick, in microseconds. */
    public long now() {
        return state.now;
    }

    // ---- inputs ----

    /** Processes the frames of one received packet, in order. Does nothing once the connection is closed. */
    public void receive(PacketContext context, List<Frame> frames) {
        processor.receive(context, frames);
    }

    /** Processes a packet with a single frame. */
    public void receive(PacketContext context, Frame frame) {
        processor.receive(context, List.of(frame));
    }

    /** Advances the clock to {@code nowMicros} and runs the timers due. Time never goes back. */
    public void tick(long nowMicros) {
        if (nowMicros < state.now) {
            throw new IllegalArgumentException("time goes back: " + nowMicros + " < " + state.now);
        }
        state.now = nowMicros;
        if (!state.isClosed()) {
            lifecycle.onTick();
        }
    }

    // ---- commands ----

    /**
     * Opens the next path (clients only, draft-21 §3.1): the lowest unused path ID within both limits for
     * which both sides hold connection IDs, validated with PATH_CHALLENGE. When no ID is available, queues
     * PATHS_BLOCKED or PATH_CIDS_BLOCKED as the cause requires and returns empty.
     */
    public OptionalLong openPath() {
        requireOpen();
        if (state.role != Role.CLIENT) {
            throw new CommandRejectedException("only clients open new paths (draft-21 §3.1)");
        }
        if (!state.multipath) {
            throw new CommandRejectedException("multipath was not negotiated");
        }
        long limit = Math.min(state.paths.localMaxPathId(), state.paths.peerMaxPathId());
        long missingCid = -1;
        // Only path IDs with state can be opened; the lowest ID without state is only a candidate for
        // PATH_CIDS_BLOCKED. Walking the table rather than 1..limit keeps this O(paths): the limit may be
        // 2^32-1 (a loop over it took minutes, found by ConnectionCoreFuzzer).
        long firstWithoutState = 1;
        for (Path p : state.paths.all()) {
            long id = p.id(); // path 0 is in use from the start: it only moves firstWithoutState to 1
            if (id > limit) {
                break;
            }
            if (missingCid < 0 && id > firstWithoutState) {
                missingCid = firstWithoutState;
            }
            firstWithoutState = id + 1;
            if (p.state() != PathState.UNUSED) {
                continue;
            }
            if (p.peerCids().activeCount() == 0 || p.localCids().activeCount() == 0) {
                if (missingCid < 0) {
                    missingCid = id;
                }
                continue;
            }
            lifecycle.startValidation(p);
            state.lastPathDeadline = -1;
            return OptionalLong.of(id);
        }
        if (missingCid < 0 && firstWithoutState <= limit) {
            missingCid = firstWithoutState;
        }
        long carrier = requireCarrier();
        if (missingCid >= 0) {
            Path p = state.paths.get(missingCid);
            long next = p == null ? 0 : p.peerCids().nextExpected();
            queueIfExpressible(carrier, new Frame.PathCidsBlocked(missingCid, next));
            state.emit(new ConnectionEvent.LimitReached(missingCid, "no connection ID of the peer for path "
                    + missingCid + " (next sequence expected: " + next + ")"));
        } else if (limit == state.paths.peerMaxPathId()) {
            queueIfExpressible(carrier, new Frame.PathsBlocked(state.paths.peerMaxPathId()));
            state.emit(new ConnectionEvent.LimitReached(-1, "peer's maximum path ID " + limit + " reached"));
        } else {
            state.emit(new ConnectionEvent.LimitReached(-1, "our maximum path ID " + limit + " reached"));
        }
        return OptionalLong.empty();
    }

    /** Abandons a path with PATH_ABANDON (any path ID both sides allow, used or not). */
    public void abandonPath(long pathId, long errorCode) {
        requireOpen();
        requireMultipath();
        requirePeerAllows(pathId);
        // The peer must answer with PATH_ABANDON for the same ID (MP-3.4-5), which we accept only up to our limit.
        requireWeAllow(pathId);
        Path p = state.paths.get(pathId);
        if (p != null && (p.abandonSent() || p.state() == PathState.CLOSED)) {
            throw new CommandRejectedException("path " + pathId + " is already abandoned");
        }
        lifecycle.abandonLocally(state.paths.getOrCreate(pathId), errorCode);
    }

    /**
     * Announces our status for a path with PATH_STATUS_AVAILABLE or PATH_STATUS_BACKUP; the sequence
     * number grows per path ID (across the connection in draft-06, whose senders numbered that way).
     */
    public long setLocalStatus(long pathId, PathStatus status) {
        requireOpen();
        requireMultipath();
        requirePeerAllows(pathId);
        if (status == PathStatus.UNKNOWN) {
            throw new CommandRejectedException("a status frame says AVAILABLE or BACKUP");
        }
        Path existing = state.paths.get(pathId);
        if (existing != null && existing.state().isEnding()) {
            throw new CommandRejectedException("path " + pathId + " is " + existing.state());
        }
        long carrier = requireCarrier();
        Path p = state.paths.getOrCreate(pathId);
        long seq = state.dialect.pathsByDcidSequence() ? state.connectionWideStatusSequence++
                : p.localStatus().sequence() + 1;
        p.localStatus(new StatusRecord(status, seq));
        Frame frame = status == PathStatus.AVAILABLE ? new Frame.PathStatusAvailable(pathId, seq)
                : new Frame.PathStatusBackup(pathId, seq);
        outbox.queue(carrier, frame);
        state.emit(new ConnectionEvent.LocalStatusChanged(pathId, status, seq));
        return seq;
    }

    /** Issues {@code count} more connection IDs for a path ID within both sides' limits. */
    public void issueConnectionIds(long pathId, int count) {
        requireOpen();
        if (pathId != 0) {
            requireMultipath();
            requirePeerAllows(pathId);
            // A path ID above our limit could never be used, and the peer's frames about it would be errors.
            requireWeAllow(pathId);
            if (!state.dialect.supports(FrameType.PATH_NEW_CONNECTION_ID)) {
                // draft-06 has one connection ID space, announced with NEW_CONNECTION_ID: an ID "for path 3"
                // would reuse the sequence numbers of path 0's IDs with other values (RFC 9000 §19.15).
                throw new CommandRejectedException(state.dialect + " has one connection ID space: issue on path 0");
            }
        }
        Path existing = state.paths.get(pathId);
        if (existing != null && existing.state().isEnding()) {
            throw new CommandRejectedException("path " + pathId + " is " + existing.state());
        }
        int active = existing == null ? 0 : existing.localCids().activeCount();
        if (count < 1 || active + count > state.config.peerActiveCidLimit()) {
            throw new CommandRejectedException("issuing " + count + " connection IDs on path " + pathId
                    + " would exceed the peer's active_connection_id_limit " + state.config.peerActiveCidLimit());
        }
        // An ID the peer never hears of would only use up its active_connection_id_limit.
        long carrier = requireCarrier();
        Path p = state.paths.getOrCreate(pathId);
        for (int i = 0; i < count; i++) {
            cids.issue(p, carrier);
        }
    }

    /** Raises the largest path ID we accept and announces it with MAX_PATH_ID. */
    public void raiseMaxPathId(long maximum) {
        requireOpen();
        requireMultipath();
        if (!state.dialect.supports(FrameType.MAX_PATH_ID)) {
            throw new CommandRejectedException(state.dialect + " has no MAX_PATH_ID frame");
        }
        if (maximum > PathTable.MAX_PATH_ID_VALUE || maximum <= state.paths.localMaxPathId()) {
            throw new CommandRejectedException("MAX_PATH_ID must raise the limit " + state.paths.localMaxPathId()
                    + " and stay at most 2^32-1: " + maximum);
        }
        long carrier = requireCarrier();
        state.paths.localMaxPathId(maximum);
        outbox.queue(carrier, new Frame.MaxPathId(maximum));
        state.emit(new ConnectionEvent.MaxPathIdChanged(true, maximum));
        cids.provision();
    }

    /** Closes the connection from our side with CONNECTION_CLOSE. */
    public void close(long errorCode, String reason) {
        requireOpen();
        long carrier = outbox.controlPath(-1);
        if (carrier >= 0) {
            outbox.queue(carrier, new Frame.ConnectionClose(errorCode, 0,
                    io.mpqc.ref.frame.Bytes.of(reason.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        state.closeWith(errorCode, 0, reason, false);
    }

    // ---- outputs ----

    /** The packets to send now, one per path with frames waiting, ACKs included. */
    public List<OutgoingPacket> drain() {
        return outbox.drain();
    }

    public Optional<CloseReason> closeReason() {
        return Optional.ofNullable(state.close);
    }

    public boolean isClosed() {
        return state.isClosed();
    }

    public ConnectionSnapshot snapshot() {
        return new ConnectionSnapshot(state.multipath, state.paths.localMaxPathId(), state.paths.peerMaxPathId(),
                state.paths.views(), outbox.queuedView(), state.close, state.lastPathDeadline);
    }

    /** The view of one path, or null if the path ID has no state. */
    public PathView path(long pathId) {
        Path p = state.paths.get(pathId);
        return p == null ? null : p.view();
    }

    /**
     * The PTO of a path in microseconds (RFC 9002 with the path's RTT estimate; the initial RTT for a path ID
     * without state). An observer: it creates no path state.
     */
    public long pto(long pathId) {
        Path p = state.paths.get(pathId);
        return p != null ? state.pto(p)
                : new io.mpqc.ref.recovery.RttEstimator(state.config.initialRttMicros())
                        .pto(state.config.maxAckDelayMicros());
    }

    // ---- command checks ----

    private void requireOpen() {
        if (state.isClosed()) {
            throw new CommandRejectedException("the connection is closed");
        }
    }

    private void requireMultipath() {
        if (!state.multipath) {
            throw new CommandRejectedException("multipath was not negotiated");
        }
    }

    private void requirePeerAllows(long pathId) {
        if (pathId < 0 || pathId > state.paths.peerMaxPathId()) {
            throw new CommandRejectedException("path ID " + pathId + " is outside the peer's limit "
                    + state.paths.peerMaxPathId());
        }
    }

    /** Queues {@code frame} unless the dialect cannot express it (draft-06 has no PATH_CIDS_BLOCKED, PATHS_BLOCKED). */
    private void queueIfExpressible(long carrier, Frame frame) {
        if (state.dialect.supports(frame.type())) {
            outbox.queue(carrier, frame);
        }
    }

    private void requireWeAllow(long pathId) {
        if (pathId > state.paths.localMaxPathId()) {
            throw new CommandRejectedException("path ID " + pathId + " is above our own maximum "
                    + state.paths.localMaxPathId() + ": the peer could not name it in any frame");
        }
    }

    /** The path that will carry a control frame; checked before a command changes anything. */
    private long requireCarrier() {
        long carrier = outbox.controlPath(-1);
        if (carrier < 0) {
            throw new CommandRejectedException("no open path can carry a frame");
        }
        return carrier;
    }
}
