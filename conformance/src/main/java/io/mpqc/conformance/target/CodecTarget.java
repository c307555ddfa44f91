package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Dialect;

/** A target driven at codec level: a packet payload in, decoded frames or a decode error out. */
public interface CodecTarget {
    CodecResult decode(Dialect dialect, byte[] payload) throws TargetException;
}
