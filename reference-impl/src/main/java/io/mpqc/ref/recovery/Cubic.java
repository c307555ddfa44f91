package io.mpqc.ref.recovery;

/**
 * CUBIC (RFC 9438): the window follows W(t) = C (t - K)^3 + W_max after a reduction by beta = 0.7, with
 * fast convergence and the Reno-friendly estimate; slow start and recovery periods as in RFC 9002.
 * Window arithmetic of the cubic function is in datagrams and seconds, as in the RFC.
 */
public final class Cubic extends LossBasedController {
    private static final double BETA = 0.7;
    private static final double C = 0.4;
    /** RFC 9438 §4.3: the Reno-friendly additive increase for beta = 0.7. */
    private static final double ALPHA = 3 * (1 - BETA) / (1 + BETA);

    /** Start of the current avoidance epoch, or -1 before it. */
    private long epochStart = -1;
    private double wMax;
    private double lastWMax;
    private double k;
    /** The Reno-friendly window estimate, in datagrams. */
    private double wEst;

    public Cubic(int maxDatagramSize) {
        super(maxDatagramSize);
    }

    @Override
    public String name() {
        return "cubic";
    }

    @Override
    void growInAvoidance(int bytes, long nowMicros, RttEstimator rtt) {
        double cwnd = (double) window / maxDatagramSize;
        if (epochStart < 0) {
            // Avoidance without an earlier reduction: the epoch starts at the current window.
            epochStart = nowMicros;
            wMax = cwnd;
            k = 0;
            wEst = cwnd;
        }
        double t = (nowMicros - epochStart) / 1e6;
        double rttSeconds = Math.max(rtt.smoothed(), 1) / 1e6;
        double target = C * Math.pow(t + rttSeconds - k, 3) + wMax;
        target = Math.max(cwnd, Math.min(target, 1.5 * cwnd));
        double acked = (double) bytes / maxDatagramSize;
        wEst += ALPHA * acked / cwnd;
        double next;
        if (C * Math.pow(t - k, 3) + wMax < wEst) {
            next = wEst; // Reno-friendly region
        } else {
            next = cwnd + (target - cwnd) * acked / cwnd;
        }
        window = Math.max(window, (long) (next * maxDatagramSize));
    }

    @Override
    void reduce(long nowMicros) {
        double cwnd = (double) window / maxDatagramSize;
        // Fast convergence (RFC 9438 §4.7): a flow that lost before reaching its last maximum yields.
        wMax = cwnd < lastWMax ? cwnd * (1 + BETA) / 2 : cwnd;
        lastWMax = cwnd;
        long reduced = Math.max((long) (window * BETA), CongestionController.minimumWindow(maxDatagramSize));
        ssthresh = reduced;
        window = reduced;
        k = Math.cbrt(wMax * (1 - BETA) / C);
        epochStart = nowMicros;
        wEst = (double) window / maxDatagramSize;
    }

    @Override
    void restartAvoidance() {
        epochStart = -1;
    }
}
