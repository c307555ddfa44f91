package io.mpqc.ref.recovery;

/** The NewReno controller of RFC 9002 §7.3 and Appendix B: slow start, recovery, congestion avoidance. */
public final class NewReno implements CongestionController {
    private final int maxDatagramSize;
    private long window;
    private long ssthresh = Long.MAX_VALUE;
    private long bytesInFlight;
    private long recoveryStart = Long.MIN_VALUE;
    /** Acknowledged bytes not yet turned into window growth in congestion avoidance. */
    private long avoidanceCredit;

    public NewReno(int maxDatagramSize) {
        this.maxDatagramSize = maxDatagramSize;
        this.window = CongestionController.initialWindow(maxDatagramSize);
    }

    @Override
    public String name() {
        return "newreno";
    }

    @Override
    public long window() {
        return window;
    }

    @Override
    public long bytesInFlight() {
        return bytesInFlight;
    }

    @Override
    public boolean inSlowStart() {
        return window < ssthresh;
    }

    @Override
    public void onSent(int bytes) {
        bytesInFlight += bytes;
    }

    @Override
    public void onAcked(long sentAtMicros, int bytes, long nowMicros, RttEstimator rtt) {
        boolean limited = CongestionController.windowLimited(bytesInFlight, window, inSlowStart(), maxDatagramSize);
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
        if (sentAtMicros <= recoveryStart || !limited) {
            return;
        }
        if (inSlowStart()) {
            window += bytes;
            return;
        }
        // One datagram per window of acknowledged bytes (RFC 9002 §7.3.3), without integer truncation.
        avoidanceCredit += bytes;
        if (avoidanceCredit >= window) {
            avoidanceCredit -= window;
            window += maxDatagramSize;
        }
    }

    @Override
    public void onRemoved(int bytes) {
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
    }

    @Override
    public void onCongestionEvent(long sentAtMicros, long nowMicros) {
        if (sentAtMicros <= recoveryStart) {
            return;
        }
        recoveryStart = nowMicros;
        ssthresh = Math.max(window / 2, CongestionController.minimumWindow(maxDatagramSize));
        window = ssthresh;
        avoidanceCredit = 0;
    }

    @Override
    public void onPersistentCongestion() {
        window = CongestionController.minimumWindow(maxDatagramSize);
        recoveryStart = Long.MIN_VALUE;
        avoidanceCredit = 0;
    }
}
