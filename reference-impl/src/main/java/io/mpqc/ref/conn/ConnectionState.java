package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.path.Path;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathTable;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The state one connection core shares between its parts (frame processing, path lifecycle, CID issuing,
 * the outbox). Confined to the connection's thread like the rest of the core.
 */
final class ConnectionState {
    final ConnectionConfig config;
    /** The decisions a seeded bug can alter: draft-21's for the reference. */
    final ConnectionRules rules;
    final Dialect dialect;
    final Role role;
    final boolean multipath;
    final PathTable paths;
    final SplittableRandom random;
    // Replaced on change rather than copied per event: emitting stays allocation-free without listeners.
    private ConnectionListener[] listeners;
    long now;
    CloseReason close;
    /** Set when we closed: what answers the peer's packets until the closing state ends; null when draining. */
    ClosingPeriod closing;
    /** When the connection closes for lack of an open path, or -1. */
    long lastPathDeadline = -1;
    /** draft-06 senders number status frames across the whole connection (drafts up to -10). */
    long connectionWideStatusSequence;

    ConnectionState(ConnectionConfig config, ConnectionRules rules, ConnectionListener listener) {
        this.rules = rules;
        this.listeners = listener == null ? new ConnectionListener[0] : new ConnectionListener[] {listener};
        this.config = config;
        this.dialect = config.dialect();
        this.role = config.role();
        this.multipath = config.multipathNegotiated();
        long localMax = multipath ? config.localMaxPathId() : 0;
        long peerMax = multipath ? config.peerMaxPathId() : 0;
        this.paths = new PathTable(localMax, peerMax, config.initialRttMicros());
        this.random = new SplittableRandom(config.seed());
    }

    void addListener(ConnectionListener l) {
        List<ConnectionListener> next = new ArrayList<>(List.of(listeners));
        next.add(l);
        listeners = next.toArray(new ConnectionListener[0]);
    }

    void removeListener(ConnectionListener l) {
        List<ConnectionListener> next = new ArrayList<>(List.of(listeners));
        next.remove(l);
        listeners = next.toArray(new ConnectionListener[0]);
    }

    void emit(ConnectionEvent event) {
        for (ConnectionListener l : listeners) {
            l.onEvent(now, event);
        }
    }

    boolean isClosed() {
        return close != null;
    }

    /**
     * Records the one and only close of the connection. Only an open connection is closed: every input
     * (packet, tick, command) stops at a closed one, and each closing step checks again before the next.
     */
    void closeWith(long code, long frameType, String reason, boolean byPeer) {
        close = new CloseReason(code, frameType, reason, byPeer);
        if (!byPeer) {
            // A closing state lasts at least 3 PTO of the slowest path (draft-21 §2.6, RFC 9000 §10.2).
            closing = new ClosingPeriod(code, frameType, reason, now + 3 * largestPto());
        }
        emit(new ConnectionEvent.ConnectionClosed(-1, close));
    }

    void transition(Path path, PathState to) {
        PathState from = path.state();
        if (from != to) {
            path.become(to);
            emit(new ConnectionEvent.PathStateChanged(path.id(), from, to));
        }
    }

    long pto(Path path) {
        return path.rtt().pto(config.maxAckDelayMicros());
    }

    /** The largest PTO among the paths still open, at least path 0's. */
    long largestPto() {
        long max = pto(paths.getOrCreate(0));
        for (Path p : paths.open()) {
            max = Math.max(max, pto(p));
        }
        return max;
    }
}
