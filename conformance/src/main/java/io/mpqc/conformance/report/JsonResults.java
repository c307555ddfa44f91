package io.mpqc.conformance.report;

import io.mpqc.conformance.cases.TranscriptEntry;
import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.catalog.Requirement;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable result of a run ({@code results.json}), in the schema documented in
 * docs/report-schema.md. {@code schema} names the version; fields are only ever added within a version.
 */
public final class JsonResults {
    public static final String SCHEMA = "mpqc-results/1";

    private JsonResults() {
    }

    public static String render(RunResult run, Catalog catalog, String version) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("mpqc_version", version);
        root.put("target", run.target());
        root.put("dialect", run.dialect().id());
        root.put("started", run.started().toString());
        root.put("duration_ms", run.durationMillis());
        Map<String, Object> summary = new LinkedHashMap<>();
        run.counts().forEach((k, v) -> summary.put(k.name(), v));
        summary.put("total", run.results().size());
        summary.put("passed", run.passed());
        root.put("summary", summary);
        Coverage cov = Coverage.of(catalog, run);
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("covered", ids(cov.covered()));
        coverage.put("uncovered_in_process", ids(cov.uncovered()));
        coverage.put("wire_only", ids(cov.wireOnly()));
        root.put("coverage", coverage);
        List<Object> cases = new ArrayList<>();
        for (CaseResult r : run.results()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.id());
            c.put("requirements", r.testCase().requirements());
            c.put("section", r.requirement().section());
            c.put("keyword", r.requirement().keyword().name());
            c.put("group", r.testCase().group().section());
            c.put("tags", new ArrayList<>(new java.util.TreeSet<>(r.testCase().tags())));
            c.put("description", r.testCase().text());
            c.put("verdict", r.verdict().name());
            c.put("expected", r.expected());
            c.put("observed", r.observed());
            c.put("duration_us", r.durationMicros());
            List<Object> steps = new ArrayList<>();
            for (TranscriptEntry e : r.transcript()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("direction", e.direction().name());
                s.put("summary", e.summary());
                s.put("frames", e.frames());
                s.put("hex", e.hex());
                steps.add(s);
            }
            c.put("transcript", steps);
            cases.add(c);
        }
        root.put("cases", cases);
        return Json.write(root);
    }

    private static List<String> ids(List<Requirement> rs) {
        return rs.stream().map(Requirement::id).toList();
    }
}
