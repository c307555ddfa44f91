package io.mpqc.ref.recovery;

/**
 * The congestion controller of one path. Draft-21 §2.3 runs RFC 9002 congestion control per path ID, so
 * every path owns one instance: its window, the bytes in flight against it, and its reactions to
 * acknowledgements and congestion signals. Byte counts are QUIC packet sizes; times are microseconds.
 */
public sealed interface CongestionController permits LossBasedController {

    /** The name the controller is selected by ({@code newreno}, {@code cubic}). */
    String name();

    /** The congestion window in bytes. */
    long window();

    long bytesInFlight();

    /** Room left in the window; 0 when full. */
    default long available() {
        return Math.max(0, window() - bytesInFlight());
    }

    boolean inSlowStart();

    /** An ack-eliciting packet of {@code bytes} left on this path. */
    void onSent(int bytes);

    /**
     * A packet sent at {@code sentAtMicros} was acknowledged. Packets sent before the current recovery
     * period began leave the flight without growing the window (RFC 9002 §7.3.2).
     */
    void onAcked(long sentAtMicros, int bytes, long nowMicros, RttEstimator rtt);

    /** Bytes leave the flight without an acknowledgement: declared lost, or discarded with a freed path. */
    void onRemoved(int bytes);

    /**
     * A lost packet sent at {@code sentAtMicros} signals congestion; at most one reduction per recovery
     * period, which starts now.
     */
    void onCongestionEvent(long sentAtMicros, long nowMicros);

    /** RFC 9002 §7.6.2: the window collapses to the minimum. */
    void onPersistentCongestion();

    /** RFC 9002 §7.2: min(10 * max_datagram_size, max(14720, 2 * max_datagram_size)). */
    static long initialWindow(int maxDatagramSize) {
        return Math.min(10L * maxDatagramSize, Math.max(14_720L, 2L * maxDatagramSize));
    }

    /** RFC 9002 §7.2: 2 * max_datagram_size. */
    static long minimumWindow(int maxDatagramSize) {
        return 2L * maxDatagramSize;
    }

    /**
     * Whether the window limited sending when {@code inFlight} bytes were out: growing the window of a
     * path the sender does not fill would only build up credit it never tested (RFC 9002 §7.8). In slow
     * start half a window counts as limited, because pacing keeps the flight below the window.
     */
    static boolean windowLimited(long inFlight, long window, boolean slowStart, int maxDatagramSize) {
        return inFlight + 3L * maxDatagramSize >= window || slowStart && inFlight >= window / 2;
    }
}
