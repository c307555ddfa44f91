package io.mpqc.conformance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.ProgressListener;
import io.mpqc.conformance.run.RunResult;
import io.mpqc.conformance.run.Runner;
import io.mpqc.conformance.target.MutantTarget;
import io.mpqc.ref.conn.SeededBug;
import io.mpqc.ref.frame.Dialect;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof that the suite catches real bugs: every seeded-bug mutant of the reference must FAIL exactly
 * on the requirements listed here (the main requirement of each failing case), and on nothing else, and
 * produce no ERROR. Each list starts with the requirement the bug was written to break; the others are
 * rules whose cases exercise the same faulty code (a missing reciprocal PATH_ABANDON shows in every case
 * that expects the answer, an off-by-one limit in every case that uses the limit itself).
 */
class MutantDetectionTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Map<SeededBug, Set<String>> EXPECTED = new EnumMap<>(SeededBug.class);

    static {
        expect(SeededBug.EQUAL_STATUS_SEQUENCE_ACCEPTED, "MP-4.3-4");
        expect(SeededBug.CONNECTION_WIDE_STATUS_SEQUENCE, "MP-4.3-5");
        expect(SeededBug.STATUS_FOR_ABANDONED_PATH_APPLIED, "MP-4-4");
        expect(SeededBug.NO_RECIPROCAL_ABANDON, "MP-3.4-5", "MP-3.4-2", "MP-3.4-3", "MP-3.4-7", "MP-3.4-9",
                "MP-4-4", "MP-4.2.1-1");
        expect(SeededBug.PATH_ID_LIMIT_OFF_BY_ONE, "MP-4-3", "MP-2.1-3", "MP-3.2.1-5", "MP-4.5-5", "MP-3.4-1");
        expect(SeededBug.MAX_PATH_ID_LOWERING_ACCEPTED, "MP-4.6-3");
        expect(SeededBug.MULTIPATH_FRAMES_IN_HANDSHAKE_ACCEPTED, "MP-4-2", "MP-2.3-3");
        expect(SeededBug.CID_SEQUENCE_NOT_PER_PATH, "MP-3.2-1");
        // MP-4.3-7: the status sharing a packet with the path's first CID is lost too (a VIOLATED part of a MAY case).
        expect(SeededBug.PENDING_STATUS_DROPPED, "MP-4.3-2", "MP-4.3-5", "MP-4.3-7");
        expect(SeededBug.STATUS_LIMIT_NOT_CHECKED, "MP-4-3", "MP-2.1-3");
        expect(SeededBug.RETIRE_OF_UNISSUED_SEQUENCE_ACCEPTED, "MP-4.5-3", "MP-3.2-3", "Q-19.16-1");
        expect(SeededBug.CID_LIMIT_NOT_ENFORCED, "MP-4.4-7", "MP-4.4-5");
        expect(SeededBug.DUPLICATE_CID_FRAME_IS_ERROR, "MP-4.4-9");
        expect(SeededBug.NEGOTIATION_NOT_CHECKED, "MP-2-1");
        expect(SeededBug.PATHS_BLOCKED_LIMIT_NOT_CHECKED, "MP-4.7-3");
        expect(SeededBug.STALE_MAX_PATH_ID_IS_ERROR, "MP-4.6-5");
        expect(SeededBug.PATH_RESPONSE_ON_PATH_ZERO, "MP-3.1-5");
        expect(SeededBug.EMPTY_PACKET_ACCEPTED, "Q-12.4-4");
        expect(SeededBug.CIDS_BLOCKED_SEQUENCE_NOT_CHECKED, "MP-4.7-4");
    }

    private static void expect(SeededBug bug, String... requirements) {
        EXPECTED.put(bug, Set.of(requirements));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SeededBug.class)
    void suiteFailsTheMutantOnExactlyTheBrokenRequirements(SeededBug bug) {
        assertThat(EXPECTED).as("an expectation for every seeded bug").containsKey(bug);
        assertThat(EXPECTED.get(bug)).as("the bug's own requirement is expected").contains(bug.requirement());
        List<ConformanceCase> cases = CaseRegistry.builtIn(CATALOG).all().stream()
                .filter(c -> c.dialects().contains(Dialect.DRAFT_21)).toList();
        RunResult run = new Runner(CATALOG, Duration.ofSeconds(10), 2)
                .run(cases, new MutantTarget(bug), Dialect.DRAFT_21, ProgressListener.NONE);
        assertThat(run.results()).as("no ERROR").noneMatch(r -> r.verdict() == Verdict.ERROR);
        Set<String> failed = run.results().stream().filter(r -> r.verdict() == Verdict.FAIL)
                .map(r -> r.testCase().mainRequirement()).collect(Collectors.toCollection(TreeSet::new));
        String failing = run.results().stream().filter(r -> r.verdict() == Verdict.FAIL)
                .map(CaseResult::id).collect(Collectors.joining(", "));
        assertThat(failed).as("requirements failed by %s (cases: %s)", bug.id(), failing)
                .isEqualTo(new TreeSet<>(EXPECTED.get(bug)));
    }
}
