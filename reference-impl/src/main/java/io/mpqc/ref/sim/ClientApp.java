package io.mpqc.ref.sim;

import io.mpqc.ref.sim.endpoint.Application;
import io.mpqc.ref.sim.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client application: sends the workload's requests (client-initiated bidirectional streams 0, 4, 8,
 * ...), reads responses as they are delivered in order, and records completion, a progress curve, and the
 * longest delivery stall after an outage.
 */
final class ClientApp implements Application {
    /** Progress samples are at least this far apart (and the last one is always kept). */
    private static final long SAMPLE_MICROS = 5_000;

    private final Workload workload;
    private final long outageMicros;
    private int requested;
    private int completed;
    private long completedAt = -1;
    private long delivered;
    private boolean integrityViolated;
    final List<Sample> progress = new ArrayList<>();
    private long lastProgressAt = -1;
    /** Pauses of in-order delivery that began at or after the outage: {start, end}, from the outage on. */
    private final List<long[]> stalls = new ArrayList<>();
    private final Map<Long, Long> streamOffsets = new TreeMap<>();

    /** A point of the delivery curve. */
    record Sample(long timeMicros, long bytes) {
    }

    ClientApp(Workload workload, long outageMicros) {
        this.workload = workload;
        this.outageMicros = outageMicros;
        progress.add(new Sample(0, 0));
    }

    @Override
    public void onStart(Endpoint endpoint, long nowMicros) {
        int first = workload.parallel() ? workload.transfers() : 1;
        for (int i = 0; i < first; i++) {
            request(endpoint);
        }
    }

    private void request(Endpoint endpoint) {
        endpoint.openStream(4L * requested, workload.requestBytes());
        requested++;
    }

    @Override
    public void onDelivery(Endpoint endpoint, long streamId, long offset, boolean complete, long nowMicros) {
        long before = streamOffsets.getOrDefault(streamId, 0L);
        if (offset <= before || offset > workload.responseBytes()) {
            integrityViolated = true;
        }
        streamOffsets.put(streamId, offset);
        delivered += offset - before;
        onProgress(nowMicros);
        if (complete) {
            if (offset != workload.responseBytes()) {
                integrityViolated = true;
            }
            completed++;
            if (completed == workload.transfers()) {
                completedAt = nowMicros;
                progress.add(new Sample(nowMicros, delivered));
            } else if (!workload.parallel() && requested < workload.transfers()) {
                request(endpoint);
            }
        }
    }

    private void onProgress(long now) {
        if (outageMicros >= 0 && now >= outageMicros) {
            long stallStart = Math.max(lastProgressAt, outageMicros);
            if (now > stallStart) {
                stalls.add(new long[] {stallStart, now});
            }
        }
        lastProgressAt = now;
        Sample last = progress.get(progress.size() - 1);
        if (now - last.timeMicros() >= SAMPLE_MICROS) {
            progress.add(new Sample(now, delivered));
        }
    }

    boolean done() {
        return completedAt >= 0;
    }

    long completedAt() {
        return completedAt;
    }

    long delivered() {
        return delivered;
    }

    boolean integrityViolated() {
        return integrityViolated;
    }

    /**
     * When in-order delivery resumed after the longest stall that began within {@code window} of the outage
     * (the failover; later stalls have other causes), or -1 if there was none.
     */
    long resumedAfterOutage(long window) {
        long longest = -1;
        long end = -1;
        for (long[] s : stalls) {
            if (s[0] <= outageMicros + window && s[1] - s[0] > longest) {
                longest = s[1] - s[0];
                end = s[1];
            }
        }
        return end;
    }
}
