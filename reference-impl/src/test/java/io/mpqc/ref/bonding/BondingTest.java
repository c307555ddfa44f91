package io.mpqc.ref.bonding;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BondingTest {
    private Bonding bonding;
    private final List<BondingEvent> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        bonding = new Bonding();
        bonding.addListener((t, e) -> events.add(e));
        bonding.onPathState(0, PathState.CREATED, 0);
        bonding.onPathState(0, PathState.VALIDATED, 0);
    }

    private List<BondingState> transitions() {
        List<BondingState> out = new ArrayList<>();
        for (BondingEvent e : events) {
            if (e instanceof BondingEvent.StateChanged s) {
                out.add(s.to());
            }
        }
        return out;
    }

    private void validateSecondPath() {
        bonding.onPathState(1, PathState.VALIDATING, 10);
        bonding.onPathState(1, PathState.VALIDATED, 20);
    }

    @Test
    void theFirstPathAloneIsSinglePathWithItAsPrimary() {
        assertThat(bonding.state()).isEqualTo(BondingState.SINGLE_PATH);
        assertThat(transitions()).isEmpty();
        assertThat(bonding.primary()).isZero();
        assertThat(events).containsExactly(new BondingEvent.PrimaryChanged(-1, 0, false));
        assertThat(bonding.sendablePaths()).containsExactly(0L);
    }

    @Test
    void aSecondPathValidatingIsPendingAndValidatedIsBonded() {
        bonding.onPathState(1, PathState.VALIDATING, 10);
        assertThat(bonding.state()).isEqualTo(BondingState.PENDING);
        bonding.onPathState(1, PathState.VALIDATED, 20);
        assertThat(bonding.state()).isEqualTo(BondingState.BONDED);
        assertThat(transitions()).containsExactly(BondingState.PENDING, BondingState.BONDED);
        assertThat(bonding.sendablePaths()).containsExactly(0L, 1L);
    }

    @Test
    void failedValidationGoesBackToSinglePath() {
        bonding.onPathState(1, PathState.VALIDATING, 10);
        bonding.onPathState(1, PathState.FAILED, 30);
        assertThat(transitions()).containsExactly(BondingState.PENDING, BondingState.SINGLE_PATH);
    }

    @Test
    void aFailingPathDegradesTheBondAndItsRecoveryRestoresIt() {
        validateSecondPath();
        bonding.onPathSuspect(0, true, 100);
        assertThat(bonding.state()).isEqualTo(BondingState.DEGRADED);
        assertThat(bonding.sendablePaths()).containsExactly(1L);
        assertThat(bonding.weight(0)).isZero();
        bonding.onPathSuspect(0, false, 150);
        assertThat(bonding.state()).isEqualTo(BondingState.BONDED);
        assertThat(transitions()).containsExactly(BondingState.PENDING, BondingState.BONDED, BondingState.DEGRADED,
                BondingState.BONDED);
    }

    @Test
    void theFailedPrimaryFailsOverAndAnAbandonedPathLeavesASinglePath() {
        validateSecondPath();
        bonding.onPathSuspect(0, true, 100);
        assertThat(bonding.primary()).isEqualTo(1);
        assertThat(events).contains(new BondingEvent.PrimaryChanged(0, 1, true));
        bonding.onPathState(0, PathState.CLOSING, 200);
        assertThat(bonding.state()).isEqualTo(BondingState.SINGLE_PATH);
        assertThat(transitions()).endsWith(BondingState.DEGRADED, BondingState.SINGLE_PATH);
    }

    @Test
    void losingOneOfThreePathsDegradesUntilANewPathRestoresTheWidth() {
        validateSecondPath();
        bonding.onPathState(2, PathState.VALIDATING, 30);
        bonding.onPathState(2, PathState.VALIDATED, 40);
        assertThat(bonding.state()).isEqualTo(BondingState.BONDED);
        bonding.onPathState(2, PathState.CLOSING, 50);
        assertThat(bonding.state()).isEqualTo(BondingState.DEGRADED);
        bonding.onPathState(3, PathState.VALIDATING, 60);
        bonding.onPathState(3, PathState.VALIDATED, 70);
        assertThat(bonding.state()).isEqualTo(BondingState.BONDED);
    }

    @Test
    void standbyPathsCarryNothingWhileAnAvailablePathCanSend() {
        validateSecondPath();
        bonding.onPeerStatus(1, PathStatus.BACKUP, 30);
        assertThat(bonding.isStandby(1)).isTrue();
        assertThat(bonding.sendablePaths()).containsExactly(0L);
        assertThat(bonding.weight(1)).isZero();
        bonding.onPathSuspect(0, true, 40);
        assertThat(bonding.sendablePaths()).containsExactly(1L);
        assertThat(events).contains(new BondingEvent.StandbyInUse(true, List.of(1L)));
        bonding.onPathSuspect(0, false, 50);
        assertThat(bonding.sendablePaths()).containsExactly(0L);
        assertThat(events).contains(new BondingEvent.StandbyInUse(false, List.of()));
    }

    @Test
    void ourOwnBackupStatusCountsAsMuchAsThePeers() {
        validateSecondPath();
        bonding.onLocalStatus(0, PathStatus.BACKUP, 30);
        assertThat(bonding.sendablePaths()).containsExactly(1L);
        bonding.onLocalStatus(0, PathStatus.AVAILABLE, 40);
        assertThat(bonding.sendablePaths()).containsExactly(0L, 1L);
    }

    @Test
    void weightsFollowWindowOverRttAreNeverNegativeAndSumToOne() {
        validateSecondPath();
        assertThat(bonding.weight(0)).isEqualTo(0.5); // no sample yet: equal shares
        bonding.onCapacity(0, 30_000, 10_000); // 3 bytes/us
        bonding.onCapacity(1, 10_000, 10_000); // 1 byte/us
        assertThat(bonding.weight(0)).isEqualTo(0.75);
        assertThat(bonding.weight(1)).isEqualTo(0.25);
        assertThat(bonding.weights().values()).allMatch(w -> w >= 0);
        assertThat(bonding.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(1.0);
        assertThat(bonding.weight(7)).isZero();
    }

    @Test
    void suspectedPathsAreUsedOnlyWhenNothingElseCanSend() {
        validateSecondPath();
        bonding.onPathSuspect(0, true, 10);
        bonding.onPathSuspect(1, true, 10);
        assertThat(bonding.state()).isEqualTo(BondingState.DEGRADED);
        assertThat(bonding.sendablePaths()).containsExactly(0L, 1L);
    }
}
