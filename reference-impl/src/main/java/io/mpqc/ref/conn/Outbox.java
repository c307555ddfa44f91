package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.Path;
import io.mpqc.ref.recovery.ReceivedPackets;
import io.mpqc.ref.recovery.SentPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames waiting to be sent, by path, and the packetisation that gives them packet numbers. ACKs are
 * added at drain time for every path that owes one; an ACK for a path that is closing goes on another
 * path (draft-21 §3.4.3).
 */
final class Outbox {
    private final ConnectionState state;
    private final Map<Long, List<Frame>> queued = new LinkedHashMap<>();

    Outbox(ConnectionState state) {
        this.state = state;
    }

    /**
     * The queue of frames that may travel on any path but have none to go on now (the only path we could
     * address was abandoned or freed): drain() hands them to the first path that can carry them.
     */
    static final long ANY_PATH = -1;

    void queue(long pathId, Frame frame) {
        queued.computeIfAbsent(pathId, k -> new ArrayList<>()).add(frame);
    }

    /**
     * The path to carry a frame that may travel on any path: the lowest usable path we can address (we
     * hold a connection ID of the peer for it) other than {@code exclude}; failing that {@code exclude}
     * itself if it is still addressable; {@link #ANY_PATH} (negative) if no path can carry it now, so that a
     * frame queued on the answer waits for the first path that can.
     */
    long controlPath(long exclude) {
        for (Path p : state.paths.all()) {
            if (p.id() != exclude && canSendOn(p) && p.state().isUsable()) {
                return p.id();
            }
        }
        for (Path p : state.paths.all()) {
            if (p.id() != exclude && canSendOn(p)) {
                return p.id();
            }
        }
        Path self = state.paths.get(exclude);
        return self != null && canSendOn(self) ? exclude : ANY_PATH;
    }

    /** Open and addressable. A path we abandoned is CLOSING from the moment we send PATH_ABANDON: not open. */
    boolean canSendOn(Path p) {
        return p.state().isOpen() && p.peerCids().activeCount() > 0;
    }

    /** Frames queued for each path (a copy), for snapshots. */
    Map<Long, List<Frame>> queuedView() {
        Map<Long, List<Frame>> copy = new LinkedHashMap<>();
        queued.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** Forgets frames queued for a path that can no longer send (freed); returns them. */
    List<Frame> dropQueued(long pathId) {
        List<Frame> dropped = queued.remove(pathId);
        return dropped == null ? List.of() : dropped;
    }

    /** Builds the packets to send now: one per path with something to say. */
    List<OutgoingPacket> drain() {
        List<Frame> waiting = queued.get(ANY_PATH);
        long carrier = waiting == null ? -1 : controlPath(-1);
        if (carrier >= 0) {
            queued.remove(ANY_PATH);
            queued.computeIfAbsent(carrier, k -> new ArrayList<>()).addAll(0, waiting);
        }
        addAcks();
        List<OutgoingPacket> out = new ArrayList<>();
        for (Map.Entry<Long, List<Frame>> e : queued.entrySet()) {
            Path path = state.paths.get(e.getKey());
            if (path == null) { // the frames waiting for any path, with none to carry them
                continue;
            }
            List<Frame> frames = e.getValue();
            boolean ackEliciting = false;
            for (Frame f : frames) {
                ackEliciting |= f.type().isAckEliciting();
            }
            long pn = path.sent().nextPacketNumber();
            path.sent().record(new SentPacket(path.id(), pn, state.now, ackEliciting, frames));
            out.add(new OutgoingPacket(path.id(), pn, frames));
        }
        waiting = queued.get(ANY_PATH);
        queued.clear();
        if (waiting != null) {
            queued.put(ANY_PATH, waiting); // still no path to carry them
        }
        return out;
    }

    private void addAcks() {
        for (Path p : state.paths.all()) {
            ReceivedPackets rx = p.received();
            if (!rx.isAckPending()) { // something ack-eliciting arrived, so the ranges are not empty
                continue;
            }
            long carrier = canSendOn(p) ? p.id() : controlPath(p.id());
            if (carrier < 0) {
                continue;
            }
            // Our ack_delay_exponent is the default 3: we never send the parameter.
            long delay = Math.max(0, state.now - rx.largestReceivedAtMicros()) >> 3;
            Frame ack = state.multipath
                    ? new Frame.PathAck(p.id(), rx.largest(), delay, rx.firstRange(), rx.additionalRanges(), null)
                    : new Frame.Ack(rx.largest(), delay, rx.firstRange(), rx.additionalRanges(), null);
            queue(carrier, ack);
            rx.onAckSent();
        }
    }
}
