package io.mpqc.ref.sim;

import io.mpqc.ref.sim.endpoint.Application;
import io.mpqc.ref.sim.endpoint.Endpoint;

/** The server application: answers every complete request with the workload's response on the same stream. */
final class ServerApp implements Application {
    private final Workload workload;
    int requestsSeen;

    ServerApp(Workload workload) {
        this.workload = workload;
    }

    @Override
    public void onStart(Endpoint endpoint, long nowMicros) {
    }

    @Override
    public void onDelivery(Endpoint endpoint, long streamId, long delivered, boolean complete, long nowMicros) {
        if (complete) {
            requestsSeen++;
            endpoint.openStream(streamId, workload.responseBytes());
        }
    }
}
