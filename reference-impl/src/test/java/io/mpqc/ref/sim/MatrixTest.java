package io.mpqc.ref.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTest {
    @Test
    void aMatrixHasBaselinesPerPathARowPerSchedulerAndGoalsToCheck() {
        List<RunResult> seen = new ArrayList<>();
        MatrixResult m = Matrix.run(List.of(Scenarios.byName("two-equal"), Scenarios.byName("short")),
                List.of("minrtt", "ecf"), 1, seen::add);
        assertThat(seen).hasSize(2 * (2 + 2));
        MatrixResult.ScenarioResult s = m.scenario("two-equal");
        assertThat(s.singlePath()).hasSize(2);
        assertThat(s.rows()).extracting(r -> r.result().scheduler()).containsExactly("minrtt", "ecf");
        assertThat(s.rows()).allMatch(r -> !Double.isNaN(r.benefit()));
        assertThat(s.best()).isNotNull();
        List<GoalCheck> goals = Goals.evaluate(m);
        assertThat(goals).extracting(GoalCheck::goal).contains("two-equal: completion time, best scheduler",
                "short: completion vs the best single path, best scheduler");
        assertThat(goals).noneMatch(g -> g.goal().startsWith("break"));
    }
}
