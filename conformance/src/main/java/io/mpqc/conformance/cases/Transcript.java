package io.mpqc.conformance.cases;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.frame.FrameFields;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The wire log of one case, for the report: everything sent to the target and everything it did. */
public final class Transcript {
    /** Keeps a flood case from turning its report into megabytes. */
    static final int MAX_ENTRIES = 200;

    private final Dialect dialect;
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private int omitted;

    public Transcript(Dialect dialect) {
        this.dialect = dialect;
    }

    void toTarget(String summary, List<Frame> frames) {
        add(new TranscriptEntry(TranscriptEntry.Direction.TO_TARGET, summary, describe(frames), hex(frames)));
    }

    void fromTarget(String summary, List<Frame> frames) {
        add(new TranscriptEntry(TranscriptEntry.Direction.FROM_TARGET, summary, describe(frames), hex(frames)));
    }

    void note(String text) {
        add(new TranscriptEntry(TranscriptEntry.Direction.NOTE, text, List.of(), ""));
    }

    void bytesToTarget(String summary, byte[] payload) {
        add(new TranscriptEntry(TranscriptEntry.Direction.TO_TARGET, summary, List.of(),
                HexFormat.of().formatHex(payload)));
    }

    private void add(TranscriptEntry e) {
        if (entries.size() < MAX_ENTRIES) {
            entries.add(e);
        } else {
            omitted++;
        }
    }

    private List<String> describe(List<Frame> frames) {
        List<String> out = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            out.add(FrameFields.describe(f, dialect));
        }
        return out;
    }

    private String hex(List<Frame> frames) {
        try {
            return HexFormat.of().formatHex(new FrameEncoder(dialect).encodeAll(frames));
        } catch (IllegalArgumentException e) {
            // A frame this dialect cannot express (a case may send one on purpose): no hex for it.
            return "";
        }
    }

    public List<TranscriptEntry> entries() {
        List<TranscriptEntry> copy = new ArrayList<>(entries);
        if (omitted > 0) {
            copy.add(new TranscriptEntry(TranscriptEntry.Direction.NOTE, omitted + " more entries omitted",
                    List.of(), ""));
        }
        return copy;
    }
}
