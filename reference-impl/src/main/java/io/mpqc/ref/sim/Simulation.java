package io.mpqc.ref.sim;

import io.mpqc.ref.conn.ConnectionConfig;
import io.mpqc.ref.conn.ConnectionEvent;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.sched.Schedulers;
import io.mpqc.ref.sim.endpoint.Endpoint;
import io.mpqc.ref.sim.endpoint.EndpointConfig;
import io.mpqc.ref.sim.endpoint.StreamData;
import io.mpqc.ref.sim.endpoint.Timed;
import io.mpqc.ref.sim.endpoint.WirePacket;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One run of a scenario: a client and a server endpoint (each the real connection core plus the data
 * layer), the scenario's links between them, and the workload's applications, driven by a discrete-event
 * queue on a virtual clock until the last response is delivered or the time limit passes. Given the same
 * scenario, scheduler and seed, every run is identical: each link draws losses from its own random stream
 * split from the seed, and the connection IDs, tokens and challenges come from seeded generators.
 *
 * <p>Time 0 is the end of the handshake: both cores then send the connection IDs they issue for the other
 * path IDs, on path 0, and the client opens its other paths as soon as the server's arrive.
 */
public final class Simulation {
    private final Scenario scenario;
    private final EventQueue events = new EventQueue();
    private final List<Link[]> links = new ArrayList<>();
    private final Endpoint client;
    private final Endpoint server;
    private final ClientApp clientApp;
    private final ServerApp serverApp;
    private final Waker clientWaker = new Waker();
    private final Waker serverWaker = new Waker();
    private final long seed;
    private final String schedulerName;
    private long ptoAtOutage = -1;
    private long rttAtOutage = -1;

    /** When an endpoint's timer is due, and which scheduled wake-up is the live one. */
    private static final class Waker {
        long scheduledAt = Long.MAX_VALUE;
        long token;
    }

    public Simulation(Scenario scenario, String scheduler, long seed) {
        this.scenario = scenario;
        this.seed = seed;
        this.schedulerName = scheduler;
        SplittableRandom random = new SplittableRandom(seed);
        for (PathSpec p : scenario.paths()) {
            links.add(new Link[] {
                new Link(p.down(), p.down().loss().start(random.split()), p.outages()),
                new Link(p.up(), p.up().loss().start(random.split()), p.outages())});
        }
        EndpointConfig config = EndpointConfig.defaults().withCongestionControl(scenario.congestionControl())
                .withReceiveWindow(scenario.receiveWindow());
        StreamData data = new StreamData();
        client = new Endpoint(coreConfig(Role.CLIENT, config, random.nextLong()), config, Schedulers.create(scheduler),
                data, p -> deliver(p, true));
        server = new Endpoint(coreConfig(Role.SERVER, config, random.nextLong()), config, Schedulers.create(scheduler),
                data, p -> deliver(p, false));
        clientApp = new ClientApp(scenario.workload(), scenario.firstOutage());
        serverApp = new ServerApp(scenario.workload());
        client.setApplication(clientApp);
        server.setApplication(serverApp);
    }

    private static ConnectionConfig coreConfig(Role role, EndpointConfig config, long seed) {
        return ConnectionConfig.builder(role).maxAckDelayMicros(config.maxAckDelayMicros())
                .initialRttMicros(config.initialRttMicros()).seed(seed).build();
    }

    /** Runs {@code scenario} with {@code scheduler} and {@code seed} and returns its metrics. */
    public static RunResult run(Scenario scenario, String scheduler, long seed) {
        return new Simulation(scenario, scheduler, seed).run();
    }

    public Endpoint client() {
        return client;
    }

    public Endpoint server() {
        return server;
    }

    /** Runs to completion or the time limit. */
    public RunResult run() {
        long wallStart = System.nanoTime();
        client.openPaths(scenario.paths().size() - 1);
        for (int i = 0; i < scenario.paths().size(); i++) {
            if (scenario.paths().get(i).backup()) {
                client.setLocalStatus(i, PathStatus.BACKUP);
            }
        }
        server.start(0);
        client.start(0);
        reschedule(server, serverWaker);
        reschedule(client, clientWaker);
        long outage = scenario.firstOutage();
        if (outage >= 0) {
            events.at(outage, this::recordOutageEstimates);
        }
        while (!clientApp.done() && events.nextTime() <= scenario.timeLimitMicros()) {
            events.runNext();
        }
        long wall = System.nanoTime() - wallStart;
        return result(wall);
    }

    private void deliver(WirePacket packet, boolean fromClient) {
        if (packet.pathId() >= links.size()) {
            return; // a path ID with no network path behind it: nothing arrives
        }
        Link link = links.get((int) packet.pathId())[fromClient ? 1 : 0];
        long at = link.transmit(events.now(), packet.size());
        if (at < 0) {
            return;
        }
        Endpoint to = fromClient ? server : client;
        Waker waker = fromClient ? serverWaker : clientWaker;
        events.at(at, () -> {
            to.onPacket(packet, at);
            reschedule(to, waker);
        });
    }

    /** After every input, the endpoint's next timer is (re)scheduled; stale wake-ups are ignored. */
    private void reschedule(Endpoint endpoint, Waker waker) {
        long t = endpoint.nextWakeup();
        if (t >= waker.scheduledAt || t > scenario.timeLimitMicros()) {
            return;
        }
        waker.scheduledAt = t;
        long token = ++waker.token;
        events.at(t, () -> {
            if (token != waker.token) {
                return;
            }
            waker.scheduledAt = Long.MAX_VALUE;
            endpoint.onTimer(t);
            reschedule(endpoint, waker);
        });
    }

    private void recordOutageEstimates() {
        int failed = scenario.failingPath();
        ptoAtOutage = server.pto(failed);
        long best = -1;
        for (int i = 0; i < scenario.paths().size(); i++) {
            long rtt = server.smoothedRtt(i);
            if (i != failed && rtt > 0 && (best < 0 || rtt < best)) {
                best = rtt;
            }
        }
        rttAtOutage = best;
    }

    private RunResult result(long wallNanos) {
        long end = clientApp.done() ? clientApp.completedAt() : Math.max(events.now(), scenario.timeLimitMicros());
        long delivered = clientApp.delivered();
        double goodput = end <= 0 ? 0 : delivered * 8e6 / end;
        boolean integrity = clientApp.done() && !clientApp.integrityViolated()
                && delivered == scenario.workload().totalResponseBytes()
                && client.corruptFramesReceived() == 0 && server.corruptFramesReceived() == 0
                && serverApp.requestsSeen == scenario.workload().transfers();
        double hol = delivered == 0 ? 0 : (double) client.holByteMicros() / delivered;
        List<long[]> progress = new ArrayList<>();
        for (ClientApp.Sample s : clientApp.progress) {
            progress.add(new long[] {s.timeMicros(), s.bytes()});
        }
        return new RunResult(scenario.name(), schedulerName, seed, clientApp.done(), end, delivered, goodput,
                server.stats().spuriousRetransmissions() + client.stats().spuriousRetransmissions(),
                server.duplicateBytesReceived() + client.duplicateBytesReceived(), hol,
                server.stats().retransmittedBytes(), server.stats().lostPackets(), server.stats().streamBytesByPath(),
                integrity, failover(), server.bondingLog(), client.bondingLog(), progress, events.now(),
                events.executed(), wallNanos);
    }

    private Failover failover() {
        long outage = scenario.firstOutage();
        if (outage < 0 || !scenario.multipath()) {
            return null;
        }
        int failed = scenario.failingPath();
        long abandon = -1;
        for (Endpoint e : List.of(server, client)) {
            for (Timed<ConnectionEvent> t : e.pathLog()) {
                if (t.event() instanceof ConnectionEvent.PathAbandoned a && a.pathId() == failed && !a.byPeer()
                        && (abandon < 0 || t.timeMicros() < abandon)) {
                    abandon = t.timeMicros();
                }
            }
        }
        long resumed = clientApp.resumedAfterOutage(3 * Math.max(ptoAtOutage, 0));
        return new Failover(outage, failed, resumed, ptoAtOutage, rttAtOutage, abandon);
    }
}
