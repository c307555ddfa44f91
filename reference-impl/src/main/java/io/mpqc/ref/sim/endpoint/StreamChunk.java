package io.mpqc.ref.sim.endpoint;

/** A piece of one stream that went out in a STREAM frame: what must be sent again if the packet is lost. */
record StreamChunk(long streamId, long offset, int length, boolean fin) {
    long end() {
        return offset + length;
    }
}
