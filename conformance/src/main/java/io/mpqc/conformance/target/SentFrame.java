package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Frame;

/** A frame the target sent, and the path ID of the packet that carried it. */
public record SentFrame(long pathId, Frame frame) {
}
