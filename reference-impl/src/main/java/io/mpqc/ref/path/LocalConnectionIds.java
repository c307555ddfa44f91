package io.mpqc.ref.path;

import java.util.List;
import java.util.TreeMap;

/**
 * The connection IDs we issued to the peer for one path ID (the peer sends to us with them): the next
 * sequence number to give out, starting at 0 on every path, and the IDs not retired yet.
 */
public final class LocalConnectionIds {
    private final TreeMap<Long, ConnectionIdEntry> active = new TreeMap<>();
    private long nextSequence;

    /** The sequence number the next issued ID gets; PATH_CIDS_BLOCKED may not name a higher one. */
    public long nextSequence() {
        return nextSequence;
    }

    /** The highest sequence number issued so far, or -1. */
    public long highestIssued() {
        return nextSequence - 1;
    }

    public void issue(ConnectionIdEntry entry) {
        if (entry.sequence() < nextSequence) {
            throw new IllegalArgumentException("connection IDs of a path are issued in sequence order");
        }
        active.put(entry.sequence(), entry);
        nextSequence = entry.sequence() + 1;
    }

    /** Retires an ID; returns it, or null if it was not active. */
    public ConnectionIdEntry retire(long sequence) {
        return active.remove(sequence);
    }

    public ConnectionIdEntry get(long sequence) {
        return active.get(sequence);
    }

    public int activeCount() {
        return active.size();
    }

    public List<ConnectionIdEntry> entries() {
        return List.copyOf(active.values());
    }

    /** Forgets every ID when the path is freed. */
    public List<ConnectionIdEntry> clear() {
        List<ConnectionIdEntry> all = List.copyOf(active.values());
        active.clear();
        return all;
    }
}
