package io.mpqc.ref.recovery;

/**
 * CUBIC (RFC 9438): the window follows W(t) = C (t - K)^3 + W_max after a reduction by beta = 0.7, with
 * fast convergence and the Reno-friendly estimate; slow start and recovery periods as in RFC 9002.
 * Window arithmetic of the cubic function is in datagrams and seconds, as in the RFC.
 */
public final class Cubic implements CongestionController {
    private static final double BETA = 0.7;
    private static final double C = 0.4;
    /** RFC 9438 §4.3: the Reno-friendly additive increase for beta = 0.7. */
    private static final double ALPHA = 3 * (1 - BETA) / (1 + BETA);

    private final int maxDatagramSize;
    private long window;
    private long ssthresh = Long.MAX_VALUE;
    private long bytesInFlight;
    private long recoveryStart = Long.MIN_VALUE;
    /** Start of the current avoidance epoch, or -1 before it. */
    private long epochStart = -1;
    private double wMax;
    private double lastWMax;
    private double k;
    /** The Reno-friendly window estimate, in datagrams. */
    private double wEst;

    public Cubic(int maxDatagramSize) {
        this.maxDatagramSize = maxDatagramSize;
        this.window = CongestionController.initialWindow(maxDatagramSize);
    }

    @Override
    public String name() {
        return "cubic";
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
    public void onRemoved(int bytes) {
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
    }

    @Override
    public void onCongestionEvent(long sentAtMicros, long nowMicros) {
        if (sentAtMicros <= recoveryStart) {
            return;
        }
        recoveryStart = nowMicros;
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
    public void onPersistentCongestion() {
        window = CongestionController.minimumWindow(maxDatagramSize);
        recoveryStart = Long.MIN_VALUE;
        epochStart = -1;
    }
}
