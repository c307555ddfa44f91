package io.mpqc.ref.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The path state machine: an abandoned path ID never comes back (draft-21 §3.4). */
class PathStateTest {
    private static final EnumSet<PathState> ENDING = EnumSet.of(PathState.FAILED, PathState.CLOSING,
            PathState.CLOSED);

    @ParameterizedTest(name = "from {0}")
    @EnumSource(value = PathState.class, names = {"FAILED", "CLOSING", "CLOSED"})
    @Tag("MP-3.4-9")
    @DisplayName("MP-3.4-9 from FAILED, CLOSING or CLOSED no state other than a later ending one is reachable")
    void endingStatesNeverReturn(PathState from) {
        for (PathState to : PathState.values()) {
            if (from.canBecome(to)) {
                assertThat(ENDING).as("%s -> %s", from, to).contains(to);
                assertThat(to.ordinal()).isGreaterThan(from.ordinal());
            }
        }
        assertThat(from.isEnding()).isTrue();
        assertThat(from.isOpen()).isFalse();
        assertThat(from.isUsable()).isFalse();
    }

    @Test
    @Tag("MP-3.4-9")
    @DisplayName("MP-3.4-9 every state can reach CLOSED, none can leave it, nothing goes back to UNUSED")
    void closedIsFinal() {
        for (PathState s : PathState.values()) {
            assertThat(s.canBecome(PathState.UNUSED)).as("%s -> UNUSED", s).isFalse();
            assertThat(PathState.CLOSED.canBecome(s)).isFalse();
        }
    }

    @Test
    @DisplayName("usable = VALIDATED, ACTIVE, STANDBY; open = CREATED .. STANDBY")
    void predicates() {
        assertThat(EnumSet.allOf(PathState.class).stream().filter(PathState::isUsable))
                .containsExactly(PathState.VALIDATED, PathState.ACTIVE, PathState.STANDBY);
        assertThat(EnumSet.allOf(PathState.class).stream().filter(PathState::isOpen))
                .containsExactly(PathState.CREATED, PathState.VALIDATING, PathState.VALIDATED, PathState.ACTIVE,
                        PathState.STANDBY);
    }

    @Test
    @DisplayName("Path.become refuses a move the state machine forbids and keeps its state")
    void becomeRefuses() {
        Path p = new Path(3, 333_000);
        p.become(PathState.CLOSING);
        p.become(PathState.CLOSED);
        assertThatThrownBy(() -> p.become(PathState.VALIDATED)).isInstanceOf(IllegalStateException.class);
        assertThat(p.state()).isEqualTo(PathState.CLOSED);
        p.become(PathState.CLOSED); // staying is allowed
    }

    @Test
    @Tag("MP-3.3-1")
    @DisplayName("the usable state follows the peer's latest status")
    void usableStateForStatus() {
        Path p = new Path(1, 333_000);
        assertThat(p.usableStateForStatus()).isEqualTo(PathState.VALIDATED);
        p.peerStatus(new StatusRecord(PathStatus.BACKUP, 0));
        assertThat(p.usableStateForStatus()).isEqualTo(PathState.STANDBY);
        p.peerStatus(new StatusRecord(PathStatus.AVAILABLE, 1));
        assertThat(p.usableStateForStatus()).isEqualTo(PathState.ACTIVE);
    }

    @Test
    @Tag("MP-3.1-9")
    @DisplayName("MP-3.1-9 a path remembers at most MAX_DELAYED_RESPONSES challenges, the newest")
    void delayedResponsesCapped() {
        Path p = new Path(2, 333_000);
        for (long i = 0; i < 100; i++) {
            p.delayResponse(i);
        }
        assertThat(p.delayedResponses()).hasSize(Path.MAX_DELAYED_RESPONSES).contains(99L).doesNotContain(0L);
    }
}
