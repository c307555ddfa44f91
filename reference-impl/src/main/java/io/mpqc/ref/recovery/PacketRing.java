package io.mpqc.ref.recovery;

import java.util.ArrayList;
import java.util.List;

/**
 * The packets in flight on one path, indexed by packet number. Packets are added in increasing number and
 * leave in any order, so a ring over the numbers from the oldest in flight to the newest does every
 * operation loss recovery needs by direct indexing: no tree, no boxing. Numbers never tracked (packets
 * that elicit no acknowledgement) and packets already gone are empty slots.
 */
final class PacketRing<P> {
    private TrackedPacket<P>[] slots = newArray(64);
    /** The packet number held in slot {@code head}. */
    private long base;
    private int head;
    /** Slots in use from head: numbers base .. base + span - 1. */
    private int span;
    private int count;

    @SuppressWarnings("unchecked")
    private static <P> TrackedPacket<P>[] newArray(int n) {
        return (TrackedPacket<P>[]) new TrackedPacket<?>[n];
    }

    int size() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Adds a packet numbered above every packet added before. */
    void add(TrackedPacket<P> p) {
        long pn = p.packetNumber();
        if (count == 0) {
            base = pn;
            head = 0;
            span = 0;
        }
        int offset = (int) (pn - base);
        if (offset < span) {
            throw new IllegalArgumentException("packet numbers are added in increasing order");
        }
        while (offset >= slots.length) {
            grow();
        }
        slots[(head + offset) & (slots.length - 1)] = p;
        span = offset + 1;
        count++;
    }

    private void grow() {
        TrackedPacket<P>[] bigger = newArray(slots.length * 2);
        for (int i = 0; i < span; i++) {
            bigger[i] = slots[(head + i) & (slots.length - 1)];
        }
        slots = bigger;
        head = 0;
    }

    /** The oldest packet, or null. */
    TrackedPacket<P> first() {
        return count == 0 ? null : slots[head];
    }

    /** The packet with this number, or null. */
    TrackedPacket<P> get(long pn) {
        long offset = pn - base;
        return offset < 0 || offset >= span ? null : slots[(int) ((head + offset) & (slots.length - 1))];
    }

    /** Removes and returns the packets numbered lo..hi, in increasing order, into {@code out}. */
    void removeRange(long lo, long hi, List<TrackedPacket<P>> out) {
        long from = Math.max(lo, base);
        long to = Math.min(hi, base + span - 1);
        for (long pn = from; pn <= to; pn++) {
            int i = (int) ((head + (pn - base)) & (slots.length - 1));
            TrackedPacket<P> p = slots[i];
            if (p != null) {
                slots[i] = null;
                count--;
                out.add(p);
            }
        }
        trim();
    }

    /** Removes one packet. */
    TrackedPacket<P> remove(long pn) {
        long offset = pn - base;
        if (offset < 0 || offset >= span) {
            return null;
        }
        int i = (int) ((head + offset) & (slots.length - 1));
        TrackedPacket<P> p = slots[i];
        if (p != null) {
            slots[i] = null;
            count--;
            trim();
        }
        return p;
    }

    /** The packets numbered below {@code limit}, oldest first (a copy). */
    List<TrackedPacket<P>> below(long limit) {
        List<TrackedPacket<P>> out = new ArrayList<>();
        long to = Math.min(limit - 1, base + span - 1);
        for (long pn = base; pn <= to; pn++) {
            TrackedPacket<P> p = slots[(int) ((head + (pn - base)) & (slots.length - 1))];
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Every packet, oldest first (a copy). */
    List<TrackedPacket<P>> all() {
        return below(Long.MAX_VALUE);
    }

    void clear() {
        for (int i = 0; i < span; i++) {
            slots[(head + i) & (slots.length - 1)] = null;
        }
        count = 0;
        span = 0;
    }

    /** Moves the head past empty slots so that the first slot holds the oldest packet. */
    private void trim() {
        if (count == 0) {
            clear();
            return;
        }
        while (slots[head] == null) {
            head = (head + 1) & (slots.length - 1);
            base++;
            span--;
        }
    }
}
