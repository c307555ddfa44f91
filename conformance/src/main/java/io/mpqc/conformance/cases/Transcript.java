package io.mpqc.conformance.cases;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
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
        add(TranscriptEntry.ofFrames(TranscriptEntry.Direction.TO_TARGET, summary, frames, dialect));
    }

    void fromTarget(String summary, List<Frame> frames) {
        add(TranscriptEntry.ofFrames(TranscriptEntry.Direction.FROM_TARGET, summary, frames, dialect));
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

    public List<TranscriptEntry> entries() {
        List<TranscriptEntry> copy = new ArrayList<>(entries);
        if (omitted > 0) {
            copy.add(new TranscriptEntry(TranscriptEntry.Direction.NOTE, omitted + " more entries omitted",
                    List.of(), ""));
        }
        return copy;
    }
}
