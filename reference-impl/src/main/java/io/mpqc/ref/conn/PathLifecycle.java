package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.Path;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.recovery.SentPacket;
import java.util.List;

/**
 * Opening, validating, abandoning and freeing paths, and the timers that drive them (draft-21 §3.1 and
 * §3.4): validation gives up after 3 PTO; a closing path keeps its state 3 PTO after the PATH_ABANDON
 * exchange, then is freed and its unacknowledged packets are reported lost; losing the last open path
 * closes the connection after a grace period.
 */
final class PathLifecycle {
    private final ConnectionState state;
    private final Outbox outbox;

    PathLifecycle(ConnectionState state, Outbox outbox) {
        this.state = state;
        this.outbox = outbox;
    }

    /** A packet arrived on a path ID not used before: the peer opened it (no implicit migration). */
    void openedByPeer(Path path) {
        state.transition(path, PathState.CREATED);
        state.lastPathDeadline = -1;
        if (state.role == io.mpqc.ref.tp.Role.SERVER && path.peerCids().activeCount() > 0) {
            // The server validates the client's address before sending data on the path (draft-21 §3.1).
            startValidation(path);
        }
    }

    /** Sends PATH_CHALLENGE on the path and waits for the matching PATH_RESPONSE. */
    void startValidation(Path path) {
        long data = state.random.nextLong();
        path.challenge(data, state.now);
        outbox.queue(path.id(), new Frame.PathChallenge(data));
        state.transition(path, PathState.VALIDATING);
    }

    void validated(Path path) {
        path.clearChallenge();
        state.transition(path, path.usableStateForStatus());
    }

    /**
     * We abandon a path: the peer's CIDs for it count as retired at once and nothing more is sent on it;
     * the PATH_ABANDON goes on another path where one exists (draft-21 §3.4, RECOMMENDED).
     */
    void abandonLocally(Path path, long errorCode) {
        // The carrier is chosen before the path's CIDs go: the last path may still carry its own abandon.
        long carrier = outbox.controlPath(path.id());
        retirePeerCids(path);
        path.abandonSentAt(state.now);
        rerouteQueued(path, carrier);
        if (carrier >= 0) {
            outbox.queue(carrier, new Frame.PathAbandon(path.id(), errorCode));
        }
        state.transition(path, PathState.CLOSING);
        state.emit(new ConnectionEvent.PathAbandoned(path.id(), errorCode, false));
        // Our PATH_ABANDON may go unanswered: the connection waits 3 PTO for the answer (MP-3.4-8, SHOULD).
        checkLastPath(3);
    }

    /** The peer abandoned a path: reply with our own PATH_ABANDON unless we sent one (draft-21 §3.4 MUST). */
    void abandonedByPeer(Path path, long errorCode) {
        path.abandonReceivedAt(state.now);
        long carrier = outbox.controlPath(path.id());
        retirePeerCids(path);
        if (state.rules.answersAbandon(path)) {
            path.abandonSentAt(state.now);
            rerouteQueued(path, carrier);
            if (carrier >= 0) {
                outbox.queue(carrier, new Frame.PathAbandon(path.id(), TransportError.NO_ERROR.code()));
            }
        }
        state.transition(path, PathState.CLOSING);
        state.emit(new ConnectionEvent.PathAbandoned(path.id(), errorCode, true));
        // The peer took our last path: a client may open another meanwhile, a server waits about a PTO (MP-3.4-10).
        checkLastPath(1);
    }

    /**
     * Nothing more is sent on a path once we sent PATH_ABANDON for it (draft-21 §3.4, MP-3.4-2), not even
     * what was queued for it before: PATH_CHALLENGE and PATH_RESPONSE belong to the path and are dropped,
     * other frames move to {@code carrier}, or wait for any path when there is none. When the path is the
     * only one left and carries its own PATH_ABANDON, what waits for it goes in the same packet.
     */
    private void rerouteQueued(Path path, long carrier) {
        if (carrier == path.id()) {
            return;
        }
        for (Frame f : outbox.dropQueued(path.id())) {
            boolean pathBound = f.type() == FrameType.PATH_CHALLENGE || f.type() == FrameType.PATH_RESPONSE;
            if (!pathBound) {
                outbox.queue(carrier, f); // ANY_PATH when no path can carry it yet
            }
        }
    }

    private void retirePeerCids(Path path) {
        List<ConnectionIdEntry> removed = path.peerCids().clear();
        state.paths.forgetPeerCids(removed);
        for (ConnectionIdEntry e : removed) {
            state.emit(new ConnectionEvent.ConnectionIdRetired(path.id(), e, false));
        }
    }

    /**
     * With multipath, no open path left means the connection ends after the grace period: the configured one,
     * or {@code ptos} times the largest PTO.
     */
    private void checkLastPath(int ptos) {
        if (!state.multipath || !state.paths.open().isEmpty()) {
            return;
        }
        long grace = state.config.lastPathGraceMicros() >= 0 ? state.config.lastPathGraceMicros()
                : ptos * state.largestPto();
        if (grace == 0) {
            state.closeWith(TransportError.NO_ERROR.code(), 0, "no open path left", false);
        } else if (state.lastPathDeadline == -1) {
            state.lastPathDeadline = state.now + grace;
        }
    }

    /** Runs every timer due at the current time. */
    void onTick() {
        for (Path path : List.copyOf(state.paths.all())) {
            if (state.isClosed()) {
                return;
            }
            long threePto = 3 * state.pto(path);
            if (path.state() == PathState.VALIDATING && state.now >= path.challengeSentAt() + threePto) {
                path.clearChallenge();
                state.transition(path, PathState.FAILED);
                state.emit(new ConnectionEvent.PathValidationFailed(path.id()));
                // A consumed path ID is closed explicitly, even after failed validation (draft-21 §3.1).
                abandonLocally(path, TransportError.NO_ERROR.code());
            } else if (path.state() == PathState.CLOSING && state.now >= freeAt(path, threePto)) {
                free(path);
            }
        }
        // A path that opens in the meantime clears the deadline (openPath, openedByPeer).
        if (!state.isClosed() && state.lastPathDeadline != -1 && state.now >= state.lastPathDeadline) {
            state.closeWith(TransportError.NO_ERROR.code(), 0, "no open path left", false);
            state.lastPathDeadline = -1;
        }
    }

    /** 3 PTO after the later of our PATH_ABANDON and the peer's (draft-21 §3.4 SHOULD keep state that long). */
    private static long freeAt(Path path, long threePto) {
        return Math.max(path.abandonSentAt(), path.abandonReceivedAt()) + threePto;
    }

    /** Deletes a closing path's state; its unacknowledged packets are lost and their frames reinjected. */
    private void free(Path path) {
        List<SentPacket> lost = path.sent().drainInFlight();
        for (ConnectionIdEntry e : path.localCids().clear()) {
            state.paths.forgetLocalCid(e);
            state.emit(new ConnectionEvent.ConnectionIdRetired(path.id(), e, true));
        }
        // Frames still waiting for the path (the last path carrying its own PATH_ABANDON) were never sent.
        List<Frame> unsent = outbox.dropQueued(path.id());
        state.transition(path, PathState.CLOSED);
        state.emit(new ConnectionEvent.PathFreed(path.id(), lost));
        reinject(path.id(), lost, unsent);
    }

    /**
     * Control frames lost with a freed path, or still waiting for it, go out on another path if they still
     * matter (draft-21 §3.4.3); dropping unsent ones would lose CID announcements and PATH_ABANDON for good.
     */
    private void reinject(long freedPathId, List<SentPacket> lost, List<Frame> unsent) {
        long carrier = outbox.controlPath(freedPathId); // ANY_PATH when there is none now: they wait for one
        for (SentPacket p : lost) {
            for (Frame f : p.frames()) {
                if (worthResending(f)) {
                    outbox.queue(carrier, f);
                }
            }
        }
        for (Frame f : unsent) {
            if (worthResending(f)) {
                outbox.queue(carrier, f);
            }
        }
    }

    private boolean worthResending(Frame f) {
        FrameType t = f.type();
        if (!t.isAckEliciting() || t == FrameType.PING || t == FrameType.PATH_CHALLENGE
                || t == FrameType.PATH_RESPONSE) {
            return false;
        }
        // A status or connection ID for a path that is being abandoned (the freed one or any other) is moot
        // and must not be announced again (MP-3.4-9); PATH_ABANDON itself still matters to the peer.
        long about = f instanceof Frame.PathStatusAvailable s ? s.pathId()
                : f instanceof Frame.PathStatusBackup b ? b.pathId()
                : f instanceof Frame.PathNewConnectionId n ? n.pathId() : -1;
        return about < 0 || !ending(about);
    }

    private boolean ending(long pathId) {
        Path p = state.paths.get(pathId);
        return p == null || p.state().isEnding();
    }
}
