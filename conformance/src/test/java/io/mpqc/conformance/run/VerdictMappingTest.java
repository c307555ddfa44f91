package io.mpqc.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.conformance.cases.Outcome;
import io.mpqc.conformance.cases.Verdict;
import io.mpqc.conformance.catalog.Keyword;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** How an outcome and the requirement's keyword make a verdict. */
class VerdictMappingTest {
    private static final Outcome MET = Outcome.met("e", "o");
    private static final Outcome NOT_MET = Outcome.notMet("e", "o");
    private static final Outcome VIOLATED = Outcome.violated("e", "o");
    private static final Outcome UNSUPPORTED = Outcome.unsupported("why");

    @ParameterizedTest
    @EnumSource(Keyword.class)
    void aViolationFailsWhateverTheKeyword(Keyword keyword) {
        assertThat(Runner.verdict(VIOLATED, keyword)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void notMetFollowsTheKeyword() {
        assertThat(Runner.verdict(NOT_MET, Keyword.MUST)).isEqualTo(Verdict.FAIL);
        assertThat(Runner.verdict(NOT_MET, Keyword.MUST_NOT)).isEqualTo(Verdict.FAIL);
        assertThat(Runner.verdict(NOT_MET, Keyword.SHOULD)).isEqualTo(Verdict.WARN);
        assertThat(Runner.verdict(NOT_MET, Keyword.MAY)).isEqualTo(Verdict.PASS);
        assertThat(Runner.verdict(MET, Keyword.MAY)).isEqualTo(Verdict.PASS);
        assertThat(Runner.verdict(UNSUPPORTED, Keyword.MUST)).isEqualTo(Verdict.UNSUPPORTED);
    }

    @Test
    void theStrongestFindingWinsAConjunction() {
        assertThat(NOT_MET.and(VIOLATED).kind()).isEqualTo(Outcome.Kind.VIOLATED);
        assertThat(VIOLATED.and(NOT_MET).kind()).isEqualTo(Outcome.Kind.VIOLATED);
        assertThat(UNSUPPORTED.and(VIOLATED).kind()).isEqualTo(Outcome.Kind.VIOLATED);
        assertThat(MET.and(VIOLATED).kind()).isEqualTo(Outcome.Kind.VIOLATED);
        assertThat(UNSUPPORTED.and(NOT_MET).kind()).isEqualTo(Outcome.Kind.NOT_MET);
        assertThat(MET.and(UNSUPPORTED).kind()).isEqualTo(Outcome.Kind.UNSUPPORTED);
    }

    @Test
    void mandatoryHardensOnlyAMiss() {
        assertThat(NOT_MET.mandatory().kind()).isEqualTo(Outcome.Kind.VIOLATED);
        assertThat(MET.mandatory()).isEqualTo(MET);
        assertThat(UNSUPPORTED.mandatory()).isEqualTo(UNSUPPORTED);
    }
}
