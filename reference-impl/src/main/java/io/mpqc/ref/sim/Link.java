package io.mpqc.ref.sim;

import java.util.List;

/**
 * One direction of a simulated path: a drop-tail FIFO in front of a transmitter of fixed rate, then a fixed
 * propagation delay. Computed analytically, without queue events: a packet leaves the transmitter when
 * every packet before it has (nanosecond precision) and arrives one delay later. A packet is lost when
 * the buffer is full, when the loss model drops it, or when it would enter or arrive during an outage.
 */
final class Link {
    /** IPv4 and UDP headers around each QUIC packet. */
    static final int DATAGRAM_OVERHEAD = 28;

    private final LinkSpec spec;
    private final LossModel.Process loss;
    private final List<Outage> outages;
    private long busyUntilNanos;
    long delivered;
    long queueDrops;
    long randomDrops;
    long outageDrops;

    Link(LinkSpec spec, LossModel.Process loss, List<Outage> outages) {
        this.spec = spec;
        this.loss = loss;
        this.outages = outages;
    }

    /** Sends a QUIC packet of {@code bytes}; returns its arrival time, or -1 if it is lost. */
    long transmit(long nowMicros, int bytes) {
        if (inOutage(nowMicros)) {
            outageDrops++;
            return -1;
        }
        int wire = bytes + DATAGRAM_OVERHEAD;
        long nowNanos = nowMicros * 1000;
        long backlogNanos = Math.max(0, busyUntilNanos - nowNanos);
        long backlogBytes = backlogNanos * spec.bitsPerSecond() / 8_000_000_000L;
        if (backlogBytes + wire > spec.queueBytes()) {
            queueDrops++;
            return -1;
        }
        busyUntilNanos = Math.max(busyUntilNanos, nowNanos) + wire * 8_000_000_000L / spec.bitsPerSecond();
        if (loss.drop()) {
            randomDrops++;
            return -1;
        }
        long arrival = (busyUntilNanos + 999) / 1000 + spec.delayMicros();
        if (inOutage(arrival)) {
            outageDrops++;
            return -1;
        }
        delivered++;
        return arrival;
    }

    private boolean inOutage(long micros) {
        for (Outage o : outages) {
            if (o.covers(micros)) {
                return true;
            }
        }
        return false;
    }
}
