package io.mpqc.conformance.run;

import io.mpqc.conformance.cases.Verdict;
import io.mpqc.ref.frame.Dialect;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A whole run: which target and dialect, when, how long, and every case result in ID order. */
public record RunResult(String target, Dialect dialect, Instant started, long durationMillis,
        List<CaseResult> results) {
    public RunResult {
        results = List.copyOf(results);
    }

    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (CaseResult r : results) {
            counts.merge(r.verdict(), 1, Integer::sum);
        }
        return counts;
    }

    /** No FAIL and no ERROR. */
    public boolean passed() {
        return results.stream().noneMatch(r -> r.verdict() == Verdict.FAIL || r.verdict() == Verdict.ERROR);
    }
}
