package io.mpqc.ref.sim.endpoint;

/** Something that happened at a simulated time. */
public record Timed<E>(long timeMicros, E event) {
}
