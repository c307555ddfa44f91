package io.mpqc.conformance.target;

import io.mpqc.ref.conn.CommandRejectedException;
import io.mpqc.ref.conn.ConnectionConfig;
import io.mpqc.ref.conn.MultipathConnection;
import io.mpqc.ref.conn.OutgoingPacket;
import io.mpqc.ref.conn.PacketContext;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.PathView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One reference connection driven as an endpoint session; the suite's packet numbers count per path. */
final class ReferenceSession implements Session {
    private final MultipathConnection connection;
    private final Reaction initial;
    private final java.util.Map<Long, Long> nextPacketNumber = new java.util.HashMap<>();
    private boolean closeReported;

    ReferenceSession(SessionSpec spec) {
        this(new MultipathConnection(configFor(spec)));
    }

    /** A session of a mutant: the reference with deliberate bugs. */
    ReferenceSession(SessionSpec spec, java.util.Set<io.mpqc.ref.conn.SeededBug> bugs) {
        this(new MultipathConnection(configFor(spec), null, bugs));
    }

    ReferenceSession(MultipathConnection connection) {
        this.connection = connection;
        this.initial = reaction(null);
    }

    /** The connection settings a session spec stands for. */
    static ConnectionConfig configFor(SessionSpec spec) {
        return ConnectionConfig.builder(spec.targetRole())
                .dialect(spec.dialect())
                .localMaxPathId(spec.targetMaxPathId())
                .peerMaxPathId(spec.testerMaxPathId())
                .localActiveCidLimit(spec.targetActiveCidLimit())
                .peerActiveCidLimit(spec.testerActiveCidLimit())
                .build();
    }

    @Override
    public Reaction initial() {
        return initial;
    }

    @Override
    public Reaction receive(PacketType type, long pathId, List<Frame> frames) {
        long pn = -1;
        if (type == PacketType.ONE_RTT || type == PacketType.ZERO_RTT) {
            pn = nextPacketNumber.merge(pathId, 1L, Long::sum) - 1;
        }
        connection.receive(new PacketContext(type, pathId, pn, -1, null), frames);
        return reaction(null);
    }

    @Override
    public Reaction advance(long micros) {
        connection.tick(connection.now() + micros);
        return reaction(null);
    }

    @Override
    public Reaction command(Command command) {
        try {
            if (command instanceof Command.OpenPath) {
                connection.openPath();
            } else if (command instanceof Command.AbandonPath a) {
                connection.abandonPath(a.pathId(), a.errorCode());
            } else if (command instanceof Command.SetStatus s) {
                connection.setLocalStatus(s.pathId(), s.status());
            } else if (command instanceof Command.RaiseMaxPathId r) {
                connection.raiseMaxPathId(r.maximum());
            } else if (command instanceof Command.IssueConnectionIds i) {
                connection.issueConnectionIds(i.pathId(), i.count());
            } else if (command instanceof Command.Close c) {
                connection.close(c.errorCode(), c.reason());
            }
        } catch (CommandRejectedException e) {
            return reaction(e.getMessage());
        }
        return reaction(null);
    }

    @Override
    public Optional<PeerStatus> peerStatus(long pathId) {
        PathView p = connection.path(pathId);
        if (p == null || p.peerStatus().sequence() < 0) {
            return Optional.empty();
        }
        return Optional.of(new PeerStatus(p.peerStatus().status(), p.peerStatus().sequence()));
    }

    @Override
    public long ptoMicros(long pathId) {
        return connection.pto(pathId);
    }

    private Reaction reaction(String refused) {
        List<SentFrame> sent = new ArrayList<>();
        for (OutgoingPacket p : connection.drain()) {
            for (Frame f : p.frames()) {
                sent.add(new SentFrame(p.pathId(), f, p.packetNumber()));
            }
        }
        CloseInfo close = null;
        if (!closeReported && connection.closeReason().isPresent() && !connection.closeReason().get().byPeer()) {
            closeReported = true;
            close = new CloseInfo(connection.closeReason().get().errorCode(), connection.closeReason().get().reason());
        }
        return new Reaction(sent, close, refused);
    }

    @Override
    public void close() {
        // The connection is garbage once the session is dropped.
    }
}
