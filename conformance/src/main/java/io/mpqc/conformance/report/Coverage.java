package io.mpqc.conformance.report;

import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.catalog.Level;
import io.mpqc.conformance.catalog.Requirement;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the catalog a run covered: the requirements with at least one case, those testable in
 * process (codec or endpoint level) that no case touched, and those that need the wire level.
 */
public record Coverage(List<Requirement> covered, List<Requirement> uncovered, List<Requirement> wireOnly) {

    public static Coverage of(Catalog catalog, RunResult run) {
        Map<String, Boolean> hit = new LinkedHashMap<>();
        for (CaseResult r : run.results()) {
            for (String id : r.testCase().requirements()) {
                hit.put(id, true);
            }
        }
        List<Requirement> covered = new ArrayList<>();
        List<Requirement> uncovered = new ArrayList<>();
        List<Requirement> wire = new ArrayList<>();
        for (Requirement q : catalog.all()) {
            if (hit.containsKey(q.id())) {
                covered.add(q);
            } else if (q.levels().contains(Level.CODEC) || q.levels().contains(Level.ENDPOINT)) {
                uncovered.add(q);
            } else {
                wire.add(q);
            }
        }
        return new Coverage(covered, uncovered, wire);
    }

    /** Covered share of the requirements testable in process, in percent. */
    public double inProcessPercent() {
        long hit = covered.stream().filter(Requirement::testableInProcess).count();
        long testable = hit + uncovered.size();
        return testable == 0 ? 100 : 100.0 * hit / testable;
    }
}
