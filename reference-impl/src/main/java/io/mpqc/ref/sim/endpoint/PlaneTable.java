package io.mpqc.ref.sim.endpoint;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An endpoint's path planes by path ID. A connection has a handful of paths and the data layer looks them
 * up on every packet, so a list sorted by ID (no boxing, no tree) is the fastest map.
 */
final class PlaneTable implements Iterable<PathPlane> {
    private final List<PathPlane> planes = new ArrayList<>(4);

    PathPlane get(long pathId) {
        for (int i = 0; i < planes.size(); i++) {
            PathPlane p = planes.get(i);
            if (p.id == pathId) {
                return p;
            }
        }
        return null;
    }

    void add(PathPlane plane) {
        int i = 0;
        while (i < planes.size() && planes.get(i).id < plane.id) {
            i++;
        }
        planes.add(i, plane);
    }

    PathPlane remove(long pathId) {
        PathPlane p = get(pathId);
        if (p != null) {
            planes.remove(p);
        }
        return p;
    }

    int size() {
        return planes.size();
    }

    /** A copy, for loops that may add or remove planes. */
    List<PathPlane> copy() {
        return new ArrayList<>(planes);
    }

    @Override
    public Iterator<PathPlane> iterator() {
        return planes.iterator();
    }
}
