package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.bonding.Bonding;
import io.mpqc.ref.conn.OutgoingPacket;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameType;
import io.mpqc.ref.recovery.TrackedPacket;
import io.mpqc.ref.sched.AckPathPolicy;
import io.mpqc.ref.sched.PathSnapshot;
import io.mpqc.ref.sched.Scheduler;
import io.mpqc.ref.sched.SchedulingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sending half of an endpoint's data layer: each time something may have changed, it sends, in this
 * order, the packets the connection core built (on the path the core chose), PTO probes, data packets on
 * the paths the scheduler picks, and an ACK-only packet when an acknowledgement is due. PATH_ACK frames of
 * every path ride on the ACK path, the lowest-RTT path ({@link #ackPath}).
 */
final class Sender {
    /** A path is quiet for the ACK path choice if nothing arrived for this long and half its RTT. */
    private static final long QUIET_MICROS = 5_000;

    private final EndpointConfig config;
    private final Bonding bonding;
    private final Scheduler scheduler;
    private final PacketSink sink;
    private final StreamData data;
    private final FrameSizes sizes;
    private final SendStreams send;
    private final ReceiveStreams receive;
    private final PlaneTable planes;
    private final ArrayDeque<Frame> controlQueue;
    private final EndpointStats stats;
    private long now;
    private long pacingWakeAt = Endpoint.NONE;
    /** The ACK path of the current flush, and the quiet lower-RTT path that gets copies of ACKs, or NONE. */
    private long ackPath = Scheduler.NONE;
    private long ackShadow = Scheduler.NONE;
    /** Whether ackPath and ackShadow were computed in this flush (only when an ACK is to be sent). */
    private boolean ackPathKnown;
    /** The head-of-line position opportunistic retransmission last looked at. */
    private long orpStream = -1;
    private long orpOffset = -1;

    Sender(EndpointConfig config, Bonding bonding, Scheduler scheduler, PacketSink sink,
            StreamData data, FrameSizes sizes, SendStreams send, ReceiveStreams receive, PlaneTable planes,
            ArrayDeque<Frame> controlQueue, EndpointStats stats) {
        this.config = config;
        this.bonding = bonding;
        this.scheduler = scheduler;
        this.sink = sink;
        this.data = data;
        this.sizes = sizes;
        this.send = send;
        this.receive = receive;
        this.planes = planes;
        this.controlQueue = controlQueue;
        this.stats = stats;
    }

    /** When the pacer next lets a path that has window space send, or {@link Endpoint#NONE}. */
    long pacingWakeAt() {
        return pacingWakeAt;
    }

    /** Sends everything that can be sent at {@code nowMicros}; core packets are drained with {@code corePackets}. */
    void flush(long nowMicros, List<OutgoingPacket> corePackets) {
        now = nowMicros;
        pacingWakeAt = Endpoint.NONE;
        ackPathKnown = false;
        sendCorePackets(corePackets);
        sendProbes();
        sendData();
        sendAcks();
    }

    /** The core's packets go on the path the core chose, with ACKs if that is the ACK path. */
    private void sendCorePackets(List<OutgoingPacket> out) {
        for (OutgoingPacket op : out) {
            PathPlane p = planes.get(op.pathId());
            if (p == null) {
                continue; // freed meanwhile
            }
            PacketBuilder b = new PacketBuilder(Integer.MAX_VALUE);
            List<Frame> acks = acksPending() && op.pathId() == ackCarrier() ? addAcks(b) : List.of();
            List<Frame> control = new ArrayList<>();
            for (Frame f : op.frames()) {
                b.add(f, sizes.of(f));
                if (retransmittable(f)) {
                    control.add(f);
                }
            }
            transmit(p, b, new SentContent(List.of(), control, op.packetNumber()), false);
            shadowAcks(acks);
        }
    }

    /** Core frames worth sending again when lost; path-bound ones (challenge, response) are not. */
    private static boolean retransmittable(Frame f) {
        FrameType t = f.type();
        return t.isAckEliciting() && t != FrameType.PING && t != FrameType.PATH_CHALLENGE
                && t != FrameType.PATH_RESPONSE;
    }

    /** PTO probes (RFC 9002 §6.2.4): one ack-eliciting packet beyond the window, data if any, else PING. */
    private void sendProbes() {
        for (PathPlane p : planes) {
            while (p.probesDue > 0) {
                p.probesDue--;
                PacketBuilder b = new PacketBuilder(config.maxPacketSize());
                List<Frame> acks = acksPending() && p.id == ackCarrier() ? addAcks(b) : List.of();
                // A suspected path gets a bare PING: data sent there would probably be lost again.
                List<StreamChunk> chunks = p.suspect ? List.of() : fillStreams(b, p);
                if (!b.ackEliciting()) {
                    b.add(new Frame.Ping(), 1);
                }
                transmit(p, b, chunks.isEmpty() ? SentContent.NOTHING : new SentContent(chunks, List.of(), -1), false);
                shadowAcks(acks);
            }
        }
    }

    private void sendData() {
        int packetBytes = config.maxPacketSize();
        while (true) {
            boolean work = send.hasSendable() || !controlQueue.isEmpty();
            if (!work && !send.flowBlocked()) {
                return;
            }
            List<PathSnapshot> candidates = candidates();
            if (candidates.isEmpty() || !work && !opportunisticRetransmission(candidates)) {
                return;
            }
            SchedulingContext ctx = new SchedulingContext(candidates, packetBytes, send.queuedBytes(), send.credit(),
                    now);
            long id = scheduler.select(ctx);
            if (id == Scheduler.NONE) {
                return;
            }
            PathSnapshot chosen = find(candidates, id);
            if (chosen == null || !chosen.canSend(packetBytes)) {
                throw new IllegalStateException(scheduler.name() + " picked path " + id
                        + " which cannot send: " + chosen);
            }
            PathPlane p = planes.get(id);
            PacketBuilder b = new PacketBuilder(packetBytes);
            List<Frame> acks = acksPending() && id == ackCarrier() ? addAcks(b) : List.of();
            List<Frame> control = addControl(b);
            List<StreamChunk> chunks = fillStreams(b, p);
            if (chunks.isEmpty() && control.isEmpty()) {
                if (!acks.isEmpty()) {
                    transmit(p, b, SentContent.NOTHING, false); // the ACKs were taken: they must go
                    shadowAcks(acks);
                }
                return; // nothing fitted: the queues hold less than a frame's worth
            }
            transmit(p, b, new SentContent(chunks, control, -1), true);
            shadowAcks(acks);
            if (scheduler.redundant() && !chunks.isEmpty()) {
                sendCopies(candidates, id, chunks);
            }
        }
    }

    /**
     * Opportunistic retransmission (Raiciu et al., "How Hard Can It Be? Designing and Implementing a
     * Deployable Multipath TCP", NSDI 2012; Linux MPTCP): when flow control blocks new data while a path has
     * room, the byte that holds the receiver's window back is usually in flight on a slower path. Its
     * packet's data is queued again, so that the fastest path that can send carries it too; once per
     * head-of-line position. If the original arrives after all, the copy counts as spurious.
     */
    private boolean opportunisticRetransmission(List<PathSnapshot> candidates) {
        PathSnapshot fast = null;
        for (PathSnapshot c : candidates) {
            if (c.canSend(config.maxPacketSize()) && (fast == null || c.smoothedRttMicros() < fast.smoothedRttMicros())) {
                fast = c;
            }
        }
        long[] head = send.headOfLine();
        if (fast == null || head == null || head[0] == orpStream && head[1] == orpOffset) {
            return false;
        }
        orpStream = head[0];
        orpOffset = head[1];
        for (PathPlane q : planes) {
            if (q.id == fast.pathId() || q.smoothedRtt() <= fast.smoothedRttMicros()) {
                continue;
            }
            for (TrackedPacket<SentContent> t : q.recovery.inFlight()) {
                SentContent c = t.payload();
                for (StreamChunk chunk : c.chunks) {
                    if (chunk.streamId() == head[0] && chunk.offset() <= head[1] && head[1] < chunk.end()) {
                        if (c.reinjected) {
                            return false;
                        }
                        c.reinjected = true;
                        for (StreamChunk k : c.chunks) {
                            send.onLost(k);
                        }
                        stats.opportunisticRetransmissions++;
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Redundant scheduling: the same chunks on every other candidate path that can send now. */
    private void sendCopies(List<PathSnapshot> candidates, long except, List<StreamChunk> chunks) {
        for (PathSnapshot c : candidates) {
            if (c.pathId() == except || !c.canSend(config.maxPacketSize())) {
                continue;
            }
            PathPlane p = planes.get(c.pathId());
            PacketBuilder b = new PacketBuilder(config.maxPacketSize());
            for (StreamChunk chunk : chunks) {
                Frame.Stream f = new Frame.Stream(chunk.streamId(), chunk.offset(),
                        data.slice(chunk.streamId(), chunk.offset(), chunk.length()), chunk.fin(), true);
                b.add(f, sizes.of(f));
                stats.retransmittedBytes += chunk.length();
                countStreamBytes(p, chunk.length());
            }
            transmit(p, b, new SentContent(chunks, List.of(), -1), true);
        }
    }

    /** An ACK-only packet when an acknowledgement is due; MAX_DATA rides along, and a PING once per RTT. */
    private void sendAcks() {
        boolean due = false;
        for (PathPlane p : planes) {
            due |= p.acks.due(now);
        }
        if (!due) {
            return;
        }
        if (ackCarrier() == Scheduler.NONE) {
            return;
        }
        PathPlane p = planes.get(ackPath);
        PacketBuilder b = new PacketBuilder(config.maxPacketSize());
        List<Frame> acks = addAcks(b);
        List<Frame> control = new ArrayList<>(1);
        if (receive.maxDataDue()) {
            Frame f = new Frame.MaxData(receive.takeMaxData());
            b.add(f, sizes.of(f));
            control.add(f);
        }
        pingOncePerRtt(b, p);
        transmit(p, b, control.isEmpty() ? SentContent.NOTHING : new SentContent(List.of(), control, -1), false);
        shadowAcks(acks);
    }

    /**
     * A receiver that only acknowledges would never measure the RTT of the path its ACKs take, nor notice
     * that path failing; an ack-eliciting PING once per RTT gives it both (RFC 9000 §13.2.4).
     */
    private void pingOncePerRtt(PacketBuilder b, PathPlane p) {
        if (!b.ackEliciting() && (p.lastAckElicitingSentAt < 0 || now - p.lastAckElicitingSentAt >= p.smoothedRtt())) {
            b.add(new Frame.Ping(), 1);
        }
    }

    /** Whether any path has packets waiting for an acknowledgement. */
    private boolean acksPending() {
        for (PathPlane p : planes) {
            if (p.acks.pending()) {
                return true;
            }
        }
        return false;
    }

    /** The ACK path (and its shadow) of this flush, computed when first needed. */
    private long ackCarrier() {
        if (!ackPathKnown) {
            ackPathKnown = true;
            ackPath = ackPath(now);
            ackShadow = ackShadow(now, ackPath);
        }
        return ackPath;
    }

    /** PATH_ACK frames for every path with packets waiting for an acknowledgement. */
    private List<Frame> addAcks(PacketBuilder b) {
        List<Frame> acks = null;
        for (PathPlane p : planes) {
            if (p.acks.pending()) {
                Frame f = p.acks.takeFrame(p.id, now);
                b.add(f, sizes.of(f));
                if (acks == null) {
                    acks = new ArrayList<>(2);
                }
                acks.add(f);
            }
        }
        return acks == null ? List.of() : acks;
    }

    /**
     * While the lowest-RTT path is quiet, the ACKs that moved to another path are copied onto it as well:
     * quiet may only mean idle, and then the copy is the one that arrives first.
     */
    private void shadowAcks(List<Frame> acks) {
        if (acks.isEmpty() || ackCarrier() == Scheduler.NONE || ackShadow == Scheduler.NONE) {
            return;
        }
        PathPlane p = planes.get(ackShadow);
        PacketBuilder b = new PacketBuilder(Integer.MAX_VALUE);
        for (Frame f : acks) {
            b.add(f, sizes.of(f));
        }
        pingOncePerRtt(b, p);
        transmit(p, b, SentContent.NOTHING, false);
    }

    /** MAX_DATA if due and queued control frames (retransmissions of lost ones), as far as they fit. */
    private List<Frame> addControl(PacketBuilder b) {
        List<Frame> control = new ArrayList<>(0);
        if (receive.maxDataDue()) {
            Frame f = new Frame.MaxData(receive.takeMaxData());
            b.add(f, sizes.of(f));
            control.add(f);
        }
        while (!controlQueue.isEmpty()) {
            int size = sizes.of(controlQueue.peek());
            if (!b.fits(size)) {
                break;
            }
            Frame f = controlQueue.poll();
            b.add(f, size);
            control.add(f);
        }
        return control;
    }

    /** Fills the rest of the packet with STREAM frames: retransmissions first, then new data. */
    private List<StreamChunk> fillStreams(PacketBuilder b, PathPlane p) {
        List<StreamChunk> chunks = null;
        while (b.room() > SendStreams.MIN_CHUNK + 4) {
            boolean retransmission = send.hasRetransmission();
            StreamChunk c = send.next(b.room());
            if (c == null) {
                break;
            }
            Frame.Stream f = new Frame.Stream(c.streamId(), c.offset(), data.slice(c.streamId(), c.offset(),
                    c.length()), c.fin(), true);
            b.add(f, FrameSizes.streamHeader(c.streamId(), c.offset(), c.length()) + c.length());
            if (retransmission) {
                stats.retransmittedBytes += c.length();
            }
            countStreamBytes(p, c.length());
            if (chunks == null) {
                chunks = new ArrayList<>(2);
            }
            chunks.add(c);
        }
        return chunks == null ? List.of() : chunks;
    }

    private void countStreamBytes(PathPlane p, int length) {
        stats.streamBytesSent += length;
        p.streamBytesSent += length;
        stats.countStreamBytes(p.id, length);
    }

    private void transmit(PathPlane p, PacketBuilder b, SentContent content, boolean paced) {
        long pn = p.nextPacketNumber++;
        int size = b.size();
        if (b.ackEliciting()) {
            p.recovery.onSent(pn, now, size, content);
            p.lastAckElicitingSentAt = now;
            if (paced) {
                p.pacer.onSent(now, p.window(), p.smoothedRtt(), size);
            }
        }
        p.bytesSent += size;
        stats.packetsSent++;
        stats.bytesSent += size;
        sink.send(new WirePacket(p.id, pn, List.copyOf(b.frames()), size, b.ackEliciting()));
    }

    /**
     * The scheduler's candidates: the paths the bonding layer lets send (available ones, else standby ones,
     * else suspected ones), minus those being closed, with their pacing state. Also notes when the next
     * paced packet may leave.
     */
    private List<PathSnapshot> candidates() {
        List<Long> ids = bonding.sendablePaths();
        PathSnapshot[] out = new PathSnapshot[ids.size()];
        int n = 0;
        int packetBytes = config.maxPacketSize();
        for (long id : ids) {
            PathPlane p = planes.get(id);
            if (p == null || p.closing) {
                continue;
            }
            boolean paced = false;
            if (p.window() - p.bytesInFlight() >= packetBytes) {
                long at = p.pacingTime(now, packetBytes);
                if (at > now) {
                    paced = true;
                    pacingWakeAt = Math.min(pacingWakeAt, at);
                }
            }
            out[n++] = p.snapshot(true, bonding.isStandby(id), paced, bonding.weight(id));
        }
        // An immutable list from the start, so the scheduling context does not copy it again.
        return List.of(n == out.length ? out : Arrays.copyOf(out, n));
    }

    /**
     * The path for ACK frames ({@link AckPathPolicy}: the lowest RTT), among the available usable paths,
     * except that a path which went quiet (nothing received for max(5 ms, half its RTT)) while another was
     * heard from more recently is passed over: a path that stops delivering may have failed, and ACKs sent
     * on it would be lost with it. Standby and suspected paths carry ACKs only when no other path can.
     */
    long ackPath(long nowMicros) {
        List<PathSnapshot> eligible = new ArrayList<>(planes.size());
        long lastHeard = -1;
        for (PathPlane p : planes) {
            if (ackEligible(p)) {
                eligible.add(p.snapshot(true, false, false, 0));
                lastHeard = Math.max(lastHeard, p.lastReceivedAt);
            }
        }
        long first = AckPathPolicy.lowestRtt(eligible);
        if (first != Scheduler.NONE) {
            PathPlane best = planes.get(first);
            boolean quiet = nowMicros - best.lastReceivedAt > Math.max(QUIET_MICROS, best.smoothedRtt() / 2);
            if (!quiet || best.lastReceivedAt >= lastHeard || eligible.size() == 1) {
                return first;
            }
            // Quiet while another path was heard from more recently: the next lowest RTT takes the ACKs.
            eligible.removeIf(x -> x.pathId() == first);
            return AckPathPolicy.lowestRtt(eligible);
        }
        List<PathSnapshot> fallback = new ArrayList<>(planes.size());
        for (PathPlane p : planes) {
            if (!p.closing && bonding.isUsable(p.id)) {
                fallback.add(p.snapshot(true, false, false, 0));
            }
        }
        return AckPathPolicy.lowestRtt(fallback);
    }

    /** Usable, available (not standby), not suspected, not closing. */
    private boolean ackEligible(PathPlane p) {
        return !p.closing && !p.suspect && bonding.isUsable(p.id) && !bonding.isStandby(p.id);
    }

    /** The lowest-RTT eligible path when the ACK path is another one because it went quiet; else NONE. */
    long ackShadow(long nowMicros, long primary) {
        PathPlane best = null;
        for (PathPlane p : planes) {
            if (ackEligible(p) && (best == null || p.smoothedRtt() < best.smoothedRtt())) {
                best = p;
            }
        }
        return best == null || best.id == primary ? Scheduler.NONE : best.id;
    }

    private static PathSnapshot find(List<PathSnapshot> paths, long id) {
        for (PathSnapshot p : paths) {
            if (p.pathId() == id) {
                return p;
            }
        }
        return null;
    }
}
