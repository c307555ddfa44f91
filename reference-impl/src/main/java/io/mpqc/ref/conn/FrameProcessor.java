package io.mpqc.ref.conn;

import static io.mpqc.ref.frame.TransportError.CONNECTION_ID_LIMIT_ERROR;
import static io.mpqc.ref.frame.TransportError.PROTOCOL_VIOLATION;

import io.mpqc.ref.conn.ConnectionEvent.FrameIgnored;
import io.mpqc.ref.conn.ConnectionEvent.PacketDropped;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.LocalConnectionIds;
import io.mpqc.ref.path.Path;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.path.PathTable;
import io.mpqc.ref.path.StatusRecord;
import io.mpqc.ref.recovery.SentPacket;
import io.mpqc.ref.tp.Role;
import java.util.List;

/**
 * Applies received frames to the connection. Every handler first checks everything that can close the
 * connection or make it ignore the frame, and only then changes state, so a frame that leads to a
 * connection error or is ignored leaves the connection exactly as it was ("nothing lost"). The
 * requirement IDs in messages are those of the catalog in the spec digest.
 */
final class FrameProcessor {
    private final ConnectionState state;
    private final Outbox outbox;
    private final PathLifecycle lifecycle;
    private final CidIssuer cids;

    FrameProcessor(ConnectionState state, Outbox outbox, PathLifecycle lifecycle, CidIssuer cids) {
        this.state = state;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.cids = cids;
    }

    void receive(PacketContext ctx, List<Frame> frames) {
        if (state.isClosed()) {
            answerWhileClosing(ctx);
            return;
        }
        if (state.rules.packetWithoutFrames(frames)) {
            state.closeWith(PROTOCOL_VIOLATION.code(), 0, "Q-12.4-4: packet without frames", false);
            return;
        }
        Path path = packetPath(ctx);
        if (path == null) {
            return;
        }
        boolean ackEliciting = false;
        for (Frame f : frames) {
            if (state.isClosed()) {
                return;
            }
            ackEliciting |= f.type().isAckEliciting();
            try {
                handle(ctx, path, f);
            } catch (ConnectionError e) {
                state.closeWith(e.code(), Math.max(0, state.dialect.codepoint(f.type())), e.getMessage(), false);
                return;
            }
        }
        // A packet whose last frame closed the connection is not acknowledged: a draining endpoint sends
        // nothing (RFC 9000 §10.2.2), and a closing one only repeats its CONNECTION_CLOSE.
        boolean applicationSpace = ctx.type() == PacketType.ONE_RTT || ctx.type() == PacketType.ZERO_RTT;
        if (applicationSpace && ctx.packetNumber() >= 0 && !state.isClosed()) {
            path.received().onReceived(ctx.packetNumber(), ackEliciting, state.now);
        }
    }

    /**
     * A closed connection reads no frame. While closing (we closed), it may repeat its CONNECTION_CLOSE on the
     * packet's path, or another it can address; while draining (the peer closed) it sends nothing (§10.2.2).
     */
    private void answerWhileClosing(PacketContext ctx) {
        Frame.ConnectionClose again = state.closing == null ? null : state.closing.answer(state.now);
        if (again == null) {
            return;
        }
        Path own = state.paths.get(ctx.type() == PacketType.ONE_RTT ? ctx.pathId() : 0);
        long carrier = own != null && outbox.canSendOn(own) ? own.id() : outbox.controlPath(-1);
        if (carrier >= 0) {
            outbox.queue(carrier, again);
        }
    }

    /**
     * The path a packet belongs to, opening a new one if the packet is the first on its path ID; null when
     * no path can take it (we never issued a connection ID for the ID, or the path was freed).
     */
    private Path packetPath(PacketContext ctx) {
        // Initial, Handshake and 0-RTT packets travel on the handshake path: 0-RTT belongs to path 0's
        // application space (draft-21 §2.3), whatever path ID the context names.
        long pathId = ctx.type() == PacketType.ONE_RTT ? ctx.pathId() : 0;
        Path path = state.paths.get(pathId);
        // Without multipath this drops every path ID but 0: no other has connection IDs of ours.
        if (path == null || path.localCids().highestIssued() < 0) {
            state.emit(new PacketDropped(pathId, "no connection ID of ours was ever issued for this path ID"));
            return null;
        }
        if (path.state() == PathState.CLOSED) {
            state.emit(new PacketDropped(pathId, "the path was freed after abandonment"));
            return null;
        }
        if (path.state() == PathState.UNUSED && ctx.type() == PacketType.ONE_RTT) {
            lifecycle.openedByPeer(path);
        }
        return path;
    }

    private void handle(PacketContext ctx, Path path, Frame f) throws ConnectionError {
        FrameType type = f.type();
        if (type.isMultipath()) {
            if (state.rules.multipathFrameRefused(state.multipath)) {
                throw new ConnectionError(state.config.notNegotiatedError(), "MP-2-1",
                        type + " received but multipath was not negotiated");
            }
            if (!state.dialect.supports(type)) {
                // A kind this dialect has no codepoint for (PATH_NEW_CONNECTION_ID in draft-06): to a peer
                // speaking it, an unknown frame type (RFC 9000 §12.4).
                throw new ConnectionError(TransportError.FRAME_ENCODING_ERROR.code(), "Q-12.4-2",
                        type + " does not exist in " + state.dialect);
            }
            if (!state.rules.multipathFrameAllowedIn(ctx.type())) {
                throw new ConnectionError(state.dialect.wrongPacketTypeCode(), "MP-4-2",
                        type + " is only allowed in 1-RTT packets, got " + ctx.type());
            }
        } else if (!type.allowedIn(ctx.type())) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "Q-12.4-3",
                    type + " is not allowed in " + ctx.type() + " packets");
        }
        switch (type) {
            case ACK, ACK_ECN -> {
                Frame.Ack a = (Frame.Ack) f;
                // A plain ACK in a 1-RTT packet acknowledges path 0 (draft-21 §2.3); Initial and Handshake
                // ACKs belong to spaces the core does not model, and 0-RTT cannot carry one.
                if (ctx.type() == PacketType.ONE_RTT) {
                    onAck(type, 0, a.largest(), a.ackDelay(), a.firstRange(), a.ranges());
                }
            }
            case PATH_ACK, PATH_ACK_ECN -> {
                Frame.PathAck a = (Frame.PathAck) f;
                onAck(type, a.pathId(), a.largest(), a.ackDelay(), a.firstRange(), a.ranges());
            }
            case PATH_ABANDON -> onPathAbandon((Frame.PathAbandon) f);
            case PATH_STATUS_BACKUP -> {
                Frame.PathStatusBackup s = (Frame.PathStatusBackup) f;
                onStatus(type, s.pathId(), s.sequence(), PathStatus.BACKUP);
            }
            case PATH_STATUS_AVAILABLE -> {
                Frame.PathStatusAvailable s = (Frame.PathStatusAvailable) f;
                onStatus(type, s.pathId(), s.sequence(), PathStatus.AVAILABLE);
            }
            case NEW_CONNECTION_ID -> {
                Frame.NewConnectionId n = (Frame.NewConnectionId) f;
                onNewCid(type, 0, n.sequence(), n.retirePriorTo(), n.connectionId(), n.resetToken());
            }
            case PATH_NEW_CONNECTION_ID -> {
                Frame.PathNewConnectionId n = (Frame.PathNewConnectionId) f;
                onNewCid(type, n.pathId(), n.sequence(), n.retirePriorTo(), n.connectionId(), n.resetToken());
            }
            case RETIRE_CONNECTION_ID -> onRetireCid(ctx, type, 0, ((Frame.RetireConnectionId) f).sequence());
            case PATH_RETIRE_CONNECTION_ID -> {
                Frame.PathRetireConnectionId r = (Frame.PathRetireConnectionId) f;
                onRetireCid(ctx, type, r.pathId(), r.sequence());
            }
            case MAX_PATH_ID -> onMaxPathId(((Frame.MaxPathId) f).maximum());
            case PATHS_BLOCKED -> onPathsBlocked(((Frame.PathsBlocked) f).maximum());
            case PATH_CIDS_BLOCKED -> {
                Frame.PathCidsBlocked b = (Frame.PathCidsBlocked) f;
                onPathCidsBlocked(b.pathId(), b.nextSequence());
            }
            case PATH_CHALLENGE -> onPathChallenge(path, ((Frame.PathChallenge) f).data());
            case PATH_RESPONSE -> onPathResponse(path, ((Frame.PathResponse) f).data());
            case CONNECTION_CLOSE -> {
                Frame.ConnectionClose c = (Frame.ConnectionClose) f;
                state.closeWith(c.errorCode(), c.frameType(), new String(c.reason().toByteArray(),
                        java.nio.charset.StandardCharsets.UTF_8), true);
            }
            case CONNECTION_CLOSE_APP -> {
                Frame.ApplicationClose c = (Frame.ApplicationClose) f;
                state.closeWith(c.errorCode(), 0, new String(c.reason().toByteArray(),
                        java.nio.charset.StandardCharsets.UTF_8), true);
            }
            case HANDSHAKE_DONE -> {
                if (state.role == Role.SERVER) {
                    throw new ConnectionError(PROTOCOL_VIOLATION.code(), "Q-19.20-1",
                            "a server received HANDSHAKE_DONE");
                }
            }
            case NEW_TOKEN -> {
                if (state.role == Role.SERVER) {
                    throw new ConnectionError(PROTOCOL_VIOLATION.code(), "Q-19.7-1", "a server received NEW_TOKEN");
                }
            }
            default -> {
                // Stream, flow-control and crypto frames carry no path state; the core accepts them.
            }
        }
    }

    /** draft-21 §4: a path ID above the limit we advertised closes with PROTOCOL_VIOLATION (MP-4-3). */
    private void checkLimit(FrameType type, long pathId) throws ConnectionError {
        if (state.dialect.pathsByDcidSequence()) {
            return;
        }
        if (state.rules.aboveLimit(type, pathId, state.paths.localMaxPathId())) {
            throw new ConnectionError(state.dialect.protocolViolationCode(), "MP-4-3", type + " names path ID "
                    + pathId + " above our maximum " + state.paths.localMaxPathId());
        }
    }

    /** True (and the event emitted) when the frame names a path that is being or was abandoned (MP-4-4). */
    private boolean ignoredAsAbandoned(FrameType type, Path p, long pathId) {
        if (state.rules.ignoredAsAbandoned(type, p)) {
            state.emit(new FrameIgnored(pathId, type, "MP-4-4", "path " + pathId + " is " + p.state()));
            return true;
        }
        return false;
    }

    /** For draft-06, path names above our cap are ignored rather than stored without bound. */
    private boolean ignoredBeyondCap(FrameType type, long pathId) {
        if (state.dialect.pathsByDcidSequence() && pathId > state.paths.localMaxPathId()) {
            state.emit(new FrameIgnored(pathId, type, "MP-4-4",
                    "DCID sequence " + pathId + " beyond what this endpoint tracks"));
            return true;
        }
        return false;
    }

    private void onAck(FrameType type, long pathId, long largest, long ackDelay, long firstRange,
            AckRanges ranges) throws ConnectionError {
        checkLimit(type, pathId);
        Path p = state.paths.get(pathId);
        if (p == null || p.state() == PathState.UNUSED || p.state() == PathState.CLOSED) {
            // Either nothing was ever sent in that space or its state is gone (MP-4-4); the digest lets a
            // suite accept ignoring for the first case, and this reference does.
            state.emit(new FrameIgnored(pathId, type, "MP-4-4",
                    "no packet number space to acknowledge on path " + pathId));
            return;
        }
        if (largest >= p.sent().nextPacketNumber()) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "MP-4.1-3", type + " acknowledges packet "
                    + largest + " on path " + pathId + ", never sent (next is " + p.sent().nextPacketNumber() + ")");
        }
        SentPacket largestPacket = p.sent().get(largest);
        long hi = largest;
        long lo = largest - firstRange;
        p.sent().acknowledge(lo, hi);
        for (int i = 0; i < ranges.count(); i++) {
            hi = lo - ranges.gap(i) - 2;
            lo = hi - ranges.length(i);
            p.sent().acknowledge(lo, hi);
        }
        if (largestPacket != null && largestPacket.ackEliciting()) {
            // RFC 9002 §5.3: ACK Delay scaled by the peer's exponent, capped by its max_ack_delay; the
            // comparison before shifting keeps a huge field from overflowing.
            long max = state.config.maxAckDelayMicros();
            long delayMicros = ackDelay > (max >> state.config.peerAckDelayExponent())
                    ? max : ackDelay << state.config.peerAckDelayExponent();
            p.rtt().onSample(Math.max(0, state.now - largestPacket.sentAtMicros()), delayMicros);
        }
    }

    private void onPathAbandon(Frame.PathAbandon f) throws ConnectionError {
        long pathId = f.pathId();
        checkLimit(FrameType.PATH_ABANDON, pathId);
        if (ignoredBeyondCap(FrameType.PATH_ABANDON, pathId)) {
            return;
        }
        Path p = state.paths.get(pathId);
        if (p != null && (p.state() == PathState.CLOSED || p.abandonReceived())) {
            state.emit(new FrameIgnored(pathId, FrameType.PATH_ABANDON, "MP-4-4",
                    "path " + pathId + " already abandoned by the peer"));
            return;
        }
        // Unknown error codes are not an error (MP-4.2.1-1); an early abandon of an unused ID neither (MP-3.4-7).
        lifecycle.abandonedByPeer(state.paths.getOrCreate(pathId), f.errorCode());
    }

    private void onStatus(FrameType type, long pathId, long sequence, PathStatus status) throws ConnectionError {
        checkLimit(type, pathId);
        if (ignoredBeyondCap(type, pathId)) {
            return;
        }
        Path p = state.paths.get(pathId);
        if (ignoredAsAbandoned(type, p, pathId)) {
            return;
        }
        if (!state.rules.appliesStatus(state.paths, p, sequence)) {
            state.emit(new FrameIgnored(pathId, type, "MP-4.3-4", "status sequence number " + sequence
                    + " is not greater than the largest seen on path " + pathId));
            return;
        }
        Path path = state.paths.getOrCreate(pathId);
        path.peerStatus(new StatusRecord(status, sequence));
        state.emit(new ConnectionEvent.PeerStatusChanged(pathId, status, sequence));
        if (path.state().isUsable()) {
            state.transition(path, path.usableStateForStatus());
        }
    }

    private void onNewCid(FrameType type, long pathId, long sequence, long retirePriorTo, Bytes cid, Bytes token)
            throws ConnectionError {
        checkLimit(type, pathId);
        Path p = state.paths.get(pathId);
        if (ignoredAsAbandoned(type, p, pathId)) {
            return;
        }
        ConnectionIdEntry existing = p == null ? null : p.peerCids().get(sequence);
        if (existing != null) {
            if (state.rules.repeatsConnectionId(existing, cid, token)) {
                state.emit(new FrameIgnored(pathId, type, "MP-4.4-9",
                        "repeated connection ID " + sequence + " on path " + pathId));
                return;
            }
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "Q-19.15-3", "sequence number " + sequence
                    + " on path " + pathId + " reused for a different connection ID");
        }
        ConnectionIdEntry owner = state.paths.peerCidOwner(cid);
        if (owner != null) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "MP-3.2.1-4", "connection ID " + cid
                    + " already issued as path " + owner.pathId() + " sequence " + owner.sequence());
        }
        long oldRpt = p == null ? 0 : p.peerCids().retirePriorTo();
        long newRpt = Math.max(oldRpt, retirePriorTo);
        int active = p == null ? 0 : p.peerCids().activeCount() - p.peerCids().countBelow(newRpt);
        if (sequence >= newRpt) {
            active++;
        }
        if (state.rules.exceedsCidLimit(active, state.config.localActiveCidLimit())) {
            throw new ConnectionError(CONNECTION_ID_LIMIT_ERROR.code(), "MP-4.4-7", active
                    + " active connection IDs on path " + pathId + " exceed our limit "
                    + state.config.localActiveCidLimit());
        }
        Path path = state.paths.getOrCreate(pathId);
        List<ConnectionIdEntry> retired = path.peerCids().retireBelow(newRpt);
        state.paths.forgetPeerCids(retired);
        for (ConnectionIdEntry e : retired) {
            state.emit(new ConnectionEvent.ConnectionIdRetired(pathId, e, false));
        }
        if (sequence < newRpt) {
            // Already below Retire Prior To: retire it at once (MP-4.4-8).
            queueRetire(path, sequence);
            return;
        }
        ConnectionIdEntry entry = new ConnectionIdEntry(pathId, sequence, cid, token);
        state.paths.addPeerCid(path, entry);
        state.emit(new ConnectionEvent.ConnectionIdReceived(pathId, entry));
        // The retirement frames are queued once the new ID is in place: when Retire Prior To retired every ID
        // of the path (of the only path, say), the new ID is what lets a packet carry them (RFC 9000 §5.1.2).
        for (ConnectionIdEntry e : retired) {
            queueRetire(path, e.sequence());
        }
        while (!path.delayedResponses().isEmpty()) {
            outbox.queue(pathId, new Frame.PathResponse(path.delayedResponses().poll()));
        }
        if (state.role == io.mpqc.ref.tp.Role.SERVER && path.state() == PathState.CREATED) {
            // The client used the path before giving us an ID for it: validation could not start then
            // (openedByPeer), and the path must not carry data unvalidated (MP-3.1-4).
            lifecycle.startValidation(path);
        }
    }

    private void queueRetire(Path path, long sequence) {
        Frame frame = cids.pathFrames()
                ? new Frame.PathRetireConnectionId(path.id(), sequence)
                : new Frame.RetireConnectionId(sequence);
        long carrier = outbox.canSendOn(path) ? path.id() : outbox.controlPath(path.id());
        if (carrier >= 0) {
            outbox.queue(carrier, frame);
        }
    }

    private void onRetireCid(PacketContext ctx, FrameType type, long pathId, long sequence) throws ConnectionError {
        checkLimit(type, pathId);
        Path p = state.paths.get(pathId);
        if (ignoredAsAbandoned(type, p, pathId)) {
            return;
        }
        // A path ID without state has no IDs of ours: nothing was issued on it.
        LocalConnectionIds ours = p == null ? new LocalConnectionIds() : p.localCids();
        long highest = ours.highestIssued();
        if (state.rules.retiresUnissued(sequence, highest)) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "MP-4.5-3", type + " retires sequence " + sequence
                    + " on path " + pathId + " but the highest we issued there is " + highest);
        }
        if (state.config.closeOnRetireOfCarryingCid() && ctx.pathId() == pathId && ctx.dcidSequence() == sequence) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "MP-4.5-4",
                    "the packet's own Destination Connection ID was retired");
        }
        ConnectionIdEntry retired = ours.retire(sequence);
        if (retired == null) {
            state.emit(new FrameIgnored(pathId, type, "Q-19.16-1",
                    "sequence " + sequence + " on path " + pathId + " already retired"));
            return;
        }
        state.paths.forgetLocalCid(retired);
        state.emit(new ConnectionEvent.ConnectionIdRetired(pathId, retired, true));
        if (cids.mayIssue(p)) {
            // Replacement for a path that is still open or unused (MP-3.2.2-2, MP-4.5-5).
            cids.topUp(p);
        }
    }

    private void onMaxPathId(long maximum) throws ConnectionError {
        if (maximum > PathTable.MAX_PATH_ID_VALUE) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "MP-4.6-2", "MAX_PATH_ID " + maximum
                    + " above 2^32-1");
        }
        if (state.rules.lowersMaxPathId(maximum, state.paths.peerInitialMaxPathId())) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "MP-4.6-3", "MAX_PATH_ID " + maximum
                    + " below the peer's initial_max_path_id " + state.paths.peerInitialMaxPathId());
        }
        if (!state.rules.raisesMaxPathId(maximum, state.paths.peerMaxPathId())) {
            String why = "MAX_PATH_ID " + maximum + " does not raise the current " + state.paths.peerMaxPathId();
            state.emit(new FrameIgnored(-1, FrameType.MAX_PATH_ID, "MP-4.6-5", why));
            return;
        }
        state.paths.peerMaxPathId(maximum);
        state.emit(new ConnectionEvent.MaxPathIdChanged(false, maximum));
        cids.provision();
    }

    private void onPathsBlocked(long maximum) throws ConnectionError {
        if (state.rules.pathsBlockedAboveLimit(maximum, state.paths.localMaxPathId())) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "MP-4.7-3", "PATHS_BLOCKED at " + maximum
                    + " above our maximum " + state.paths.localMaxPathId());
        }
        // Only reported: the reference never raises its limit on request (MP-4.7-2 leaves that to the receiver).
        state.emit(maximum == state.paths.localMaxPathId() ? new ConnectionEvent.PeerPathsBlocked(-1, maximum)
                : new FrameIgnored(-1, FrameType.PATHS_BLOCKED, "MP-4.7-2", "older limit " + maximum));
    }

    private void onPathCidsBlocked(long pathId, long nextSequence) throws ConnectionError {
        checkLimit(FrameType.PATH_CIDS_BLOCKED, pathId);
        Path p = state.paths.get(pathId);
        if (ignoredAsAbandoned(FrameType.PATH_CIDS_BLOCKED, p, pathId)) {
            return;
        }
        long ourNext = p == null ? 0 : p.localCids().nextSequence();
        if (state.rules.cidsBlockedBeyondIssued(nextSequence, ourNext)) {
            throw new ConnectionError(PROTOCOL_VIOLATION.code(), "MP-4.7-4", "PATH_CIDS_BLOCKED expects sequence "
                    + nextSequence + " on path " + pathId + " but we would issue " + ourNext + " next");
        }
        state.emit(new ConnectionEvent.PeerCidsBlocked(pathId, nextSequence));
        if (nextSequence == ourNext && pathId <= state.paths.peerMaxPathId()) {
            cids.issueOnRequest(state.paths.getOrCreate(pathId));
        }
    }

    private void onPathChallenge(Path path, long data) {
        if (path.peerCids().activeCount() == 0) {
            // No connection ID to answer with on this path ID. An abandoned path never gets one again (its IDs
            // were retired, new ones are ignored), and answering would revive it (MP-4-4); otherwise the
            // response waits for one (MP-3.1-9).
            if (path.state().isEnding()) {
                String why = "path " + path.id() + " is " + path.state();
                state.emit(new FrameIgnored(path.id(), FrameType.PATH_CHALLENGE, "MP-4-4", why));
            } else {
                path.delayResponse(data);
            }
            return;
        }
        // PATH_RESPONSE goes back on the challenge's own path ID (MP-3.1-5).
        outbox.queue(state.rules.responsePath(path), new Frame.PathResponse(data));
    }

    private void onPathResponse(Path path, long data) {
        if (path.state() != PathState.VALIDATING || path.challengeData() != data) {
            String why = "no matching challenge outstanding on path " + path.id() + " (" + path.state() + ")";
            state.emit(new FrameIgnored(path.id(), FrameType.PATH_RESPONSE, "Q-8.2-3", why));
            return;
        }
        lifecycle.validated(path);
    }
}
