package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.tp.Role;

/** A target driven at codec level: a packet payload in, decoded frames or a decode error out. */
public interface CodecTarget {
    CodecResult decode(Dialect dialect, byte[] payload) throws TargetException;

    /** The AEAD nonce of a 1-RTT packet on a path (draft-21 §2.4); optional for a target. */
    default byte[] nonce(byte[] iv, long pathId, long packetNumber) throws TargetException {
        throw new UnsupportedByTargetException("the target does not expose its nonce computation");
    }

    /** Decodes a transport parameters block sent by {@code sender}; optional for a target. */
    default TransportParametersResult decodeTransportParameters(Dialect dialect, Role sender, byte[] block)
            throws TargetException {
        throw new UnsupportedByTargetException("the target does not decode transport parameters");
    }
}
