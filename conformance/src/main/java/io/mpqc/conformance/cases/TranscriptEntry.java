package io.mpqc.conformance.cases;

import java.util.List;

/**
 * One line of a case's wire log: a stimulus sent to the target, what the target sent or did, or a note.
 * Frames appear decoded ({@code frames}) and as hex.
 */
public record TranscriptEntry(Direction direction, String summary, List<String> frames, String hex) {
    public enum Direction {
        TO_TARGET,
        FROM_TARGET,
        NOTE
    }

    public TranscriptEntry {
        frames = List.copyOf(frames);
    }
}
