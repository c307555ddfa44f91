package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.bonding.Bonding;
import io.mpqc.ref.bonding.BondingEvent;
import io.mpqc.ref.conn.CommandRejectedException;
import io.mpqc.ref.conn.ConnectionConfig;
import io.mpqc.ref.conn.ConnectionEvent;
import io.mpqc.ref.conn.MultipathConnection;
import io.mpqc.ref.conn.OutgoingPacket;
import io.mpqc.ref.conn.PacketContext;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.path.PathView;
import io.mpqc.ref.recovery.AckResult;
import io.mpqc.ref.recovery.LossRecovery;
import io.mpqc.ref.recovery.TrackedPacket;
import io.mpqc.ref.sched.Scheduler;
import io.mpqc.ref.tp.Role;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One simulated QUIC endpoint: the real connection core ({@link MultipathConnection}) for everything about
 * paths (validation, status, abandonment, connection IDs, PATH_ACK handling of its own packets), composed
 * with a data layer the core does not have: streams and flow control, per-path loss recovery, congestion
 * control and pacing, acknowledgements, the bonding layer, the packet scheduler and a path failure
 * detector.
 *
 * <p>The core is not modified. The data layer numbers packets on the wire itself, puts the core's packets
 * into wire packets on the path the core chose, feeds received control frames to the core, and tells the
 * core about acknowledgements of its packets in the core's own numbering ({@link CoreAcks}). Packets reach
 * the core without a packet number, so the core generates no ACKs; the data layer acknowledges every
 * packet per path with PATH_ACK frames, sent on the path with the lowest RTT.
 *
 * <p><b>Failure handling.</b> When the {@link FailureDetector} suspects a path, the bonding layer hears of
 * it, the data in flight on it is reinjected on the other paths at once, and the scheduler stops using it;
 * PTO probes keep testing it and an acknowledgement clears the suspicion. Still suspected 3 PTO after its
 * oldest unacknowledged packet, the path is abandoned with PATH_ABANDON (PATH_UNSTABLE_OR_POOR). When the
 * core finally frees an abandoned path, whatever was still in flight on it is reinjected (draft-21 §3.4.3).
 */
public final class Endpoint {
    static final long NONE = LossRecovery.NONE;
    /** How often the core's own timers (validation, abandoned-path expiry) are run. */
    private static final long CORE_TICK_MICROS = 10_000;
    /** PATH_UNSTABLE_OR_POOR (draft-21 §4.2.1), the error code of an abandonment by the failure detector. */
    private static final long PATH_UNSTABLE_OR_POOR = 0x3e76;

    private final Role role;
    private final EndpointConfig config;
    private final MultipathConnection core;
    private final Scheduler scheduler;
    private final Bonding bonding = new Bonding();
    private final SendStreams send;
    private final ReceiveStreams receive;
    private final Sender sender;
    private final FailureDetector failures = new FailureDetector();
    private final PlaneTable planes = new PlaneTable();
    private final Set<Long> freed = new HashSet<>();
    private final ArrayDeque<ConnectionEvent> coreEvents = new ArrayDeque<>();
    private final ArrayDeque<Frame> controlQueue = new ArrayDeque<>();
    private final List<Timed<BondingEvent>> bondingLog = new ArrayList<>();
    private final List<Timed<ConnectionEvent>> pathLog = new ArrayList<>();
    private final EndpointStats stats = new EndpointStats();
    private Application app;
    private long now;
    private long lastCoreTick;
    /** The core was called since the last drain, so it may have packets to send (at start: its CIDs). */
    private boolean coreDirty = true;
    private int extraPathsWanted;
    private int extraPathsOpened;

    public Endpoint(ConnectionConfig coreConfig, EndpointConfig config, Scheduler scheduler, StreamData data,
            PacketSink sink) {
        this.role = coreConfig.role();
        this.config = config;
        this.scheduler = scheduler;
        this.send = new SendStreams(config.receiveWindow());
        this.receive = new ReceiveStreams(data, config.receiveWindow());
        // Core events are queued and handled after each core call returns: handlers call the core again
        // (openPath, abandonPath), which must not happen while it is in the middle of processing.
        this.core = new MultipathConnection(coreConfig, (t, e) -> coreEvents.add(e));
        this.sender = new Sender(config, bonding, scheduler, sink, data, new FrameSizes(coreConfig.dialect()),
                send, receive, planes, controlQueue, stats);
        bonding.addListener((t, e) -> bondingLog.add(new Timed<>(t, e)));
        pump();
    }

    // ---- set-up ----

    public void setApplication(Application app) {
        this.app = app;
    }

    /** As a client: open {@code count} more paths as soon as the server's connection IDs allow. */
    public void openPaths(int count) {
        coreDirty = true;
        extraPathsWanted = count;
        tryOpenPaths();
        pump();
    }

    /** Starts the application (time 0). */
    public void start(long nowMicros) {
        advance(nowMicros);
        tickCore();
        if (app != null) {
            app.onStart(this, now);
        }
        flush();
    }

    /** Announces our status for a path (PATH_STATUS_AVAILABLE / PATH_STATUS_BACKUP) through the core. */
    public void setLocalStatus(long pathId, PathStatus status) {
        tickCore();
        core.setLocalStatus(pathId, status);
        pump();
    }

    /** Queues a stream of {@code length} bytes to send (the request, or the response on the same stream). */
    public void openStream(long streamId, long length) {
        send.open(streamId, length);
    }

    // ---- inputs ----

    public void onPacket(WirePacket packet, long nowMicros) {
        advance(nowMicros);
        long pathId = packet.pathId();
        PathPlane plane = plane(pathId);
        if (plane == null) {
            // The path was freed: its keys and connection IDs are gone, the packet cannot be read.
            stats.packetsDroppedOnFreedPath++;
            return;
        }
        if (!plane.acks.onReceived(packet.packetNumber(), packet.ackEliciting(), now)) {
            stats.duplicatePacketsReceived++;
            return;
        }
        plane.lastReceivedAt = now;
        List<Frame> coreFrames = null;
        for (Frame f : packet.frames()) {
            if (f instanceof Frame.Stream s) {
                ReceiveStreams.Delivery d = receive.onStream(s, now);
                if (d != null && app != null) {
                    app.onDelivery(this, d.streamId(), d.delivered(), d.complete(), now);
                }
            } else if (f instanceof Frame.PathAck a) {
                coreFrames = onAck(a.pathId(), a.largest(), a.ackDelay(), a.firstRange(), a.ranges(), coreFrames);
            } else if (f instanceof Frame.Ack a) {
                // A plain ACK acknowledges path 0 (draft-21 §2.3).
                coreFrames = onAck(0, a.largest(), a.ackDelay(), a.firstRange(), a.ranges(), coreFrames);
            } else if (f instanceof Frame.MaxData m) {
                send.onMaxData(m.maximum());
            } else if (!(f instanceof Frame.Ping) && !(f instanceof Frame.Padding)) {
                coreFrames = add(coreFrames, f);
            }
        }
        if (coreFrames != null) {
            tickCore();
            core.receive(PacketContext.oneRtt(pathId), coreFrames);
            pump();
        }
        for (PathPlane p : planes) {
            checkFailure(p); // an ACK may be the evidence that a path failed (no plane comes or goes here)
        }
        flush();
    }

    public void onTimer(long nowMicros) {
        advance(nowMicros);
        for (PathPlane p : planes.copy()) {
            if (now >= p.recovery.timerDeadline()) {
                LossRecovery.Timeout<SentContent> t = p.recovery.onTimer(now);
                for (TrackedPacket<SentContent> lost : t.lost()) {
                    onLost(lost.payload());
                }
                if (t.probe() && !p.closing) {
                    p.probesDue = 1;
                    stats.probes++;
                }
            }
            checkFailure(p);
        }
        flush();
    }

    /** When this endpoint next needs {@link #onTimer}; always after the current time. */
    public long nextWakeup() {
        long t = Math.min(sender.pacingWakeAt(), lastCoreTick + CORE_TICK_MICROS);
        boolean canAck = false;
        for (PathPlane p : planes) {
            canAck |= !p.closing && bonding.isUsable(p.id);
        }
        for (PathPlane p : planes) {
            t = Math.min(t, p.recovery.timerDeadline());
            if (canAck) {
                t = Math.min(t, p.acks.deadline());
            }
            if (watched(p)) {
                t = Math.min(t, p.suspect ? (otherHealthyPath(p.id) ? FailureDetector.abandonAt(p) : NONE)
                        : failures.suspectAt(p));
            }
        }
        if (t <= now) {
            // Due now but nothing could be done (e.g. no path to carry an ACK): look again soon.
            stats.stalledTimers++;
            t = now + 1_000;
        }
        return t;
    }

    // ---- observation ----

    public Role role() {
        return role;
    }

    public MultipathConnection core() {
        return core;
    }

    public Bonding bonding() {
        return bonding;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public EndpointStats stats() {
        return stats;
    }

    public List<Timed<BondingEvent>> bondingLog() {
        return List.copyOf(bondingLog);
    }

    /** The core's path events (state and status changes, abandonments, frees, closes), with their times. */
    public List<Timed<ConnectionEvent>> pathLog() {
        return List.copyOf(pathLog);
    }

    public long duplicateBytesReceived() {
        return receive.duplicateBytes();
    }

    public long corruptFramesReceived() {
        return receive.corruptFrames();
    }

    /** Sum over delivered bytes of the time each waited in the receive buffer for earlier bytes (byte-µs). */
    public long holByteMicros() {
        return receive.holByteMicros();
    }

    public long bytesDelivered() {
        return receive.consumed();
    }

    public boolean allSentDataAcked() {
        return send.allAcked();
    }

    /** The PTO (without backoff) of a path by this endpoint's recovery, or -1 if the path has no state. */
    public long pto(long pathId) {
        PathPlane p = planes.get(pathId);
        return p == null ? -1 : p.recovery.basePto();
    }

    public long smoothedRtt(long pathId) {
        PathPlane p = planes.get(pathId);
        return p == null ? -1 : p.smoothedRtt();
    }

    public long window(long pathId) {
        PathPlane p = planes.get(pathId);
        return p == null ? -1 : p.window();
    }

    // ---- core events ----

    private void advance(long nowMicros) {
        now = nowMicros;
        if (now >= lastCoreTick + CORE_TICK_MICROS) {
            tickCore();
        }
    }

    /**
     * Brings the core's clock to now and runs its timers. Done before every call into the core and every
     * {@link #CORE_TICK_MICROS} otherwise: the core's timers count in PTOs, and ticking it for every packet
     * would cost more than the data path itself.
     */
    private void tickCore() {
        core.tick(now);
        lastCoreTick = now;
        coreDirty = true;
        pump();
    }

    private void flush() {
        List<OutgoingPacket> corePackets = List.of();
        if (coreDirty) {
            coreDirty = false;
            corePackets = core.drain();
            pump();
        }
        sender.flush(now, corePackets);
    }

    private void pump() {
        ConnectionEvent e;
        while ((e = coreEvents.poll()) != null) {
            handle(e);
        }
    }

    private void handle(ConnectionEvent e) {
        if (e instanceof ConnectionEvent.PathStateChanged s) {
            pathLog.add(new Timed<>(now, e));
            onPathState(s.pathId(), s.from(), s.to());
        } else if (e instanceof ConnectionEvent.PeerStatusChanged s) {
            pathLog.add(new Timed<>(now, e));
            bonding.onPeerStatus(s.pathId(), s.status(), now);
        } else if (e instanceof ConnectionEvent.LocalStatusChanged s) {
            pathLog.add(new Timed<>(now, e));
            bonding.onLocalStatus(s.pathId(), s.status(), now);
        } else if (e instanceof ConnectionEvent.PathFreed f) {
            pathLog.add(new Timed<>(now, e));
            freePlane(f.pathId());
        } else if (e instanceof ConnectionEvent.PathAbandoned || e instanceof ConnectionEvent.PathValidationFailed
                || e instanceof ConnectionEvent.ConnectionClosed) {
            pathLog.add(new Timed<>(now, e));
        } else if (e instanceof ConnectionEvent.ConnectionIdReceived) {
            tryOpenPaths();
        }
    }

    private void onPathState(long pathId, PathState from, PathState to) {
        if (to != PathState.CLOSED) {
            plane(pathId);
        }
        bonding.onPathState(pathId, to, now);
        if (to.isUsable() && !from.isUsable()) {
            scheduler.pathAdded(pathId);
        } else if (!to.isUsable() && from.isUsable()) {
            scheduler.pathRemoved(pathId);
        }
        PathPlane p = planes.get(pathId);
        if (to.isEnding() && p != null) {
            // Nothing more is sent on an abandoned path (draft-21 §3.4), not even probes.
            p.closing = true;
            p.probesDue = 0;
        }
    }

    private void tryOpenPaths() {
        if (role != Role.CLIENT || core.isClosed()) {
            return;
        }
        while (extraPathsOpened < extraPathsWanted) {
            PathView next = core.path(extraPathsOpened + 1L);
            if (next == null || next.peerCids().isEmpty()) {
                return; // the server's connection IDs for that path ID have not arrived yet
            }
            try {
                OptionalLong opened = core.openPath();
                if (opened.isEmpty()) {
                    return;
                }
            } catch (CommandRejectedException ex) {
                return;
            }
            extraPathsOpened++;
        }
    }

    /** The plane of a path, created on first use; null once the path was freed. */
    private PathPlane plane(long pathId) {
        PathPlane p = planes.get(pathId);
        if (p == null && !freed.contains(pathId)) {
            p = new PathPlane(pathId, config);
            planes.add(p);
        }
        return p;
    }

    /** draft-21 §3.4.3: a freed path's unacknowledged packets are lost; their data goes on other paths. */
    private void freePlane(long pathId) {
        freed.add(pathId);
        PathPlane p = planes.remove(pathId);
        if (p == null) {
            return;
        }
        for (TrackedPacket<SentContent> t : p.recovery.drainAll()) {
            reinject(t.payload());
        }
    }

    // ---- acknowledgements and losses ----

    private List<Frame> onAck(long pathId, long largest, long ackDelayField, long firstRange, AckRanges ranges,
            List<Frame> coreFrames) {
        failures.onAckFrame(now);
        PathPlane p = planes.get(pathId);
        if (p == null || largest >= p.nextPacketNumber) {
            return coreFrames; // the path was freed (draft-21 §4: ignore), or the frame is bogus
        }
        // The peer's ack_delay_exponent is the default 3.
        long ackDelay = ackDelayField > (1L << 40) ? Long.MAX_VALUE : ackDelayField << 3;
        AckResult<SentContent> r = p.recovery.onAck(largest, firstRange, ranges, ackDelay, now);
        long[] corePns = null;
        int n = 0;
        for (int round = 0; round < 2; round++) {
            List<TrackedPacket<SentContent>> list = round == 0 ? r.acked() : r.lateAcked();
            for (TrackedPacket<SentContent> t : list) {
                SentContent c = t.payload();
                for (StreamChunk chunk : c.chunks) {
                    send.onAcked(chunk);
                }
                if (c.hasData() && (round == 1 || c.reinjected)) {
                    // Declared lost (or reinjected) and yet it arrived: the copy was not needed.
                    stats.spuriousRetransmissions++;
                }
                if (c.corePacketNumber >= 0) {
                    if (corePns == null) {
                        corePns = new long[r.acked().size() + r.lateAcked().size()];
                    }
                    corePns[n++] = c.corePacketNumber;
                }
            }
        }
        for (TrackedPacket<SentContent> t : r.lost()) {
            onLost(t.payload());
        }
        if (!r.acked().isEmpty()) {
            p.lastProgressAt = now;
        }
        if (p.suspect && !r.acked().isEmpty() && r.acked().get(r.acked().size() - 1).sentAtMicros() >= p.suspectSince) {
            p.suspect = false;
            bonding.onPathSuspect(pathId, false, now);
        }
        bonding.onCapacity(pathId, p.window(), p.smoothedRtt());
        if (n > 0) {
            coreFrames = add(coreFrames, CoreAcks.frame(pathId, corePns, n, ackDelayField));
        }
        return coreFrames;
    }

    private void onLost(SentContent c) {
        stats.lostPackets++;
        if (!c.reinjected) {
            requeue(c);
        }
    }

    /** Sends a packet's data again elsewhere, once: it stays tracked on its own path in case it arrives. */
    private void reinject(SentContent c) {
        if (c.hasData() && !c.reinjected) {
            c.reinjected = true;
            requeue(c);
            stats.reinjectedPackets++;
        }
    }

    /** Puts a packet's data and control frames back in the queues, for any usable path. */
    private void requeue(SentContent c) {
        for (StreamChunk chunk : c.chunks) {
            send.onLost(chunk);
        }
        for (Frame f : c.control) {
            if (f instanceof Frame.MaxData) {
                receive.onMaxDataLost();
            } else {
                controlQueue.add(f);
            }
        }
    }

    // ---- failure handling ----

    /** Paths the failure detector looks at: usable, not closing, and only when detection is on. */
    private boolean watched(PathPlane p) {
        return config.failureDetection() && !p.closing && bonding.isUsable(p.id);
    }

    private void checkFailure(PathPlane p) {
        if (!watched(p)) {
            return;
        }
        if (!p.suspect) {
            if (now >= failures.suspectAt(p)) {
                suspect(p);
            }
        } else if (now >= FailureDetector.abandonAt(p) && otherHealthyPath(p.id)) {
            abandon(p);
        }
    }

    private void suspect(PathPlane p) {
        p.suspect = true;
        p.suspectSince = now;
        long oldest = p.recovery.oldestSentTime();
        p.suspectOldest = oldest == NONE ? now : oldest;
        // A probe right away: only an acknowledgement of a packet sent from now on clears the suspicion.
        p.probesDue = 1;
        p.suspectPto = p.recovery.basePto();
        bonding.onPathSuspect(p.id, true, now);
        if (otherHealthyPath(p.id)) {
            for (TrackedPacket<SentContent> t : p.recovery.inFlight()) {
                reinject(t.payload());
            }
        }
    }

    private void abandon(PathPlane p) {
        tickCore();
        PathView v = core.path(p.id);
        if (v != null && v.state().isOpen() && !v.abandonSent()) {
            try {
                core.abandonPath(p.id, PATH_UNSTABLE_OR_POOR);
            } catch (CommandRejectedException ex) {
                return; // the core refuses (no other path to carry the frame): keep the path suspected
            }
        }
        p.closing = true;
        p.probesDue = 0;
        pump();
    }

    private boolean otherHealthyPath(long pathId) {
        for (PathPlane q : planes) {
            if (q.id != pathId && !q.closing && !q.suspect && bonding.isUsable(q.id)) {
                return true;
            }
        }
        return false;
    }

    private static List<Frame> add(List<Frame> list, Frame f) {
        List<Frame> l = list == null ? new ArrayList<>(2) : list;
        l.add(f);
        return l;
    }
}
