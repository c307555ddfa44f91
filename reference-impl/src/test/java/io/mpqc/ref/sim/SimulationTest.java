package io.mpqc.ref.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.bonding.BondingEvent;
import io.mpqc.ref.bonding.BondingState;
import io.mpqc.ref.conn.ConnectionEvent;
import io.mpqc.ref.recovery.CongestionControllers;
import io.mpqc.ref.sched.Schedulers;
import io.mpqc.ref.sim.endpoint.Endpoint;
import io.mpqc.ref.sim.endpoint.Timed;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole runs of the simulator: data integrity in every scenario with every scheduler, determinism, and
 * the bonding and path-management behaviour the scenarios are built to show. Timing goals are the matrix's
 * business (docs/simulator.md); here only sanity bounds.
 */
class SimulationTest {

    static Stream<Arguments> everyScenarioWithEveryScheduler() {
        List<Arguments> out = new ArrayList<>();
        for (String s : Scenarios.names()) {
            for (String sched : Schedulers.names()) {
                out.add(Arguments.of(s, sched));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("everyScenarioWithEveryScheduler")
    void everyByteArrivesExactlyOnceAndIntact(String scenario, String scheduler) {
        Simulation sim = new Simulation(Scenarios.byName(scenario), scheduler, 1);
        RunResult r = sim.run();
        assertThat(r.completed()).isTrue();
        assertThat(r.integrityOk()).isTrue();
        assertThat(r.bytesDelivered()).isEqualTo(Scenarios.byName(scenario).workload().totalResponseBytes());
        for (Endpoint e : List.of(sim.client(), sim.server())) {
            assertThat(e.corruptFramesReceived()).isZero();
            assertThat(e.stats().stalledTimers()).as("timer wake-ups with nothing to do").isZero();
            assertThat(e.core().isClosed()).as("the connection core stays open").isFalse();
        }
    }

    @Test
    void aRunIsAFunctionOfScenarioSchedulerAndSeed() {
        Scenario lossy = lossy(LossModel.random(0.01));
        RunResult a = Simulation.run(lossy, "ecf", 42);
        RunResult b = Simulation.run(lossy, "ecf", 42);
        RunResult c = Simulation.run(lossy, "ecf", 43);
        assertThat(fingerprint(a)).isEqualTo(fingerprint(b));
        assertThat(fingerprint(a)).isNotEqualTo(fingerprint(c));
    }

    @ParameterizedTest
    @MethodSource("lossModels")
    void randomAndBurstLossStillDeliverEverythingExactlyOnce(LossModel loss) {
        for (String scheduler : List.of("minrtt", "blest", "redundant")) {
            RunResult r = Simulation.run(lossy(loss), scheduler, 7);
            assertThat(r.completed()).isTrue();
            assertThat(r.integrityOk()).as("%s with %s", scheduler, loss).isTrue();
            assertThat(r.lostPackets()).isPositive();
        }
    }

    static Stream<LossModel> lossModels() {
        return Stream.of(LossModel.random(0.02), LossModel.burst(0.005, 0.3, 0.9));
    }

    @Test
    void cubicWorksAsTheSecondController() {
        RunResult r = Simulation.run(Scenarios.byName("wifi-lte").withCongestionControl("cubic"), "minrtt", 1);
        assertThat(r.integrityOk()).isTrue();
        assertThat(CongestionControllers.names()).contains("cubic");
    }

    @Test
    void twoEqualPathsBondOnceAndStayBonded() {
        RunResult r = Simulation.run(Scenarios.byName("two-equal"), "minrtt", 1);
        assertThat(states(r.serverBonding())).containsExactly(BondingState.PENDING, BondingState.BONDED);
        assertThat(states(r.clientBonding())).containsExactly(BondingState.PENDING, BondingState.BONDED);
        assertThat(r.streamBytesByPath()).containsKeys(0L, 1L);
        // Sanity bounds only: two 10 Mbit/s paths move 2 MB in well under the 1.6 s one path needs.
        assertThat(r.completionMicros()).isBetween(800_000L, 1_200_000L);
    }

    @Test
    void breakDegradesFailsOverAbandonsAndFallsBackToASinglePath() {
        Simulation sim = new Simulation(Scenarios.byName("break"), "minrtt", 1);
        RunResult r = sim.run();
        assertThat(states(r.serverBonding())).containsExactly(BondingState.PENDING, BondingState.BONDED,
                BondingState.DEGRADED, BondingState.SINGLE_PATH);
        assertThat(r.serverBonding()).anyMatch(t -> t.event().equals(new BondingEvent.PrimaryChanged(0, 1, true)));
        Failover f = r.failover();
        assertThat(f.failedPath()).isZero();
        assertThat(f.abandonMicros()).isPositive();
        assertThat(f.abandonDelayMicros()).isLessThanOrEqualTo(3 * f.ptoMicros());
        assertThat(f.gapMicros()).isBetween(0L, f.boundMicros());
        // The peer answered with its own PATH_ABANDON, and both sides freed the path later.
        assertThat(sim.client().pathLog()).anyMatch(t -> t.event() instanceof ConnectionEvent.PathAbandoned a
                && a.pathId() == 0 && a.byPeer());
        for (Endpoint e : List.of(sim.client(), sim.server())) {
            assertThat(e.pathLog()).anyMatch(t -> t.event() instanceof ConnectionEvent.PathFreed p && p.pathId() == 0);
        }
        assertThat(r.integrityOk()).isTrue();
    }

    @Test
    void aStandbyPathCarriesNoDataUntilTheAvailablePathFails() {
        PathSpec primary = PathSpec.symmetric("primary", 20_000_000, 10_000, LossModel.none())
                .withOutage(Outage.from(800_000));
        PathSpec backup = PathSpec.symmetric("backup", 20_000_000, 10_000, LossModel.none()).asBackup();
        Scenario s = new Scenario("standby", "a backup path", List.of(primary, backup), Workload.bulk(1, 4_000_000, false),
                16 << 20, "newreno", 20_000_000);
        Simulation sim = new Simulation(s, "minrtt", 1);
        RunResult r = sim.run();
        assertThat(r.integrityOk()).isTrue();
        assertThat(r.serverBonding()).anyMatch(t -> t.event() instanceof BondingEvent.StandbyInUse u && u.inUse());
        assertThat(sim.server().bonding().isStandby(1)).isTrue();
        // Before the outage the standby path carried nothing; afterwards it carried the rest of the transfer.
        assertThat(r.streamBytesByPath().get(1L)).isPositive();
        long firstUse = r.serverBonding().stream().filter(t -> t.event() instanceof BondingEvent.StandbyInUse u && u.inUse())
                .mapToLong(Timed::timeMicros).min().orElseThrow();
        assertThat(firstUse).isGreaterThan(800_000);
    }

    @Test
    void singlePathBaselinesRunWithoutASecondPath() {
        RunResult r = Simulation.run(Scenarios.byName("two-equal").onlyPath(1), "minrtt", 1);
        assertThat(r.streamBytesByPath()).containsOnlyKeys(0L);
        assertThat(states(r.serverBonding())).isEmpty();
        assertThat(r.completionMicros()).isBetween(1_600_000L, 2_100_000L);
    }

    private static Scenario lossy(LossModel loss) {
        return new Scenario("lossy", "two lossy paths", List.of(
                PathSpec.symmetric("a", 20_000_000, 10_000, loss),
                PathSpec.symmetric("b", 10_000_000, 25_000, loss)),
                new Workload(3, 300, 400_000, false), 16 << 20, "newreno", 30_000_000);
    }

    private static List<BondingState> states(List<Timed<BondingEvent>> events) {
        return events.stream().map(Timed::event).filter(e -> e instanceof BondingEvent.StateChanged)
                .map(e -> ((BondingEvent.StateChanged) e).to()).toList();
    }

    /** Everything but the wall-clock time. */
    private static String fingerprint(RunResult r) {
        return List.of(r.completionMicros(), r.bytesDelivered(), r.spuriousRetransmissions(), r.duplicateBytes(),
                r.holMeanMicros(), r.retransmittedBytes(), r.lostPackets(), r.streamBytesByPath(), r.events(),
                r.serverBonding(), r.clientBonding(), r.progress().stream().map(p -> p[0] + ":" + p[1]).toList()).toString();
    }
}
