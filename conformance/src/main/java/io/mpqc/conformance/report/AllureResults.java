package io.mpqc.conformance.report;

import io.mpqc.conformance.cases.TranscriptEntry;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Allure results ({@code allure-results/<uuid>-result.json}, one per case) so that
 * {@code allure generate} builds its report from a run. Status: PASS passed, FAIL failed, ERROR broken,
 * UNSUPPORTED skipped, WARN passed with the warning in the status details. Labels carry the section
 * (suite), the requirement (story), the keyword (severity) and the tags.
 */
public final class AllureResults {
    private AllureResults() {
    }

    public static void write(RunResult run, Path dir) throws IOException {
        Files.createDirectories(dir);
        long start = run.started().toEpochMilli();
        for (CaseResult r : run.results()) {
            String uuid = UUID.nameUUIDFromBytes((run.started() + r.id()).getBytes(StandardCharsets.UTF_8)).toString();
            long stop = start + Math.max(1, r.durationMicros() / 1000);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uuid", uuid);
            m.put("historyId", UUID.nameUUIDFromBytes((run.dialect().id() + r.id()).getBytes(StandardCharsets.UTF_8))
                    .toString());
            m.put("name", r.id());
            m.put("fullName", "mpqc." + r.id() + "[" + run.dialect().id() + "]");
            m.put("description", r.testCase().text());
            m.put("status", switch (r.verdict()) {
                case PASS, WARN -> "passed";
                case FAIL -> "failed";
                case ERROR -> "broken";
                case UNSUPPORTED -> "skipped";
            });
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("message", (r.verdict().name()) + ": expected " + r.expected() + "; observed " + r.observed());
            m.put("statusDetails", details);
            m.put("stage", "finished");
            m.put("start", start);
            m.put("stop", stop);
            List<Object> labels = new ArrayList<>();
            labels.add(label("suite", r.testCase().group().section() + " " + r.testCase().group().title()));
            labels.add(label("story", r.testCase().mainRequirement()));
            labels.add(label("severity", severity(r)));
            labels.add(label("framework", "mpqc"));
            for (String t : r.testCase().tags()) {
                labels.add(label("tag", t));
            }
            m.put("labels", labels);
            List<Object> steps = new ArrayList<>();
            for (TranscriptEntry e : r.transcript()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", e.direction() + ": " + e.summary() + (e.frames().isEmpty() ? "" : " " + e.frames()));
                s.put("status", "passed");
                s.put("stage", "finished");
                steps.add(s);
            }
            m.put("steps", steps);
            Files.writeString(dir.resolve(uuid + "-result.json"), Json.write(m), StandardCharsets.UTF_8);
        }
    }

    private static String severity(CaseResult r) {
        return r.requirement().keyword().isMandatory() ? "critical" : r.requirement().keyword().isAdvisory()
                ? "normal" : "minor";
    }

    private static Map<String, Object> label(String name, String value) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("name", name);
        l.put("value", value);
        return l;
    }
}
