package io.mpqc.ref.recovery;

/** The NewReno controller of RFC 9002 §7.3 and Appendix B: slow start, recovery, congestion avoidance. */
public final class NewReno extends LossBasedController {
    /** Acknowledged bytes not yet turned into window growth in congestion avoidance. */
    private long avoidanceCredit;

    public NewReno(int maxDatagramSize) {
        super(maxDatagramSize);
    }

    @Override
    public String name() {
        return "newreno";
    }

    @Override
    void growInAvoidance(int bytes, long nowMicros, RttEstimator rtt) {
        // One datagram per window of acknowledged bytes (RFC 9002 §7.3.3), without integer truncation.
        avoidanceCredit += bytes;
        if (avoidanceCredit >= window) {
            avoidanceCredit -= window;
            window += maxDatagramSize;
        }
    }

    @Override
    void reduce(long nowMicros) {
        ssthresh = Math.max(window / 2, CongestionController.minimumWindow(maxDatagramSize));
        window = ssthresh;
        avoidanceCredit = 0;
    }

    @Override
    void restartAvoidance() {
        avoidanceCredit = 0;
    }
}
