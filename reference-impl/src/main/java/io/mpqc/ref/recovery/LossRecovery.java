package io.mpqc.ref.recovery;

import io.mpqc.ref.frame.AckRanges;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Loss detection of one path (RFC 9002 §6 and Appendix A, applied per path ID as draft-21 §2.3 asks): the
 * packets in flight, RTT samples from acknowledgements, loss by packet threshold (3) and time threshold
 * (9/8 RTT), the probe timeout with exponential backoff, and the congestion controller fed from all of
 * it. Only ack-eliciting packets are tracked: the others never count in flight and never need
 * retransmission.
 *
 * <p>Packets declared lost are remembered for a while, so that a late acknowledgement reveals a spurious
 * loss (RFC 9002 §6.1.2 notes that such retransmissions are avoidable).
 */
public final class LossRecovery<P> {
    public static final int PACKET_THRESHOLD = 3;
    /** "No timer": the largest time. */
    public static final long NONE = Long.MAX_VALUE;
    /** How many packets declared lost are kept to recognise late acknowledgements. */
    private static final int LOST_MEMORY = 1024;

    private final RttEstimator rtt;
    private final CongestionController cc;
    private final long maxAckDelayMicros;
    private final PacketRing<P> inFlight = new PacketRing<>();
    private final TreeMap<Long, TrackedPacket<P>> declaredLost = new TreeMap<>();
    /** When each remembered lost packet was declared lost, in declaration order, for forgetting them. */
    private final ArrayDeque<long[]> lossTimes = new ArrayDeque<>();
    private long largestAcked = -1;
    private long lossTime = NONE;
    private long lastAckElicitingSent = -1;
    private long firstSampleAt = -1;
    private int ptoCount;
    /** The range of remembered lost packet numbers, for the ACK being processed. */
    private long lostLow;
    private long lostHigh;

    public LossRecovery(RttEstimator rtt, CongestionController cc, long maxAckDelayMicros) {
        this.rtt = rtt;
        this.cc = cc;
        this.maxAckDelayMicros = maxAckDelayMicros;
    }

    public RttEstimator rtt() {
        return rtt;
    }

    public CongestionController congestion() {
        return cc;
    }

    public long largestAcked() {
        return largestAcked;
    }

    public int ptoCount() {
        return ptoCount;
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    /** The PTO without backoff: smoothed + max(4 * rttvar, granularity) + max_ack_delay. */
    public long basePto() {
        return rtt.pto(maxAckDelayMicros);
    }

    /** When the oldest packet still in flight left, or {@link #NONE}. */
    public long oldestSentTime() {
        return inFlight.isEmpty() ? NONE : inFlight.first().sentAtMicros();
    }


    /** The packets in flight, oldest first (a copy). */
    public List<TrackedPacket<P>> inFlight() {
        return inFlight.all();
    }

    public void onSent(long packetNumber, long nowMicros, int size, P payload) {
        inFlight.add(new TrackedPacket<>(packetNumber, nowMicros, size, payload));
        lastAckElicitingSent = nowMicros;
        cc.onSent(size);
    }

    /** Processes the ranges of one ACK or PATH_ACK frame; {@code ackDelayMicros} is already decoded. */
    public AckResult<P> onAck(long largest, long firstRange, AckRanges ranges, long ackDelayMicros, long nowMicros) {
        List<TrackedPacket<P>> acked = new ArrayList<>();
        List<TrackedPacket<P>> late = null;
        // Ranges come in descending order; below the oldest tracked packet there is nothing left to find.
        long floor = Math.min(inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.first().packetNumber(),
                declaredLost.isEmpty() ? Long.MAX_VALUE : declaredLost.firstKey());
        lostLow = declaredLost.isEmpty() ? Long.MAX_VALUE : declaredLost.firstKey();
        lostHigh = declaredLost.isEmpty() ? Long.MIN_VALUE : declaredLost.lastKey();
        long hi = largest;
        long lo = largest - firstRange;
        for (int i = 0; hi >= floor; i++) {
            late = collect(lo, hi, acked, late);
            if (i >= ranges.count()) {
                break;
            }
            hi = lo - ranges.gap(i) - 2;
            lo = hi - ranges.length(i);
        }
        largestAcked = Math.max(largestAcked, largest);
        forgetOldLosses(nowMicros);
        List<TrackedPacket<P>> lateAcked = late == null ? List.of() : late;
        if (acked.isEmpty()) {
            return lateAcked.isEmpty() ? AckResult.nothing() : new AckResult<>(List.of(), List.of(), lateAcked, false);
        }
        boolean sampled = false;
        TrackedPacket<P> newest = acked.get(acked.size() - 1);
        if (newest.packetNumber() == largest) {
            // RFC 9002 §5.1: a sample only when the largest acknowledged is newly acknowledged.
            rtt.onSample(Math.max(0, nowMicros - newest.sentAtMicros()), Math.min(ackDelayMicros, maxAckDelayMicros));
            sampled = true;
            if (firstSampleAt < 0) {
                firstSampleAt = nowMicros;
            }
        }
        for (TrackedPacket<P> p : acked) {
            cc.onAcked(p.sentAtMicros(), p.size(), nowMicros, rtt);
        }
        List<TrackedPacket<P>> lost = detectLost(nowMicros);
        // RFC 9002 §6.2.1: an acknowledgement resets the backoff.
        ptoCount = 0;
        return new AckResult<>(acked, lost, lateAcked, sampled);
    }

    /** Moves the packets numbered lo..hi out of flight into {@code acked}; late acknowledgements into the result. */
    private List<TrackedPacket<P>> collect(long lo, long hi, List<TrackedPacket<P>> acked, List<TrackedPacket<P>> late) {
        if (hi < 0) {
            return late;
        }
        lo = Math.max(lo, 0);
        if (!inFlight.isEmpty()) {
            // Ranges arrive in descending order; keep the result ascending by inserting each range in front.
            List<TrackedPacket<P>> part = new ArrayList<>();
            inFlight.removeRange(lo, hi, part);
            if (!part.isEmpty()) {
                acked.addAll(0, part);
            }
        }
        Long firstLost = hi < lostLow || lo > lostHigh ? null : declaredLost.ceilingKey(lo);
        if (firstLost != null && firstLost <= hi) {
            NavigableMap<Long, TrackedPacket<P>> lostRange = declaredLost.subMap(firstLost, true, hi, true);
            if (late == null) {
                late = new ArrayList<>();
            }
            late.addAll(lostRange.values());
            lostRange.clear();
        }
        return late;
    }

    /**
     * The time the loss detection timer fires: the loss time when a packet waits for the time threshold,
     * else the PTO with backoff after the last ack-eliciting packet, else {@link #NONE} (nothing in flight).
     */
    public long timerDeadline() {
        if (lossTime != NONE) {
            return lossTime;
        }
        if (inFlight.isEmpty()) {
            return NONE;
        }
        return lastAckElicitingSent + (basePto() << Math.min(ptoCount, 20));
    }

    /**
     * Runs the loss detection timer: packets lost by time threshold, or, if the PTO expired, a probe is
     * due ({@code probe} true; the backoff doubles).
     */
    public Timeout<P> onTimer(long nowMicros) {
        if (lossTime != NONE && nowMicros >= lossTime) {
            return new Timeout<>(detectLost(nowMicros), false);
        }
        if (lossTime == NONE && !inFlight.isEmpty() && nowMicros >= timerDeadline()) {
            ptoCount++;
            return new Timeout<>(List.of(), true);
        }
        return new Timeout<>(List.of(), false);
    }

    /** What a timer expiry produced. */
    public record Timeout<P>(List<TrackedPacket<P>> lost, boolean probe) {
    }

    /** RFC 9002 §6.1: packet threshold 3, time threshold 9/8 of max(latest, smoothed) RTT. */
    private List<TrackedPacket<P>> detectLost(long nowMicros) {
        lossTime = NONE;
        if (largestAcked < 0 || inFlight.isEmpty() || inFlight.first().packetNumber() > largestAcked) {
            return List.of();
        }
        long lossDelay = Math.max(9 * Math.max(rtt.latest(), rtt.smoothed()) / 8, RttEstimator.GRANULARITY_MICROS);
        long lostSendTime = nowMicros - lossDelay;
        List<TrackedPacket<P>> lost = null;
        for (TrackedPacket<P> p : inFlight.below(largestAcked)) {
            if (p.sentAtMicros() <= lostSendTime || largestAcked >= p.packetNumber() + PACKET_THRESHOLD) {
                inFlight.remove(p.packetNumber());
                if (lost == null) {
                    lost = new ArrayList<>();
                }
                lost.add(p);
            } else {
                lossTime = Math.min(lossTime, p.sentAtMicros() + lossDelay);
            }
        }
        if (lost == null) {
            return List.of();
        }
        onLost(lost, nowMicros);
        return lost;
    }

    private void onLost(List<TrackedPacket<P>> lost, long nowMicros) {
        long newestSent = Long.MIN_VALUE;
        for (TrackedPacket<P> p : lost) {
            cc.onRemoved(p.size());
            newestSent = Math.max(newestSent, p.sentAtMicros());
            declaredLost.put(p.packetNumber(), p);
            lossTimes.add(new long[] {p.packetNumber(), nowMicros});
        }
        forgetOldLosses(nowMicros);
        cc.onCongestionEvent(newestSent, nowMicros);
        if (persistentCongestion(lost)) {
            cc.onPersistentCongestion();
        }
    }

    /**
     * A loss declared more than two PTO ago is not revisited: an acknowledgement of the packet would long
     * have arrived. Keeps the memory (and the work per ACK range) small.
     */
    private void forgetOldLosses(long nowMicros) {
        long horizon = nowMicros - 2 * basePto();
        while (!lossTimes.isEmpty() && (lossTimes.peekFirst()[1] < horizon || declaredLost.size() > LOST_MEMORY)) {
            declaredLost.remove(lossTimes.pollFirst()[0]);
        }
    }

    /**
     * RFC 9002 §7.6, simplified to one loss event: two lost packets, both sent after the first RTT sample,
     * further apart than 3 * (smoothed + max(4 rttvar, granularity) + max_ack_delay), with every tracked
     * packet numbered between them lost too.
     */
    private boolean persistentCongestion(List<TrackedPacket<P>> lost) {
        if (firstSampleAt < 0 || lost.size() < 2) {
            return false;
        }
        long duration = 3 * basePto();
        TrackedPacket<P> first = null;
        for (TrackedPacket<P> p : lost) {
            if (p.sentAtMicros() <= firstSampleAt) {
                continue;
            }
            if (first == null) {
                first = p;
            }
        }
        if (first == null) {
            return false;
        }
        TrackedPacket<P> last = lost.get(lost.size() - 1);
        if (last.sentAtMicros() - first.sentAtMicros() <= duration) {
            return false;
        }
        // No packet between them may have been acknowledged: they are all still tracked (now as lost).
        long firstNumber = first.packetNumber();
        return inFlight.below(last.packetNumber()).stream().noneMatch(p -> p.packetNumber() > firstNumber)
                && declaredLost.subMap(first.packetNumber(), true, last.packetNumber(), true).size()
                        == last.packetNumber() - first.packetNumber() + 1;
    }

    /**
     * Removes every packet in flight without congestion signal (the path is freed after abandonment, draft-21
     * §3.4.3) and returns them for reinjection on other paths.
     */
    public List<TrackedPacket<P>> drainAll() {
        List<TrackedPacket<P>> all = inFlight.all();
        for (TrackedPacket<P> p : all) {
            cc.onRemoved(p.size());
        }
        inFlight.clear();
        declaredLost.clear();
        lossTimes.clear();
        lossTime = NONE;
        return all;
    }
}
