package io.mpqc.ref.sim.endpoint;

import io.mpqc.ref.frame.Frame;
import java.util.TreeMap;

/**
 * The receiving side of this endpoint's streams: reassembly, in-order delivery to the application (which
 * reads at once), connection-level flow control (MAX_DATA), and the measurements that belong here:
 * duplicate bytes, head-of-line waiting time in the receive buffer, integrity of every byte.
 */
final class ReceiveStreams {
    private final TreeMap<Long, Stream> streams = new TreeMap<>();
    private final StreamData data;
    private final long window;
    private long consumed;
    private long advertised;
    private boolean maxDataLost;
    private long duplicateBytes;
    private long corruptFrames;
    /** Sum over delivered bytes of the time each waited in the buffer for earlier bytes (byte-microseconds). */
    private long holByteMicros;

    ReceiveStreams(StreamData data, long window) {
        this.data = data;
        this.window = window;
        this.advertised = window;
    }

    private static final class Stream {
        final RangeSet received = new RangeSet();
        long delivered;
        long finalSize = -1;
    }

    /** What a STREAM frame changed for the application. */
    record Delivery(long streamId, long delivered, boolean complete) {
    }

    /** Takes a STREAM frame; returns the in-order progress it made, or null if it made none. */
    Delivery onStream(Frame.Stream f, long now) {
        Stream s = streams.computeIfAbsent(f.streamId(), id -> new Stream());
        int len = f.data().length();
        if (!data.matches(f.streamId(), f.offset(), f.data())) {
            corruptFrames++;
            return null;
        }
        if (f.fin()) {
            s.finalSize = f.offset() + len;
        }
        long fresh = s.received.add(f.offset(), f.offset() + len);
        duplicateBytes += len - fresh;
        long before = s.delivered;
        // Head-of-line time is the sum over bytes of (delivery - arrival): a byte that must wait adds
        // -arrival now and +delivery when the gap before it closes; bytes delivered on arrival add nothing.
        if (f.offset() > before) {
            holByteMicros -= fresh * now;
            return null; // behind a gap: nothing new in order
        }
        s.delivered = s.received.coveredUpTo(before);
        if (s.delivered == before) {
            return null; // a duplicate
        }
        holByteMicros += (s.delivered - before - fresh) * now;
        consumed += s.delivered - before;
        return new Delivery(f.streamId(), s.delivered, s.finalSize >= 0 && s.delivered >= s.finalSize);
    }

    /** A MAX_DATA update is due: a quarter of the window was consumed since the last one, or it was lost. */
    boolean maxDataDue() {
        return maxDataLost || consumed + window - advertised >= window / 4;
    }

    /** The MAX_DATA value to send now; counts it as advertised. */
    long takeMaxData() {
        advertised = Math.max(advertised, consumed + window);
        maxDataLost = false;
        return advertised;
    }

    void onMaxDataLost() {
        maxDataLost = true;
    }

    long duplicateBytes() {
        return duplicateBytes;
    }

    long corruptFrames() {
        return corruptFrames;
    }

    long holByteMicros() {
        return holByteMicros;
    }

    /** Bytes delivered in order over all streams. */
    long consumed() {
        return consumed;
    }
}
