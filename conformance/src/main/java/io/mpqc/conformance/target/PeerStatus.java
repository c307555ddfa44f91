package io.mpqc.conformance.target;

import io.mpqc.ref.path.PathStatus;

/** The status a target holds for a path as announced by the suite, and the sequence number that set it. */
public record PeerStatus(PathStatus status, long sequence) {
}
