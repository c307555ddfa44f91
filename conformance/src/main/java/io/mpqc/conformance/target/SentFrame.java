package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Frame;

/**
 * A frame the target sent, the path ID of the packet that carried it, and that packet's number in the path's
 * space, or -1 when the target does not report it (the number is optional in the shim protocol).
 */
public record SentFrame(long pathId, Frame frame, long packetNumber) {
    /** A frame whose packet number the target did not report. */
    public SentFrame(long pathId, Frame frame) {
        this(pathId, frame, -1);
    }
}
