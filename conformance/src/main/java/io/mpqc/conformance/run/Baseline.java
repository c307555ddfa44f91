package io.mpqc.conformance.run;

import io.mpqc.conformance.cases.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected verdicts for a target, so that a CI gate fails only when something changes. The file has one
 * line per case, {@code <case-id> <dialect> <VERDICT>}, and {@code #} comments; {@code mpqc run
 * --write-baseline FILE} writes one from a run.
 */
public final class Baseline {
    private final Map<String, Verdict> expected;

    private Baseline(Map<String, Verdict> expected) {
        this.expected = expected;
    }

    /** A difference between the baseline and a run; {@code expected} or {@code actual} is null when absent. */
    public record Difference(String caseId, String dialect, Verdict expected, Verdict actual) {
        public String describe() {
            if (expected == null) {
                return caseId + " [" + dialect + "]: new case, " + actual + " (not in the baseline)";
            }
            if (actual == null) {
                return caseId + " [" + dialect + "]: in the baseline as " + expected + " but not run";
            }
            String kind = actual == Verdict.PASS ? "unexpected pass" : expected == Verdict.PASS ? "regression"
                    : "changed";
            return caseId + " [" + dialect + "]: " + kind + ", expected " + expected + ", got " + actual;
        }
    }

    /** Reads a baseline; a malformed line is an IllegalArgumentException naming the line. */
    public static Baseline read(Path file) throws IOException {
        Map<String, Verdict> m = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length != 3) {
                throw new IllegalArgumentException(file + " line " + n + ": expected '<case-id> <dialect> <VERDICT>'");
            }
            try {
                m.put(f[0] + " " + f[1], Verdict.valueOf(f[2]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + n + ": unknown verdict '" + f[2] + "'");
            }
        }
        return new Baseline(m);
    }

    public static void write(Path file, RunResult run) throws IOException {
        StringBuilder sb = new StringBuilder("# mpqc baseline: expected verdicts of ").append(run.target())
                .append(", written ").append(run.started()).append('\n');
        for (CaseResult r : run.results()) {
            sb.append(r.id()).append(' ').append(run.dialect().id()).append(' ').append(r.verdict()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Every case whose verdict differs, every new case, and (for the run's dialect) every case not run. */
    public List<Difference> compare(RunResult run) {
        List<Difference> diffs = new ArrayList<>();
        Map<String, Verdict> remaining = new LinkedHashMap<>(expected);
        String dialect = run.dialect().id();
        for (CaseResult r : run.results()) {
            Verdict want = remaining.remove(r.id() + " " + dialect);
            if (want != r.verdict()) {
                diffs.add(new Difference(r.id(), dialect, want, r.verdict()));
            }
        }
        remaining.forEach((key, v) -> {
            String[] f = key.split(" ");
            if (f[1].equals(dialect)) {
                diffs.add(new Difference(f[0], f[1], v, null));
            }
        });
        return diffs;
    }
}
