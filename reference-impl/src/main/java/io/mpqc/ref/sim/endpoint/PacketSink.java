package io.mpqc.ref.sim.endpoint;

/** Where an endpoint's packets go: the simulated network. */
@FunctionalInterface
public interface PacketSink {
    void send(WirePacket packet);
}
