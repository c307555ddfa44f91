package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Frame;
import java.util.Arrays;

/**
 * Translates acknowledgements into the connection core's numbering. The data layer numbers packets on the
 * wire (one space per path, as draft-21 requires) and the core numbers the packets it built itself; when a
 * wire packet that carried a core packet is acknowledged, the core is told with a PATH_ACK naming its own
 * packet numbers. This keeps the core's PATH_ACK handling, RTT samples and in-flight bookkeeping (and so
 * its PTO-based timers) working without giving it the data traffic.
 */
final class CoreAcks {
    private CoreAcks() {
    }

    /**
     * A PATH_ACK for {@code pathId} acknowledging exactly {@code count} core packet numbers from {@code pns}
     * (in any order, no duplicates), with the wire frame's encoded ACK Delay.
     */
    static Frame.PathAck frame(long pathId, long[] pns, int count, long ackDelayField) {
        long[] sorted = Arrays.copyOf(pns, count);
        Arrays.sort(sorted);
        int i = count - 1;
        long largest = sorted[i];
        long lo = largest;
        while (i > 0 && sorted[i - 1] == lo - 1) {
            lo = sorted[--i];
        }
        long firstRange = largest - lo;
        long[] pairs = new long[2 * count];
        int n = 0;
        long previousSmallest = lo;
        while (i > 0) {
            long hi = sorted[--i];
            long rangeLo = hi;
            while (i > 0 && sorted[i - 1] == rangeLo - 1) {
                rangeLo = sorted[--i];
            }
            pairs[n++] = previousSmallest - hi - 2;
            pairs[n++] = hi - rangeLo;
            previousSmallest = rangeLo;
        }
        AckRanges ranges = n == 0 ? AckRanges.NONE : AckRanges.of(Arrays.copyOf(pairs, n));
        return new Frame.PathAck(pathId, largest, ackDelayField, firstRange, ranges, null);
    }
}
