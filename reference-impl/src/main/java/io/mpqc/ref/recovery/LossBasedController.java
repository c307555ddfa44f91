package io.mpqc.ref.recovery;

/**
 * What NewReno and CUBIC share (RFC 9002 §7): the flight count, slow start, one reduction per recovery
 * period, and the collapse on persistent congestion. Subclasses decide only how the window grows in
 * congestion avoidance and how far it falls on a congestion event.
 */
abstract sealed class LossBasedController implements CongestionController permits NewReno, Cubic {
    protected final int maxDatagramSize;
    protected long window;
    protected long ssthresh = Long.MAX_VALUE;
    private long bytesInFlight;
    private long recoveryStart = Long.MIN_VALUE;

    LossBasedController(int maxDatagramSize) {
        this.maxDatagramSize = maxDatagramSize;
        this.window = CongestionController.initialWindow(maxDatagramSize);
    }

    @Override
    public final long window() {
        return window;
    }

    @Override
    public final long bytesInFlight() {
        return bytesInFlight;
    }

    @Override
    public final boolean inSlowStart() {
        return window < ssthresh;
    }

    @Override
    public final void onSent(int bytes) {
        bytesInFlight += bytes;
    }

    @Override
    public final void onAcked(long sentAtMicros, int bytes, long nowMicros, RttEstimator rtt) {
        boolean limited = CongestionController.windowLimited(bytesInFlight, window, inSlowStart(), maxDatagramSize);
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
        if (sentAtMicros <= recoveryStart || !limited) {
            return;
        }
        if (inSlowStart()) {
            window += bytes;
            return;
        }
        growInAvoidance(bytes, nowMicros, rtt);
    }

    @Override
    public final void onRemoved(int bytes) {
        bytesInFlight = Math.max(0, bytesInFlight - bytes);
    }

    @Override
    public final void onCongestionEvent(long sentAtMicros, long nowMicros) {
        if (sentAtMicros <= recoveryStart) {
            return;
        }
        recoveryStart = nowMicros;
        reduce(nowMicros);
    }

    @Override
    public final void onPersistentCongestion() {
        window = CongestionController.minimumWindow(maxDatagramSize);
        recoveryStart = Long.MIN_VALUE;
        restartAvoidance();
    }

    /** {@code bytes} were acknowledged while the window limited sending, outside slow start and recovery. */
    abstract void growInAvoidance(int bytes, long nowMicros, RttEstimator rtt);

    /** The first congestion event of a recovery period that starts at {@code nowMicros}: set the window. */
    abstract void reduce(long nowMicros);

    /** The window collapsed to the minimum: forget the avoidance state built on the old window. */
    abstract void restartAvoidance();
}
