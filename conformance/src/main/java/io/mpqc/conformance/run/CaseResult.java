package io.mpqc.conformance.run;

import io.mpqc.conformance.cases.ConformanceCase;
import io.mpqc.conformance.cases.TranscriptEntry;
import io.mpqc.conformance.cases.Verdict;
import io.mpqc.conformance.catalog.Requirement;
import java.util.List;

/** The verdict of one case with what was expected, what was observed and the wire log. */
public record CaseResult(ConformanceCase testCase, Requirement requirement, Verdict verdict, String expected,
        String observed, List<TranscriptEntry> transcript, long durationMicros) {
    public CaseResult {
        transcript = List.copyOf(transcript);
    }

    public String id() {
        return testCase.id();
    }
}
