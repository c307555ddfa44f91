package io.mpqc.ref.recovery;

/**
 * An ack-eliciting packet in flight on one path, as loss recovery tracks it: its number, when it left, its
 * size, and what the sender needs back if it is lost ({@code payload}, opaque to recovery).
 */
public record TrackedPacket<P>(long packetNumber, long sentAtMicros, int size, P payload) {
}
