package io.mpqc.ref.conn;

import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.path.PathView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A thread-safe facade over one {@link MultipathConnection}, for an application, a network driver and
 * metrics readers on different threads.
 *
 * <p><b>Design: one dedicated connection thread, not a lock.</b> The core stays confined to a single
 * daemon thread; every input (received frames, ticks, commands, drain, listener changes) is a task run
 * there in submission order. A lock would also serialize the core, but this design was chosen because:
 * <ul>
 *   <li>the core calls listeners synchronously. With a lock they would run on whichever caller thread
 *       held it; here they always run on the connection thread, so a listener such as {@link QlogWriter}
 *       sees one ordered stream from one thread and needs no locking of its own;</li>
 *   <li>network and timer threads can hand over packets and ticks without waiting ({@link #receive} and
 *       {@link #tick} return futures), where a lock would stall them behind a slow listener;</li>
 *   <li>readers never contend at all: after every task the connection thread publishes an immutable
 *       {@link ConnectionSnapshot} in a volatile field, so {@link #snapshot()} is one volatile read.</li>
 * </ul>
 * The price is a thread hand-off per call. That is cheap for commands and control frames; a driver with
 * a high packet rate can batch many operations into one task with {@link #submit}.
 *
 * <p>Commands block until the connection thread has run them and return the core's result; a
 * {@link CommandRejectedException} (or any other runtime exception) thrown by the core is rethrown to the
 * caller as the same object. When a command returns, {@link #snapshot()} already shows its effect. Calling
 * a blocking method from the connection thread itself (from a listener) would wait for itself forever, so
 * it throws {@link IllegalStateException}; listeners use {@link #submit} instead.
 *
 * <p>{@link #close()} stops the thread after the tasks already submitted have run; it does not close the
 * QUIC connection (that is {@link #closeConnection}). Later calls fail with {@link IllegalStateException}.
 * Listeners must not throw, exactly as with the core.
 */
public final class ConcurrentConnection implements AutoCloseable {
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    private final ConnectionConfig config;
    private final ConnectionThreadFactory threads;
    private final ThreadPoolExecutor executor;
    /** Only touched by tasks, which all run on the connection thread. */
    private MultipathConnection core;
    private volatile ConnectionSnapshot latest;

    public ConcurrentConnection(ConnectionConfig config) {
        this(config, null);
    }

    /**
     * Builds the core on its own thread with {@code listener} (may be null) attached before the first
     * event, so that a {@link QlogWriter} given here records the whole connection.
     */
    public ConcurrentConnection(ConnectionConfig config, ConnectionListener listener) {
        this.config = config;
        String role = config.role().name().toLowerCase(Locale.ROOT);
        this.threads = new ConnectionThreadFactory("mpqc-connection-" + role + "-" + config.localInitialCid().hex());
        // One thread, never replaced while running: the core's confinement is to that thread.
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                threads);
        try {
            call(ignored -> {
                core = new MultipathConnection(config, listener);
                return null;
            });
        } catch (RuntimeException | Error e) {
            executor.shutdownNow();
            throw e;
        }
    }

    public ConnectionConfig config() {
        return config;
    }

    // ---- reads: never block ----

    /** The state after the last task the connection thread completed. */
    public ConnectionSnapshot snapshot() {
        return latest;
    }

    /** The latest view of one path, or null if the path ID has no state. */
    public PathView path(long pathId) {
        return latest.path(pathId);
    }

    public Optional<CloseReason> closeReason() {
        return Optional.ofNullable(latest.close());
    }

    public boolean isClosed() {
        return latest.close() != null;
    }

    // ---- inputs: handed over without waiting ----

    /** Queues the frames of one received packet; the future completes once they were processed. */
    public CompletableFuture<Void> receive(PacketContext context, List<Frame> frames) {
        List<Frame> copy = List.copyOf(frames);
        return submitTask(c -> {
            c.receive(context, copy);
            return null;
        });
    }

    /** Queues a clock tick; the future fails with IllegalArgumentException if time went back. */
    public CompletableFuture<Void> tick(long nowMicros) {
        return submitTask(c -> {
            c.tick(nowMicros);
            return null;
        });
    }

    /**
     * Runs {@code action} on the connection thread with the core and completes with its result. The core
     * must not escape {@code action}: used from another thread it would break confinement.
     */
    public <T> CompletableFuture<T> submit(Function<MultipathConnection, T> action) {
        return submitTask(action);
    }

    public CompletableFuture<Void> addListener(ConnectionListener listener) {
        return submitTask(c -> {
            c.addListener(listener);
            return null;
        });
    }

    public CompletableFuture<Void> removeListener(ConnectionListener listener) {
        return submitTask(c -> {
            c.removeListener(listener);
            return null;
        });
    }

    // ---- commands and output: block for the result ----

    /** See {@link MultipathConnection#openPath()}. */
    public OptionalLong openPath() {
        return call(MultipathConnection::openPath);
    }

    /** See {@link MultipathConnection#abandonPath(long, long)}. */
    public void abandonPath(long pathId, long errorCode) {
        call(c -> {
            c.abandonPath(pathId, errorCode);
            return null;
        });
    }

    /** See {@link MultipathConnection#setLocalStatus(long, PathStatus)}; returns the sequence number sent. */
    public long setLocalStatus(long pathId, PathStatus status) {
        return call(c -> c.setLocalStatus(pathId, status));
    }

    /** See {@link MultipathConnection#issueConnectionIds(long, int)}. */
    public void issueConnectionIds(long pathId, int count) {
        call(c -> {
            c.issueConnectionIds(pathId, count);
            return null;
        });
    }

    /** See {@link MultipathConnection#raiseMaxPathId(long)}. */
    public void raiseMaxPathId(long maximum) {
        call(c -> {
            c.raiseMaxPathId(maximum);
            return null;
        });
    }

    /** Closes the QUIC connection with CONNECTION_CLOSE; see {@link MultipathConnection#close}. */
    public void closeConnection(long errorCode, String reason) {
        call(c -> {
            c.close(errorCode, reason);
            return null;
        });
    }

    /** See {@link MultipathConnection#drain()}. */
    public List<OutgoingPacket> drain() {
        return call(MultipathConnection::drain);
    }

    // ---- lifecycle ----

    /**
     * Stops the connection thread once the tasks already queued have run, waiting up to 5 s for them. If
     * they do not finish (a listener hangs), the thread is interrupted and the futures of the tasks that
     * never ran are cancelled, so no caller waits forever. Called from the connection thread itself, it
     * only stops accepting tasks: waiting there would wait for the running task, i.e. itself.
     */
    @Override
    public void close() {
        executor.shutdown();
        if (threads.isConnectionThread()) {
            return;
        }
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                cancelUnrun();
            }
        } catch (InterruptedException e) {
            cancelUnrun();
            Thread.currentThread().interrupt();
        }
    }

    private void cancelUnrun() {
        for (Runnable r : executor.shutdownNow()) {
            ((Task<?>) r).future.cancel(false);
        }
    }

    // ---- plumbing ----

    private <T> CompletableFuture<T> submitTask(Function<MultipathConnection, T> action) {
        Task<T> task = new Task<>(action);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.future.completeExceptionally(new IllegalStateException("the connection thread is shut down", e));
        }
        return task.future;
    }

    /** Runs {@code action} on the connection thread and waits for it, rethrowing what it threw. */
    private <T> T call(Function<MultipathConnection, T> action) {
        if (threads.isConnectionThread()) {
            throw new IllegalStateException("a blocking call on the connection thread would wait for itself; "
                    + "use submit()");
        }
        CompletableFuture<T> future = submitTask(action);
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The task stays queued and may still run: the caller only stops waiting for it.
            throw new CancellationException("interrupted while waiting for the connection thread");
        }
    }

    /** One unit of work on the connection thread; the snapshot is published before the caller resumes. */
    private final class Task<T> implements Runnable {
        final CompletableFuture<T> future = new CompletableFuture<>();
        private final Function<MultipathConnection, T> action;

        Task(Function<MultipathConnection, T> action) {
            this.action = action;
        }

        @Override
        public void run() {
            if (future.isDone()) {
                return;
            }
            T result = null;
            Throwable failure = null;
            try {
                result = action.apply(core);
            } catch (Throwable t) {
                failure = t;
            }
            // Whatever happens, the future completes: a caller blocked in call() must never be left waiting.
            try {
                publish();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                } else {
                    failure.addSuppressed(t);
                }
            }
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(result);
            }
        }

        private void publish() {
            if (core != null) {
                latest = core.snapshot();
            }
        }
    }

    /** Names the one connection thread and remembers it, to recognise calls made from it. */
    private static final class ConnectionThreadFactory implements ThreadFactory {
        private final String name;
        private volatile Thread thread;

        ConnectionThreadFactory(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, name);
            // A forgotten facade must not keep the JVM alive.
            t.setDaemon(true);
            thread = t;
            return t;
        }

        boolean isConnectionThread() {
            return Thread.currentThread() == thread;
        }
    }
}
