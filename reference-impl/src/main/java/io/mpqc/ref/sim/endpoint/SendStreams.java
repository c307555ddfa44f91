package io.mpqc.ref.sim.endpoint;

import java.util.Map;
import java.util.TreeMap;

/**
 * The sending side of this endpoint's streams and of connection-level flow control. Streams are served in
 * stream ID order (RFC 9218's default, non-incremental), retransmissions before new data. Acknowledged
 * ranges are remembered per stream, so that data acknowledged through any copy (the original, a
 * retransmission, a reinjection on another path) is never sent again.
 */
final class SendStreams {
    /** The smallest chunk worth a STREAM frame when filling the end of a packet. */
    static final int MIN_CHUNK = 16;

    private final TreeMap<Long, Stream> streams = new TreeMap<>();
    private long peerMaxData;
    /** Bytes of new data sent, over all streams: what flow control counts. */
    private long sentNew;
    private long retransmitBytes;
    /** New bytes not sent yet, over all streams. */
    private long unsent;
    private Stream lastLookup;

    SendStreams(long initialPeerMaxData) {
        this.peerMaxData = initialPeerMaxData;
    }

    private static final class Stream {
        final long id;
        final long length;
        long nextNew;
        final RangeSet acked = new RangeSet();
        final RangeSet retransmit = new RangeSet();

        Stream(long id, long length) {
            this.id = id;
            this.length = length;
        }
    }

    /** Queues a stream of {@code length} bytes, finished with FIN. */
    void open(long streamId, long length) {
        if (streams.containsKey(streamId)) {
            throw new IllegalStateException("stream " + streamId + " is already open");
        }
        streams.put(streamId, new Stream(streamId, length));
        unsent += length;
    }

    void onMaxData(long maximum) {
        peerMaxData = Math.max(peerMaxData, maximum);
    }

    /** Flow-control credit left for new data. */
    long credit() {
        return Math.max(0, peerMaxData - sentNew);
    }

    long sentNew() {
        return sentNew;
    }

    boolean hasRetransmission() {
        return retransmitBytes > 0;
    }

    /** Whether new data waits (whether or not flow control lets it go). */
    boolean hasNewData() {
        return unsent > 0;
    }

    /** Something can be sent now: a retransmission, or new data within the credit. */
    boolean hasSendable() {
        return retransmitBytes > 0 || credit() > 0 && hasNewData();
    }

    /** New data waits but flow control holds it back. */
    boolean flowBlocked() {
        return credit() == 0 && hasNewData();
    }

    /** Bytes that could be sent now: retransmissions plus new data within the credit (ECF's k). */
    long queuedBytes() {
        return retransmitBytes + Math.min(unsent, credit());
    }

    /**
     * Takes the next chunk to send in a frame with {@code room} bytes (frame header included), or null when
     * nothing fits or nothing is waiting.
     */
    StreamChunk next(int room) {
        if (retransmitBytes > 0) {
            StreamChunk c = nextRetransmission(room);
            if (c != null) {
                return c;
            }
        }
        long credit = credit();
        if (credit <= 0) {
            return null;
        }
        for (Stream s : streams.values()) {
            if (s.nextNew >= s.length) {
                continue;
            }
            int max = room - FrameSizes.streamHeader(s.id, s.nextNew, Math.min(room, 16383));
            long len = Math.min(Math.min(max, s.length - s.nextNew), credit);
            if (len < Math.min(MIN_CHUNK, s.length - s.nextNew) || len <= 0) {
                return null;
            }
            StreamChunk c = new StreamChunk(s.id, s.nextNew, (int) len, s.nextNew + len == s.length);
            s.nextNew += len;
            sentNew += len;
            unsent -= len;
            return c;
        }
        return null;
    }

    private StreamChunk nextRetransmission(int room) {
        for (Stream s : streams.values()) {
            while (!s.retransmit.isEmpty()) {
                Map.Entry<Long, Long> r = s.retransmit.first();
                long start = s.acked.coveredUpTo(r.getKey());
                long end = Math.min(r.getValue(), s.acked.nextStartFrom(start));
                if (start >= r.getValue()) {
                    // Acknowledged meanwhile through another copy.
                    s.retransmit.remove(r.getKey(), r.getValue());
                    retransmitBytes -= r.getValue() - r.getKey();
                    continue;
                }
                if (start > r.getKey()) {
                    s.retransmit.remove(r.getKey(), start);
                    retransmitBytes -= start - r.getKey();
                }
                int max = room - FrameSizes.streamHeader(s.id, start, Math.min(room, 16383));
                long len = Math.min(max, end - start);
                if (len < Math.min(MIN_CHUNK, end - start) || len <= 0) {
                    return null;
                }
                s.retransmit.remove(start, start + len);
                retransmitBytes -= len;
                return new StreamChunk(s.id, start, (int) len, start + len == s.length);
            }
        }
        return null;
    }

    /** The stream a chunk belongs to; consecutive chunks mostly belong to the same one. */
    private Stream stream(long streamId) {
        Stream s = lastLookup;
        if (s == null || s.id != streamId) {
            s = streams.get(streamId);
            lastLookup = s;
        }
        return s;
    }

    void onAcked(StreamChunk c) {
        Stream s = stream(c.streamId());
        if (s != null) {
            s.acked.add(c.offset(), c.end());
        }
    }

    /** The chunk was lost: its bytes that are not acknowledged yet go back in the retransmission queue. */
    void onLost(StreamChunk c) {
        Stream s = stream(c.streamId());
        if (s == null) {
            return;
        }
        long pos = c.offset();
        while (pos < c.end()) {
            long start = s.acked.coveredUpTo(pos);
            if (start >= c.end()) {
                break;
            }
            long end = Math.min(c.end(), s.acked.nextStartFrom(start));
            retransmitBytes += s.retransmit.add(start, end);
            pos = end;
        }
    }

    /**
     * The first byte not yet acknowledged, of the first stream not fully acknowledged, as {stream ID, offset};
     * null when everything is. With flow control blocking, this is what holds the receiver's window back.
     */
    long[] headOfLine() {
        for (Stream s : streams.values()) {
            long offset = s.acked.coveredUpTo(0);
            if (offset < s.length) {
                return new long[] {s.id, offset};
            }
        }
        return null;
    }

    /** Every byte of every stream acknowledged. */
    boolean allAcked() {
        for (Stream s : streams.values()) {
            if (s.acked.size() < s.length) {
                return false;
            }
        }
        return true;
    }
}
