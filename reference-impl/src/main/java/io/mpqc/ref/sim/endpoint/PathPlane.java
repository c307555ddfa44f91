package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.recovery.CongestionControllers;
import io.mpqc.ref.recovery.LossRecovery;
import io.mpqc.ref.recovery.Pacer;
import io.mpqc.ref.recovery.RttEstimator;
import io.mpqc.ref.sched.PathSnapshot;

/**
 * The data layer's state of one path: its packet number space on the wire, loss recovery with its
 * congestion controller, the pacer, the acknowledgement tracker for what arrives on it, and the failure
 * detector's verdict. The connection core owns the path's lifecycle; this is everything the core does not
 * model.
 */
final class PathPlane {
    final long id;
    final LossRecovery<SentContent> recovery;
    final Pacer pacer;
    final AckTracker acks;
    long nextPacketNumber;
    /** Abandoned (by either side): nothing more is sent on it. */
    boolean closing;
    /** The failure detector suspects the path: its oldest packet went unacknowledged for a PTO. */
    boolean suspect;
    /** When the suspicion began; when the oldest unacknowledged packet left, and the PTO, at that time. */
    long suspectSince = -1;
    long suspectOldest = -1;
    long suspectPto;
    /** PTO probes to send on the path, beyond its window. */
    int probesDue;
    long lastReceivedAt = -1;
    /** When an acknowledgement last acknowledged a packet of this path for the first time. */
    long lastProgressAt = -1;
    long lastAckElicitingSentAt = -1;
    long bytesSent;
    long streamBytesSent;

    PathPlane(long id, EndpointConfig config) {
        this.id = id;
        RttEstimator rtt = new RttEstimator(config.initialRttMicros());
        this.recovery = new LossRecovery<>(rtt, CongestionControllers.create(config.congestionControl(),
                config.maxPacketSize()), config.maxAckDelayMicros());
        this.pacer = new Pacer(config.maxPacketSize());
        this.acks = new AckTracker(config.maxAckDelayMicros());
    }

    long window() {
        return recovery.congestion().window();
    }

    long bytesInFlight() {
        return recovery.congestion().bytesInFlight();
    }

    long smoothedRtt() {
        return recovery.rtt().smoothed();
    }

    /** The earliest time the pacer lets a packet of {@code bytes} leave. */
    long pacingTime(long now, int bytes) {
        return pacer.nextSendTime(now, window(), smoothedRtt(), bytes);
    }

    /** The scheduler's picture of this path; {@code paced} makes it unable to send now. */
    PathSnapshot snapshot(boolean usable, boolean standby, boolean paced, double weight) {
        RttEstimator rtt = recovery.rtt();
        // A pacing delay looks to the scheduler like a full window: the path cannot take a packet now.
        long inFlight = paced ? Math.max(bytesInFlight(), window()) : bytesInFlight();
        return new PathSnapshot(id, usable, standby, rtt.smoothed(), rtt.variation(), rtt.min(), window(), inFlight,
                recovery.congestion().inSlowStart(), weight);
    }
}
