package io.mpqc.ref.path;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The connection IDs the peer issued for one path ID (we send to the peer with them): one sequence space
 * per path starting at 0, and the largest Retire Prior To the peer sent for the path (draft-21 §4.4).
 */
public final class PeerConnectionIds {
    private final TreeMap<Long, ConnectionIdEntry> active = new TreeMap<>();
    private long retirePriorTo;
    private long nextExpected;

    public ConnectionIdEntry get(long sequence) {
        return active.get(sequence);
    }

    public int activeCount() {
        return active.size();
    }

    public long retirePriorTo() {
        return retirePriorTo;
    }

    /** How many active IDs have a sequence number below {@code bound}. */
    public int countBelow(long bound) {
        return active.headMap(bound, false).size();
    }

    /** Raises Retire Prior To and removes the IDs below it; returns the removed ones. */
    public List<ConnectionIdEntry> retireBelow(long bound) {
        List<ConnectionIdEntry> removed = new ArrayList<>(active.headMap(bound, false).values());
        active.headMap(bound, false).clear();
        retirePriorTo = Math.max(retirePriorTo, bound);
        return removed;
    }

    public void add(ConnectionIdEntry entry) {
        active.put(entry.sequence(), entry);
        nextExpected = Math.max(nextExpected, entry.sequence() + 1);
    }

    /** One above the highest sequence number received: what PATH_CIDS_BLOCKED names as next. */
    public long nextExpected() {
        return nextExpected;
    }

    /** Drops every ID: the path was abandoned, so its peer IDs count as retired (draft-21 §3.4). */
    public List<ConnectionIdEntry> clear() {
        List<ConnectionIdEntry> removed = new ArrayList<>(active.values());
        active.clear();
        return removed;
    }

    /** The active ID with the lowest sequence number, or null. */
    public ConnectionIdEntry first() {
        return active.isEmpty() ? null : active.firstEntry().getValue();
    }

    public List<ConnectionIdEntry> entries() {
        return List.copyOf(active.values());
    }
}
