package io.mpqc.ref.sim;

/**
 * How a run coped with its outage. Times are absolute simulated microseconds; the PTO and RTT are the data
 * sender's (the server's) estimates at the moment the outage began.
 *
 * @param outageMicros when the failing path began to black-hole
 * @param failedPath the failing path's ID
 * @param resumeMicros when in-order delivery resumed after the longest stall that began within 3 PTO of the
 *     outage (the failover; later stalls have other causes); -1 if it never did
 * @param ptoMicros the failed path's PTO
 * @param survivingRttMicros the smoothed RTT of the best surviving path
 * @param abandonMicros when the first PATH_ABANDON for the failed path was sent (by either side); -1 if never
 */
public record Failover(long outageMicros, long failedPath, long resumeMicros, long ptoMicros, long survivingRttMicros,
        long abandonMicros) {

    /** From the outage until delivery resumed: the failover gap. */
    public long gapMicros() {
        return resumeMicros < 0 ? -1 : resumeMicros - outageMicros;
    }

    /** The goal: one PTO of the failed path plus one RTT of the surviving one. */
    public long boundMicros() {
        return ptoMicros + survivingRttMicros;
    }

    public boolean resumedInTime() {
        return resumeMicros >= 0 && gapMicros() <= boundMicros();
    }

    /** From the outage until the PATH_ABANDON. */
    public long abandonDelayMicros() {
        return abandonMicros < 0 ? -1 : abandonMicros - outageMicros;
    }

    public boolean abandonedInTime() {
        return abandonMicros >= 0 && abandonDelayMicros() <= 3 * ptoMicros;
    }
}
