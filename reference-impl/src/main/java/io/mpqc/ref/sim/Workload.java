package io.mpqc.ref.sim;

/**
 * What the applications do: the client sends {@code transfers} requests of {@code requestBytes} on fresh
 * bidirectional streams, and the server answers each with {@code responseBytes} on the same stream. In
 * parallel, all requests go at time 0; otherwise each one when the previous response is complete
 * (request/response). Bulk transfers are large responses.
 */
public record Workload(int transfers, long requestBytes, long responseBytes, boolean parallel) {
    public Workload {
        if (transfers < 1 || requestBytes < 1 || responseBytes < 1) {
            throw new IllegalArgumentException("at least one transfer of at least one byte each way");
        }
    }

    /** Bulk downloads after a 100-byte request. */
    public static Workload bulk(int transfers, long bytes, boolean parallel) {
        return new Workload(transfers, 100, bytes, parallel);
    }

    public long totalResponseBytes() {
        return transfers * responseBytes;
    }

    public String describe() {
        return transfers + " x " + responseBytes + " B " + (parallel ? "in parallel" : "one after the other")
                + " (requests of " + requestBytes + " B)";
    }
}
