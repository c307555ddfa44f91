package io.mpqc.ref.sim.endpoint;

/** The application on top of an endpoint: it opens streams and hears of in-order delivery. */
public interface Application {
    /** The connection is ready (time 0 of the simulation). */
    void onStart(Endpoint endpoint, long nowMicros);

    /** Stream {@code streamId} now has {@code delivered} bytes in order; {@code complete} once its FIN is reached. */
    void onDelivery(Endpoint endpoint, long streamId, long delivered, boolean complete, long nowMicros);
}
