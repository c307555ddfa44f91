package io.mpqc.ref.sim;

import java.util.List;

/**
 * A network and a workload: the paths (path ID i is the i-th path; the client opens them all), what the
 * applications transfer, the flow-control window each side grants, the congestion controller, and the
 * simulated time after which an unfinished run is given up.
 */
public record Scenario(String name, String description, List<PathSpec> paths, Workload workload, long receiveWindow,
        String congestionControl, long timeLimitMicros) {

    public Scenario {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs a path");
        }
    }

    /** The same scenario with path {@code index} only: the single-path baseline of the benefit metric. */
    public Scenario onlyPath(int index) {
        return new Scenario(name + "/path" + index, description + " (path " + index + " only)",
                List.of(paths.get(index)), workload, receiveWindow, congestionControl, timeLimitMicros);
    }

    public Scenario withCongestionControl(String name) {
        return new Scenario(this.name, description, paths, workload, receiveWindow, name, timeLimitMicros);
    }

    public boolean multipath() {
        return paths.size() > 1;
    }

    /** The first outage start over all paths, or -1. */
    public long firstOutage() {
        long first = -1;
        for (PathSpec p : paths) {
            for (Outage o : p.outages()) {
                if (first < 0 || o.startMicros() < first) {
                    first = o.startMicros();
                }
            }
        }
        return first;
    }

    /** The index of the path with the first outage, or -1. */
    public int failingPath() {
        long first = firstOutage();
        for (int i = 0; i < paths.size(); i++) {
            for (Outage o : paths.get(i).outages()) {
                if (o.startMicros() == first) {
                    return i;
                }
            }
        }
        return -1;
    }
}
