package io.mpqc.ref.path;

import io.mpqc.ref.frame.Bytes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paths of one connection by path ID, the path ID limits of both sides, and the connection-wide
 * index of connection ID values (a value is unique across all paths, draft-21 §3.2.1). Path objects are
 * created on demand when a frame or packet first names an ID, and kept (emptied) after they are freed so
 * that a path ID is never used twice.
 */
public final class PathTable {
    /** Path IDs are 32-bit (draft-21 §2.1). */
    public static final long MAX_PATH_ID_VALUE = 0xFFFF_FFFFL;

    private final TreeMap<Long, Path> paths = new TreeMap<>();
    private final Map<Bytes, ConnectionIdEntry> peerCidValues = new HashMap<>();
    private final Map<Bytes, ConnectionIdEntry> localCidValues = new HashMap<>();
    private final long initialRttMicros;
    private final long localInitialMaxPathId;
    private final long peerInitialMaxPathId;
    private long localMaxPathId;
    private long peerMaxPathId;

    public PathTable(long localInitialMaxPathId, long peerInitialMaxPathId, long initialRttMicros) {
        this.localInitialMaxPathId = localInitialMaxPathId;
        this.peerInitialMaxPathId = peerInitialMaxPathId;
        this.localMaxPathId = localInitialMaxPathId;
        this.peerMaxPathId = peerInitialMaxPathId;
        this.initialRttMicros = initialRttMicros;
    }

    public Path get(long pathId) {
        return paths.get(pathId);
    }

    public Path getOrCreate(long pathId) {
        return paths.computeIfAbsent(pathId, id -> new Path(id, initialRttMicros));
    }

    public Collection<Path> all() {
        return paths.values();
    }

    /** Paths in use and not abandoned (CREATED .. STANDBY). */
    public List<Path> open() {
        List<Path> out = new ArrayList<>();
        for (Path p : paths.values()) {
            if (p.state().isOpen()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The largest path ID we accept: our transport parameter, raised by MAX_PATH_ID frames we sent. */
    public long localMaxPathId() {
        return localMaxPathId;
    }

    public void localMaxPathId(long max) {
        this.localMaxPathId = max;
    }

    /** The largest path ID the peer accepts: its transport parameter, raised by MAX_PATH_ID it sent. */
    public long peerMaxPathId() {
        return peerMaxPathId;
    }

    public void peerMaxPathId(long max) {
        this.peerMaxPathId = max;
    }

    public long localInitialMaxPathId() {
        return localInitialMaxPathId;
    }

    public long peerInitialMaxPathId() {
        return peerInitialMaxPathId;
    }

    /** The connection ID entry the peer issued with this value, on any path, or null. */
    public ConnectionIdEntry peerCidOwner(Bytes cid) {
        return peerCidValues.get(cid);
    }

    public void addPeerCid(Path path, ConnectionIdEntry entry) {
        path.peerCids().add(entry);
        peerCidValues.put(entry.connectionId(), entry);
    }

    public void forgetPeerCids(List<ConnectionIdEntry> removed) {
        for (ConnectionIdEntry e : removed) {
            peerCidValues.remove(e.connectionId(), e);
        }
    }

    /** True when we have issued this connection ID value on any path (and not retired it). */
    public boolean isLocalCidInUse(Bytes cid) {
        return localCidValues.containsKey(cid);
    }

    public void addLocalCid(Path path, ConnectionIdEntry entry) {
        path.localCids().issue(entry);
        localCidValues.put(entry.connectionId(), entry);
    }

    public void forgetLocalCid(ConnectionIdEntry entry) {
        if (entry != null) {
            localCidValues.remove(entry.connectionId(), entry);
        }
    }

    /** Which path a packet's Destination Connection ID belongs to, or null for an unknown value. */
    public ConnectionIdEntry localCidOwner(Bytes cid) {
        return localCidValues.get(cid);
    }

    /** Immutable pictures of all paths, by ascending ID. */
    public List<PathView> views() {
        List<PathView> out = new ArrayList<>(paths.size());
        for (Path p : paths.values()) {
            out.add(p.view());
        }
        return out;
    }
}
