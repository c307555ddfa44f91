package io.mpqc.conformance.cases;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.frame.FrameFields;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One line of a case's wire log: a stimulus sent to the target, what the target sent or did, or a note.
 * Frames appear decoded ({@link #frames()}) and as hex ({@link #hex()}); both are rendered only when a
 * report asks, so a run that writes no report does not pay for them.
 */
public final class TranscriptEntry {
    public enum Direction {
        TO_TARGET,
        FROM_TARGET,
        NOTE
    }

    private final Direction direction;
    private final String summary;
    private final List<Frame> frameObjects;
    private final Dialect dialect;
    private final List<String> text;
    private final String hex;

    /** An entry already in text form. */
    public TranscriptEntry(Direction direction, String summary, List<String> frames, String hex) {
        this.direction = direction;
        this.summary = summary;
        this.frameObjects = null;
        this.dialect = null;
        this.text = List.copyOf(frames);
        this.hex = hex;
    }

    private TranscriptEntry(Direction direction, String summary, List<Frame> frames, Dialect dialect) {
        this.direction = direction;
        this.summary = summary;
        this.frameObjects = List.copyOf(frames);
        this.dialect = dialect;
        this.text = null;
        this.hex = null;
    }

    static TranscriptEntry ofFrames(Direction direction, String summary, List<Frame> frames, Dialect dialect) {
        return new TranscriptEntry(direction, summary, frames, dialect);
    }

    public Direction direction() {
        return direction;
    }

    public String summary() {
        return summary;
    }

    /** The frames, one line each with name and fields. */
    public List<String> frames() {
        if (text != null) {
            return text;
        }
        List<String> out = new ArrayList<>(frameObjects.size());
        for (Frame f : frameObjects) {
            out.add(FrameFields.describe(f, dialect));
        }
        return out;
    }

    /** The frames' bytes as hex; empty when a frame cannot be expressed in the dialect (sent on purpose). */
    public String hex() {
        if (hex != null) {
            return hex;
        }
        try {
            return HexFormat.of().formatHex(new FrameEncoder(dialect).encodeAll(frameObjects));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
