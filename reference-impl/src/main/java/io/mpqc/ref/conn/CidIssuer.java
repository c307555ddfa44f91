package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.Path;

/**
 * Issues our connection IDs: proactively at least one for every path ID both sides allow (draft-21
 * §3.2.1 RECOMMENDED, lowest IDs first, capped by {@link ConnectionConfig#provisionedPaths()}), and
 * replacements after a retirement. Never for a path ID above the peer's limit (MUST NOT) and never more
 * per path than the peer's active_connection_id_limit.
 */
final class CidIssuer {
    private final ConnectionState state;
    private final Outbox outbox;

    CidIssuer(ConnectionState state, Outbox outbox) {
        this.state = state;
        this.outbox = outbox;
    }

    /** Our handshake connection ID: path 0, sequence 0, not announced in any frame. */
    void registerHandshakeCid(Path path0) {
        Bytes token = randomBytes(16);
        state.paths.addLocalCid(path0, new ConnectionIdEntry(0, 0, state.config.localInitialCid(), token));
    }

    /** Tops up every path ID from 0 up to the lower of both limits and the provisioning cap. */
    void provision() {
        // Without PATH_NEW_CONNECTION_ID there is one space of connection IDs: path 0's.
        long top = pathFrames() ? Math.min(state.paths.localMaxPathId(), state.paths.peerMaxPathId()) : 0;
        top = Math.min(top, state.config.provisionedPaths() - 1L);
        for (long id = 0; id <= top; id++) {
            Path p = state.paths.getOrCreate(id);
            if (!p.state().isEnding()) {
                topUp(p);
            }
        }
    }

    /** Issues IDs on {@code path} until it holds the target number, if a path can carry the announcements. */
    void topUp(Path path) {
        long carrier = outbox.controlPath(-1);
        if (carrier < 0) {
            return;
        }
        int target = Math.min(state.config.cidsPerPath(), state.config.peerActiveCidLimit());
        while (path.localCids().activeCount() < target) {
            issue(path, carrier);
        }
    }

    /** One more ID on {@code path}, as the peer's PATH_CIDS_BLOCKED asks, if it may be issued and announced now. */
    void issueOnRequest(Path path) {
        long carrier = outbox.controlPath(-1);
        if (carrier >= 0 && mayIssue(path)) {
            issue(path, carrier);
        }
    }

    /**
     * Whether one more ID may be issued on {@code path} now. Callers only ask for path IDs within the peer's
     * limit: IDs are issued on no other, and the limit never goes down.
     */
    boolean mayIssue(Path path) {
        return !path.state().isEnding() && path.localCids().activeCount() < state.config.peerActiveCidLimit();
    }

    /**
     * Issues one new ID on {@code path} and queues the frame announcing it on {@code carrier}. Callers issue
     * nothing when no path can carry the announcement: an ID the peer never hears of would only use up its
     * active_connection_id_limit and leave a gap in the sequence numbers it sees (draft-21 §3.2).
     */
    void issue(Path path, long carrier) {
        Bytes cid;
        do {
            cid = randomBytes(8);
        } while (state.paths.isLocalCidInUse(cid) || cid.equals(state.config.peerInitialCid()));
        long seq = state.rules.nextCidSequence(state.paths, path);
        ConnectionIdEntry entry = new ConnectionIdEntry(path.id(), seq, cid, randomBytes(16));
        state.paths.addLocalCid(path, entry);
        Frame frame = pathFrames()
                ? new Frame.PathNewConnectionId(path.id(), seq, 0, cid, entry.resetToken())
                : new Frame.NewConnectionId(seq, 0, cid, entry.resetToken());
        outbox.queue(carrier, frame);
        state.emit(new ConnectionEvent.ConnectionIdIssued(path.id(), entry));
    }

    /** Whether CIDs travel in PATH_NEW_CONNECTION_ID (draft-07 on, when negotiated) or NEW_CONNECTION_ID. */
    boolean pathFrames() {
        return state.multipath && state.dialect.supports(FrameType.PATH_NEW_CONNECTION_ID);
    }

    private Bytes randomBytes(int n) {
        byte[] b = new byte[n];
        state.random.nextBytes(b);
        return Bytes.of(b);
    }
}
