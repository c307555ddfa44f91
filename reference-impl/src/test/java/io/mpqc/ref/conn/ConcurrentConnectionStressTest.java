package io.mpqc.ref.conn;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.path.PathView;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several application threads change path statuses while a network thread feeds the peer's status
 * frames and a metrics thread samples snapshots. Every wait is bounded, so a deadlock fails the test
 * instead of hanging the build.
 */
@Timeout(120)
class ConcurrentConnectionStressTest {
    private static final int STATUS_THREADS = 4;
    private static final int COMMANDS_PER_THREAD = 300;
    private static final int FRAMES_PER_PATH = 400;
    private static final long[] PATHS = {1, 2, 3};
    private static final long WAIT_SECONDS = 60;

    @Test
    void concurrentStatusChangesLoseNothingAndSequenceNumbersOnlyGrow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(STATUS_THREADS + 2);
        CyclicBarrier start = new CyclicBarrier(STATUS_THREADS + 2);
        AtomicBoolean inputsDone = new AtomicBoolean();
        AtomicLongArray accepted = new AtomicLongArray(PATHS.length + 1);
        List<Set<Long>> returned = new ArrayList<>();
        for (int p = 0; p <= PATHS.length; p++) {
            returned.add(ConcurrentHashMap.newKeySet());
        }
        ConcurrentConnection conn = new ConcurrentConnection(ConnectionConfig.builder(Role.CLIENT).build());
        try {
            List<Future<?>> inputs = new ArrayList<>();
            for (int t = 0; t < STATUS_THREADS; t++) {
                int thread = t;
                inputs.add(pool.submit(() -> changeStatuses(conn, start, thread, accepted, returned)));
            }
            inputs.add(pool.submit(() -> feedPeerStatuses(conn, start)));
            Future<Long> reader = pool.submit(sampleSnapshots(conn, start, inputsDone));

            for (Future<?> f : inputs) {
                f.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            inputsDone.set(true);
            assertThat(reader.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("snapshots sampled").isPositive();

            ConnectionSnapshot end = conn.snapshot();
            assertThat(end.close()).isNull();
            long total = 0;
            for (long p : PATHS) {
                long n = accepted.get((int) p);
                total += n;
                PathView view = end.path(p);
                assertThat(view.localStatus().sequence()).as("local status sequence of path %d", p)
                        .isEqualTo(n - 1);
                // Each accepted command got its own number, and together they are exactly 0..n-1.
                assertThat(returned.get((int) p)).hasSize((int) n).allMatch(s -> s >= 0 && s < n);
                assertThat(view.peerStatus().sequence()).as("peer status sequence of path %d", p)
                        .isEqualTo(FRAMES_PER_PATH - 1);
            }
            assertThat(total).isEqualTo((long) STATUS_THREADS * COMMANDS_PER_THREAD);
        } finally {
            inputsDone.set(true);
            pool.shutdownNow();
            pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
            conn.close();
        }
    }

    private static Void changeStatuses(ConcurrentConnection conn, CyclicBarrier start, int thread,
            AtomicLongArray accepted, List<Set<Long>> returned) throws Exception {
        long[] lastSeen = {-1, -1, -1, -1};
        start.await(WAIT_SECONDS, TimeUnit.SECONDS);
        for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
            int path = (int) PATHS[(i + thread) % PATHS.length];
            PathStatus status = ((i + thread) & 1) == 0 ? PathStatus.AVAILABLE : PathStatus.BACKUP;
            long seq = conn.setLocalStatus(path, status);
            accepted.incrementAndGet(path);
            assertThat(seq).as("sequence returned to one thread on path %d", path).isGreaterThan(lastSeen[path]);
            lastSeen[path] = seq;
            assertThat(returned.get(path).add(seq)).as("sequence %d handed out twice on path %d", seq, path)
                    .isTrue();
        }
        return null;
    }

    /**
     * Increasing sequence numbers, with a stale repeat now and then that must be ignored. The feeder waits
     * for each round of packets to be processed, as a network thread with back-pressure would; otherwise
     * it would queue everything at once and its frames would barely interleave with the commands.
     */
    private static Void feedPeerStatuses(ConcurrentConnection conn, CyclicBarrier start) throws Exception {
        long packetNumber = 0;
        start.await(WAIT_SECONDS, TimeUnit.SECONDS);
        for (int seq = 0; seq < FRAMES_PER_PATH; seq++) {
            List<CompletableFuture<Void>> round = new ArrayList<>();
            for (long path : PATHS) {
                Frame current = (seq & 1) == 0 ? new Frame.PathStatusAvailable(path, seq)
                        : new Frame.PathStatusBackup(path, seq);
                List<Frame> frames = seq >= 2 && seq % 7 == 0
                        ? List.of(current, new Frame.PathStatusBackup(path, seq - 2)) : List.of(current);
                round.add(conn.receive(PacketContext.oneRtt(0, packetNumber++), frames));
            }
            CompletableFuture.allOf(round.toArray(new CompletableFuture<?>[0])).get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (seq % 50 == 0) {
                conn.drain();
            }
        }
        return null;
    }

    private static Callable<Long> sampleSnapshots(ConcurrentConnection conn, CyclicBarrier start,
            AtomicBoolean inputsDone) {
        return () -> {
            long[] local = {-1, -1, -1, -1};
            long[] peer = {-1, -1, -1, -1};
            long samples = 0;
            start.await(WAIT_SECONDS, TimeUnit.SECONDS);
            while (!inputsDone.get()) {
                ConnectionSnapshot s = conn.snapshot();
                assertThat(s).isNotNull();
                for (long p : PATHS) {
                    PathView v = s.path(p);
                    int i = (int) p;
                    assertThat(v.localStatus().sequence()).as("local sequence of path %d", p)
                            .isGreaterThanOrEqualTo(local[i]);
                    assertThat(v.peerStatus().sequence()).as("peer sequence of path %d", p)
                            .isGreaterThanOrEqualTo(peer[i]).isLessThan(FRAMES_PER_PATH);
                    local[i] = v.localStatus().sequence();
                    peer[i] = v.peerStatus().sequence();
                }
                samples++;
                Thread.onSpinWait();
            }
            return samples;
        };
    }
}
