package io.mpqc.ref.conn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.tp.Role;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConcurrentConnectionTest {
    private static final ConnectionConfig CLIENT = ConnectionConfig.builder(Role.CLIENT).build();

    @Test
    void aRejectedCommandIsRethrownAsTheOriginalException() {
        try (ConcurrentConnection conn = new ConcurrentConnection(CLIENT);
                ConcurrentConnection server = new ConcurrentConnection(ConnectionConfig.builder(Role.SERVER).build())) {
            Throwable thrown = catchThrowable(() -> conn.setLocalStatus(99, PathStatus.BACKUP));

            assertThat(thrown).isExactlyInstanceOf(CommandRejectedException.class)
                    .hasMessageContaining("outside the peer's limit").hasNoCause();
            // Not a copy made on the caller's side: its stack is the connection thread's.
            assertThat(thrown.getStackTrace()).noneMatch(f -> f.getClassName().equals(getClass().getName()))
                    .anyMatch(f -> f.getClassName().equals(MultipathConnection.class.getName()));
            assertThatThrownBy(server::openPath).isExactlyInstanceOf(CommandRejectedException.class);
        }
    }

    @Test
    void asynchronousSubmitCarriesTheRejectionAsItsCause() {
        try (ConcurrentConnection conn = new ConcurrentConnection(CLIENT)) {
            CompletableFuture<Long> f = conn.submit(c -> c.setLocalStatus(99, PathStatus.BACKUP));

            assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                    .cause().isExactlyInstanceOf(CommandRejectedException.class);
        }
    }

    @Test
    void theSnapshotShowsACommandOnceItReturns() {
        try (ConcurrentConnection conn = new ConcurrentConnection(CLIENT)) {
            assertThat(conn.snapshot()).isNotNull();
            assertThat(conn.path(2)).isNotNull();

            long seq = conn.setLocalStatus(2, PathStatus.BACKUP);

            assertThat(seq).isZero();
            assertThat(conn.path(2).localStatus().status()).isEqualTo(PathStatus.BACKUP);
            assertThat(conn.snapshot().queued().get(0L)).contains(new Frame.PathStatusBackup(2, 0));
            assertThat(conn.drain()).isNotEmpty();
            assertThat(conn.snapshot().queued()).isEmpty();
        }
    }

    @Test
    void receivedFramesAndTicksAreAppliedInSubmissionOrder() throws Exception {
        try (ConcurrentConnection conn = new ConcurrentConnection(CLIENT)) {
            conn.receive(PacketContext.oneRtt(0), List.of(new Frame.PathStatusBackup(1, 5)));
            conn.receive(PacketContext.oneRtt(0), List.of(new Frame.PathStatusAvailable(1, 4)));
            conn.tick(10).get(5, TimeUnit.SECONDS);

            assertThat(conn.path(1).peerStatus().sequence()).isEqualTo(5);
            assertThat(conn.path(1).peerStatus().status()).isEqualTo(PathStatus.BACKUP);
            assertThatThrownBy(() -> conn.tick(5).get(5, TimeUnit.SECONDS)).cause()
                    .isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void listenersRunOnTheConnectionThreadOnly() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (ConcurrentConnection conn = new ConcurrentConnection(CLIENT,
                (t, e) -> threads.add(Thread.currentThread().getName()))) {
            conn.setLocalStatus(1, PathStatus.AVAILABLE);
            conn.receive(PacketContext.oneRtt(0), List.of(new Frame.PathStatusBackup(1, 0))).get(5, TimeUnit.SECONDS);
            conn.closeConnection(0, "done");
        }

        assertThat(threads).singleElement().asString().startsWith("mpqc-connection-client-");
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void aBlockingCallFromAListenerFailsInsteadOfDeadlocking() throws Exception {
        AtomicReference<ConcurrentConnection> self = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch seen = new CountDownLatch(1);
        ConnectionListener reentrant = (t, e) -> {
            if (e instanceof ConnectionEvent.LocalStatusChanged && seen.getCount() > 0) {
                try {
                    self.get().setLocalStatus(2, PathStatus.BACKUP);
                } catch (Throwable x) {
                    failure.set(x);
                }
                // The asynchronous form is the way to act from a listener.
                self.get().submit(c -> c.setLocalStatus(3, PathStatus.BACKUP));
                seen.countDown();
            }
        };
        try (ConcurrentConnection conn = new ConcurrentConnection(CLIENT)) {
            self.set(conn);
            conn.addListener(reentrant).get(5, TimeUnit.SECONDS);
            conn.setLocalStatus(1, PathStatus.AVAILABLE);

            assertThat(seen.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(failure.get()).isInstanceOf(IllegalStateException.class);
            conn.submit(c -> null).get(5, TimeUnit.SECONDS);
            assertThat(conn.path(2).localStatus().sequence()).isEqualTo(-1);
            assertThat(conn.path(3).localStatus().sequence()).isZero();
        }
    }

    @Test
    void closeRunsWhatWasQueuedThenRefusesMore() throws Exception {
        ConcurrentConnection conn = new ConcurrentConnection(CLIENT);
        CompletableFuture<Void> last = null;
        for (int seq = 0; seq < 200; seq++) {
            last = conn.receive(PacketContext.oneRtt(0), List.of(new Frame.PathStatusAvailable(1, seq)));
        }
        conn.close();

        assertThat(last).isCompleted();
        assertThat(conn.path(1).peerStatus().sequence()).isEqualTo(199);
        assertThatThrownBy(() -> conn.setLocalStatus(1, PathStatus.BACKUP))
                .isInstanceOf(IllegalStateException.class);
        assertThat(conn.tick(1)).isCompletedExceptionally();
        conn.close();
    }

    @Test
    void closeFromAListenerDoesNotWaitForItself() throws Exception {
        AtomicReference<ConcurrentConnection> self = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        ConcurrentConnection conn = new ConcurrentConnection(CLIENT, (t, e) -> {
            if (e instanceof ConnectionEvent.ConnectionClosed) {
                self.get().close();
                closed.countDown();
            }
        });
        self.set(conn);
        conn.closeConnection(0, "bye");

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(conn.isClosed()).isTrue();
        assertThatThrownBy(conn::drain).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aQlogWriterGivenAtConstructionRecordsEveryEvent() throws IOException {
        StringWriter out = new StringWriter();
        List<ConnectionEvent> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (QlogWriter qlog = new QlogWriter(out, Role.CLIENT, null);
                ConcurrentConnection conn = new ConcurrentConnection(CLIENT, (t, e) -> {
                    counted.add(e);
                    qlog.onEvent(t, e);
                })) {
            conn.setLocalStatus(1, PathStatus.BACKUP);
            conn.abandonPath(1, 0);
            conn.closeConnection(0, "done");
        }

        assertThat(counted).isNotEmpty();
        assertThat(QlogWriterTest.readRecords(out.toString())).hasSize(1 + counted.size());
    }
}
