package io.mpqc.conformance.target;

import io.mpqc.ref.frame.Frame;
import java.util.List;

/** What a codec target made of a payload: the frames it decoded, or the error it would close with. */
public sealed interface CodecResult {

    record Decoded(List<Frame> frames) implements CodecResult {
        public Decoded {
            frames = List.copyOf(frames);
        }
    }

    /** Rejected with a transport error code; {@code offset} is -1 when the target does not say. */
    record Rejected(long errorCode, int offset, String message) implements CodecResult {
    }
}
