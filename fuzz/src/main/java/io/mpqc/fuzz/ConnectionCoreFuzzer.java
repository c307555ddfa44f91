package io.mpqc.fuzz;

import io.mpqc.conformance.target.Command;
import io.mpqc.ref.conn.CloseReason;
import io.mpqc.ref.conn.CommandRejectedException;
import io.mpqc.ref.conn.ConnectionConfig;
import io.mpqc.ref.conn.ConnectionSnapshot;
import io.mpqc.ref.conn.MultipathConnection;
import io.mpqc.ref.conn.OutgoingPacket;
import io.mpqc.ref.conn.PacketContext;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.frame.Varint;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference connection core ({@link MultipathConnection}) driven by a fuzzed peer: the input is a
 * session setup followed by stimuli (see {@link StimulusGenerator}): packets of any type on any path
 * carrying frames of every kind with fuzzed fields, clock advances, local commands (open, abandon, set
 * status, issue CIDs, raise MAX_PATH_ID, close) and drains of what the connection sends.
 *
 * <p>After every step these invariants must hold (else a {@link Finding}):
 * <ul>
 *   <li>no exception escapes, except {@link CommandRejectedException} from a command, and a rejected
 *       command changes nothing (the snapshot before equals the snapshot after);</li>
 *   <li>a path ID, once it has state, keeps it; once abandoned, failed or freed it never becomes usable
 *       again (path IDs are never reused), once freed it stays freed; a closing or freed path holds no
 *       connection ID of the peer and a freed one none of ours;</li>
 *   <li>every path ID is at most the larger of both limits (2^32-1 at most); without multipath only path 0
 *       exists;</li>
 *   <li>the status sequence numbers of each path (the peer's and ours) only grow, and the peer's status
 *       changes only with its sequence number;</li>
 *   <li>per path at most active_connection_id_limit CIDs of each side, none of the peer's below its
 *       Retire Prior To; CID values unique across paths on each side;</li>
 *   <li>what is sent: only frames the dialect has (no multipath frame without multipath), only on a path
 *       we hold a CID of the peer for, PATH_NEW_CONNECTION_ID and status frames only for path IDs the peer
 *       allows, a CID sequence number of a path never announced with two different values;</li>
 *   <li>a closed connection stays closed with the same reason, receives and ticks change nothing, and
 *       after one drain it sends nothing more; every close we make has a known error code (transport,
 *       the dialect's multipath codes, the configured not-negotiated code or the application's own), a
 *       close by the peer has the code of a CONNECTION_CLOSE of the packet just received;</li>
 *   <li>memory stays bounded: the number of paths and of frames waiting grow at most linearly with the
 *       input.</li>
 * </ul>
 */
public final class ConnectionCoreFuzzer {
    private static final Dialect[] DIALECTS = Dialect.values();

    private ConnectionCoreFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        new Run(new FuzzInput(data)).run();
    }

    /** One fuzzed session and the invariant checker's memory of it. */
    private static final class Run {
        private final StimulusGenerator gen;
        private final ConnectionConfig config;
        private final MultipathConnection conn;
        private final List<Stimulus> trace = new ArrayList<>();
        private final Map<Long, Long> nextPn = new HashMap<>();
        private final Map<Long, Long> lastChallenge = new HashMap<>();
        private final Set<Long> ending = new HashSet<>();
        private final Set<Long> freed = new HashSet<>();
        private final Map<String, Bytes> announcedCids = new HashMap<>();
        private ConnectionSnapshot prev;
        private CloseReason closed;
        private boolean drainedAfterClose;
        private long appCloseCode = -1;
        private long pathAllowance;
        private long frameAllowance;

        Run(FuzzInput data) {
            gen = new StimulusGenerator(data, DIALECTS, true);
            StimulusGenerator.Setup s = gen.setup();
            config = ConnectionConfig.builder(s.targetRole())
                    .dialect(s.dialect())
                    .localMaxPathId(s.targetMaxPathId())
                    .peerMaxPathId(s.testerMaxPathId())
                    .localActiveCidLimit(s.targetActiveCidLimit())
                    .peerActiveCidLimit(s.testerActiveCidLimit())
                    .cidsPerPath(s.cidsPerPath())
                    .provisionedPaths(s.provisionedPaths())
                    .lastPathGraceMicros(s.lastPathGraceMicros())
                    .closeOnRetireOfCarryingCid(s.closeOnRetireOfCarryingCid())
                    .notNegotiatedError(s.notNegotiatedIsProtocolViolation() ? TransportError.PROTOCOL_VIOLATION.code()
                            : TransportError.FRAME_ENCODING_ERROR.code())
                    .seed(s.seed())
                    .build();
            try {
                conn = new MultipathConnection(config);
            } catch (RuntimeException e) {
                throw new Finding("the connection core cannot start with " + config, e);
            }
            pathAllowance = config.provisionedPaths() + 2L;
            frameAllowance = 8L * (config.provisionedPaths() + 1) * (config.cidsPerPath() + 1) + 16;
        }

        void run() {
            prev = snapshot();
            checkState(prev, null);
            Stimulus s;
            while ((s = gen.next()) != null) {
                trace.add(s);
                step(s);
            }
            trace.add(new Stimulus.Drain());
            step(new Stimulus.Drain());
        }

        private void step(Stimulus s) {
            ConnectionSnapshot before = prev;
            boolean wasClosed = conn.isClosed();
            List<Frame> receivedCloses = List.of();
            pathAllowance += 2;
            frameAllowance += 16;
            try {
                if (s instanceof Stimulus.Receive r) {
                    List<Frame> frames = resolve(r);
                    receivedCloses = frames.stream().filter(f -> f.type() == FrameType.CONNECTION_CLOSE
                            || f.type() == FrameType.CONNECTION_CLOSE_APP).toList();
                    pathAllowance += frames.size();
                    frameAllowance += 8L * frames.size() + 2L * config.localActiveCidLimit();
                    long pn = r.packetNumber();
                    if (pn == -2) {
                        pn = nextPn.merge(r.pathId(), 1L, Long::sum) - 1;
                    }
                    conn.receive(new PacketContext(r.type(), r.pathId(), pn, r.dcidSequence(), null), frames);
                } else if (s instanceof Stimulus.Advance a) {
                    conn.tick(conn.now() + a.micros());
                } else if (s instanceof Stimulus.Local l) {
                    pathAllowance += config.provisionedPaths();
                    frameAllowance += 4L * config.provisionedPaths() * config.cidsPerPath() + 8;
                    command(l.command());
                } else if (s instanceof Stimulus.Close c) {
                    try {
                        conn.close(c.errorCode(), c.reason());
                        appCloseCode = c.errorCode();
                    } catch (CommandRejectedException e) {
                        unchangedAfterRejection(before, e);
                    }
                } else if (s instanceof Stimulus.Drain) {
                    drain(before, wasClosed);
                }
            } catch (Finding f) {
                throw f;
            } catch (RuntimeException | StackOverflowError e) {
                throw finding("an exception escaped the connection core: " + e, e);
            }
            ConnectionSnapshot now = snapshot();
            if (wasClosed && !(s instanceof Stimulus.Drain) && !withoutCloses(now).equals(withoutCloses(before))) {
                throw finding("a closed connection changed on " + s);
            }
            checkState(now, before);
            checkClose(now, wasClosed, receivedCloses);
            prev = now;
        }

        /** The snapshot without the CONNECTION_CLOSE frames a closing connection queues again (RFC 9000 §10.2.1). */
        private static ConnectionSnapshot withoutCloses(ConnectionSnapshot s) {
            Map<Long, List<Frame>> queued = new HashMap<>();
            s.queued().forEach((path, frames) -> {
                List<Frame> rest = frames.stream().filter(f -> !(f instanceof Frame.ConnectionClose)).toList();
                if (!rest.isEmpty()) {
                    queued.put(path, rest);
                }
            });
            return new ConnectionSnapshot(s.multipath(), s.localMaxPathId(), s.peerMaxPathId(), s.paths(), queued,
                    s.close(), s.lastPathDeadline());
        }

        /** Nothing, or only the CONNECTION_CLOSE of a close that was ours (a draining connection sends nothing). */
        private static boolean onlyOurClose(List<OutgoingPacket> packets, CloseReason close) {
            return packets.stream().flatMap(p -> p.frames().stream()).allMatch(f -> close != null && !close.byPeer()
                    && f instanceof Frame.ConnectionClose c && c.errorCode() == close.errorCode());
        }

        private List<Frame> resolve(Stimulus.Receive r) {
            List<Frame> out = new ArrayList<>(r.frames().size());
            for (Stimulus.FrameSpec spec : r.frames()) {
                if (spec instanceof Stimulus.Fixed f) {
                    out.add(f.frame());
                } else if (spec instanceof Stimulus.EchoChallenge e) {
                    out.add(new Frame.PathResponse(lastChallenge.getOrDefault(e.challengePath(), 0L)));
                }
            }
            return out;
        }

        private void command(Command c) {
            ConnectionSnapshot before = prev;
            try {
                if (c instanceof Command.OpenPath) {
                    conn.openPath();
                } else if (c instanceof Command.AbandonPath a) {
                    conn.abandonPath(a.pathId(), a.errorCode());
                } else if (c instanceof Command.SetStatus st) {
                    conn.setLocalStatus(st.pathId(), st.status());
                } else if (c instanceof Command.RaiseMaxPathId m) {
                    conn.raiseMaxPathId(m.maximum());
                } else if (c instanceof Command.IssueConnectionIds i) {
                    conn.issueConnectionIds(i.pathId(), i.count());
                }
            } catch (CommandRejectedException e) {
                unchangedAfterRejection(before, e);
            }
        }

        private void unchangedAfterRejection(ConnectionSnapshot before, CommandRejectedException e) {
            ConnectionSnapshot after = snapshot();
            if (!after.equals(before)) {
                throw finding("a rejected command changed the connection (" + e.getMessage() + "): before "
                        + before + ", after " + after);
            }
        }

        private void drain(ConnectionSnapshot before, boolean wasClosed) {
            List<OutgoingPacket> packets = conn.drain();
            if (wasClosed && drainedAfterClose && !onlyOurClose(packets, before.close())) {
                throw finding("a closed connection sent " + packets + " after its final drain, other than its own "
                        + "CONNECTION_CLOSE while closing (" + before.close() + ")");
            }
            if (wasClosed) {
                drainedAfterClose = true;
            }
            long peerMax = before.peerMaxPathId();
            for (OutgoingPacket p : packets) {
                PathView path = before.path(p.pathId());
                // The one exception: a path that we just abandoned and whose peer CIDs we retired at once
                // carries its own PATH_ABANDON when no other path can (the last path).
                boolean ownAbandon = path != null && path.abandonSent() && p.frames().stream()
                        .anyMatch(f -> f instanceof Frame.PathAbandon a && a.pathId() == p.pathId());
                if (path == null || path.peerCids().isEmpty() && !ownAbandon) {
                    throw finding("a packet went out on path " + p.pathId() + " without a connection ID of the peer"
                            + " for it: " + p + " (path " + path + ")");
                }
                for (Frame f : p.frames()) {
                    FrameType t = f.type();
                    if (!config.dialect().supports(t)) {
                        throw finding("sent " + t + ", which " + config.dialect().id() + " does not have");
                    }
                    if (t.isMultipath() && !conn.multipathNegotiated()) {
                        throw finding("sent " + f + " without multipath negotiated");
                    }
                    if (f instanceof Frame.PathNewConnectionId n) {
                        if (n.pathId() > peerMax) {
                            throw finding("issued " + f + " for a path ID above the peer's limit " + peerMax);
                        }
                        announced(n.pathId(), n.sequence(), n.connectionId(), f);
                    } else if (f instanceof Frame.NewConnectionId n) {
                        announced(0, n.sequence(), n.connectionId(), f);
                    } else if (f instanceof Frame.PathStatusAvailable a && a.pathId() > peerMax
                            || f instanceof Frame.PathStatusBackup b && b.pathId() > peerMax) {
                        throw finding("sent " + f + " for a path ID above the peer's limit " + peerMax);
                    } else if (f instanceof Frame.MaxPathId m && m.maximum() > FrameGenerator.MAX_PATH_ID) {
                        throw finding("sent " + f + " above 2^32-1");
                    } else if (f instanceof Frame.PathChallenge c) {
                        lastChallenge.put(p.pathId(), c.data());
                    }
                }
            }
        }

        private void announced(long pathId, long seq, Bytes cid, Frame f) {
            Bytes old = announcedCids.putIfAbsent(pathId + "/" + seq, cid);
            if (old != null && !old.equals(cid)) {
                throw finding("sequence " + seq + " of path " + pathId + " announced as " + old + " and then " + f);
            }
        }

        private ConnectionSnapshot snapshot() {
            try {
                return conn.snapshot();
            } catch (RuntimeException e) {
                throw finding("snapshot() threw " + e, e);
            }
        }

        private void checkState(ConnectionSnapshot now, ConnectionSnapshot before) {
            long maxId = Math.max(now.localMaxPathId(), now.peerMaxPathId());
            if (!now.multipath() && (now.paths().size() != 1 || now.paths().get(0).pathId() != 0)) {
                throw finding("without multipath the connection holds paths " + ids(now));
            }
            if (now.paths().size() > pathAllowance) {
                throw finding(now.paths().size() + " paths after " + trace.size() + " steps: " + ids(now));
            }
            long queued = now.queued().values().stream().mapToLong(List::size).sum();
            if (queued > frameAllowance) {
                throw finding(queued + " frames waiting after " + trace.size() + " steps: " + now.queued());
            }
            if (before != null) {
                if (now.localMaxPathId() < before.localMaxPathId() || now.peerMaxPathId() < before.peerMaxPathId()) {
                    throw finding("a path ID limit went down: " + before.localMaxPathId() + "/" + before.peerMaxPathId()
                            + " -> " + now.localMaxPathId() + "/" + now.peerMaxPathId());
                }
                for (PathView b : before.paths()) {
                    if (now.path(b.pathId()) == null) {
                        throw finding("path " + b.pathId() + " lost its state (its ID could be reused)");
                    }
                }
            }
            Set<Bytes> local = new HashSet<>();
            Set<Bytes> peer = new HashSet<>();
            for (PathView p : now.paths()) {
                long id = p.pathId();
                if (id < 0 || id > FrameGenerator.MAX_PATH_ID || id > Math.max(maxId, 0)) {
                    throw finding("path " + id + " exists but the limits are " + now.localMaxPathId() + " (ours) and "
                            + now.peerMaxPathId() + " (peer's)");
                }
                PathState st = p.state();
                if (ending.contains(id) && !st.isEnding()) {
                    throw finding("path " + id + " was abandoned and is " + st + " again (path ID reused)");
                }
                if (freed.contains(id) && st != PathState.CLOSED) {
                    throw finding("path " + id + " was freed and is " + st + " again");
                }
                if (st.isEnding()) {
                    ending.add(id);
                }
                if (st == PathState.CLOSED) {
                    freed.add(id);
                    if (!p.localCids().isEmpty()) {
                        throw finding("freed path " + id + " still holds our CIDs " + p.localCids());
                    }
                }
                if ((st == PathState.CLOSING || st == PathState.CLOSED) && !p.peerCids().isEmpty()) {
                    throw finding("abandoned path " + id + " (" + st + ") still holds the peer's CIDs " + p.peerCids());
                }
                PathView b = before == null ? null : before.path(id);
                if (b != null) {
                    if (p.peerStatus().sequence() < b.peerStatus().sequence()
                            || p.localStatus().sequence() < b.localStatus().sequence()) {
                        throw finding("a status sequence number of path " + id + " went down: peer "
                                + b.peerStatus() + " -> " + p.peerStatus() + ", ours " + b.localStatus() + " -> "
                                + p.localStatus());
                    }
                    if (p.peerStatus().sequence() == b.peerStatus().sequence()
                            && p.peerStatus().status() != b.peerStatus().status()) {
                        throw finding("the peer's status of path " + id + " changed without a new sequence number: "
                                + b.peerStatus() + " -> " + p.peerStatus());
                    }
                    if (p.nextLocalCidSequence() < b.nextLocalCidSequence()) {
                        throw finding("our next CID sequence of path " + id + " went down");
                    }
                }
                if (p.peerCids().size() > config.localActiveCidLimit()) {
                    throw finding("path " + id + " holds " + p.peerCids().size() + " CIDs of the peer, our limit is "
                            + config.localActiveCidLimit() + ": " + p.peerCids());
                }
                if (p.localCids().size() > config.peerActiveCidLimit()) {
                    throw finding("path " + id + " has " + p.localCids().size() + " of our CIDs active, the peer's"
                            + " limit is " + config.peerActiveCidLimit() + ": " + p.localCids());
                }
                for (ConnectionIdEntry e : p.peerCids()) {
                    if (e.sequence() < p.peerRetirePriorTo()) {
                        throw finding("path " + id + " keeps peer CID " + e.sequence() + " below Retire Prior To "
                                + p.peerRetirePriorTo());
                    }
                    if (!peer.add(e.connectionId())) {
                        throw finding("peer CID value " + e.connectionId() + " held twice");
                    }
                }
                for (ConnectionIdEntry e : p.localCids()) {
                    if (e.sequence() >= p.nextLocalCidSequence()) {
                        throw finding("our CID " + e.sequence() + " of path " + id + " is not below the next sequence "
                                + p.nextLocalCidSequence());
                    }
                    if (!local.add(e.connectionId())) {
                        throw finding("our CID value " + e.connectionId() + " issued twice");
                    }
                }
            }
        }

        private void checkClose(ConnectionSnapshot now, boolean wasClosed, List<Frame> receivedCloses) {
            CloseReason reason = conn.closeReason().orElse(null);
            if (closed != null) {
                if (!closed.equals(reason) || !conn.isClosed()) {
                    throw finding("the close changed from " + closed + " to " + reason);
                }
                return;
            }
            if (reason == null) {
                if (conn.isClosed() || now.close() != null) {
                    throw finding("isClosed() or the snapshot says closed without a close reason");
                }
                return;
            }
            if (wasClosed) {
                throw finding("closed before without a reason, now " + reason);
            }
            closed = reason;
            if (!Varint.isValid(reason.errorCode()) || !Varint.isValid(reason.frameType())) {
                throw finding("close with a code or frame type outside varint range: " + reason);
            }
            if (reason.byPeer()) {
                boolean matches = receivedCloses.stream().anyMatch(f -> f instanceof Frame.ConnectionClose c
                        && c.errorCode() == reason.errorCode() || f instanceof Frame.ApplicationClose a
                        && a.errorCode() == reason.errorCode());
                if (!matches) {
                    throw finding("closed 'by the peer' with " + reason + " but the packet carried " + receivedCloses);
                }
                return;
            }
            boolean known = TransportError.isKnown(reason.errorCode(), config.dialect())
                    || reason.errorCode() == config.notNegotiatedError() || reason.errorCode() == appCloseCode;
            if (!known) {
                throw finding("closed with an error code no rule gives: " + reason.describe(config.dialect()));
            }
            if (reason.frameType() != 0 && reason.errorCode() != appCloseCode
                    && config.dialect().multipathType(reason.frameType()) == null && reason.frameType() > 0x1e) {
                throw finding("close names frame type 0x" + Long.toHexString(reason.frameType())
                        + ", which " + config.dialect().id() + " does not have: " + reason);
            }
        }

        private static String ids(ConnectionSnapshot s) {
            return s.paths().stream().map(p -> p.pathId() + ":" + p.state()).toList().toString();
        }

        private Finding finding(String what) {
            return finding(what, null);
        }

        private Finding finding(String what, Throwable cause) {
            StringBuilder sb = new StringBuilder("connection core ").append(config.role()).append(' ')
                    .append(config.dialect().id()).append(" (max path ID ours ").append(config.localMaxPathId())
                    .append(", peer's ").append(config.peerMaxPathId()).append(", CID limits ")
                    .append(config.localActiveCidLimit()).append('/').append(config.peerActiveCidLimit())
                    .append("): ").append(what).append("\nsteps:");
            int from = Math.max(0, trace.size() - 12);
            if (from > 0) {
                sb.append("\n  ... ").append(from).append(" earlier steps");
            }
            for (int i = from; i < trace.size(); i++) {
                sb.append("\n  ").append(i + 1).append(". ").append(trace.get(i));
            }
            return cause == null ? new Finding(sb.toString()) : new Finding(sb.toString(), cause);
        }
    }
}
