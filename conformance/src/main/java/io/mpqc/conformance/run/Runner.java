package io.mpqc.conformance.run;

import io.mpqc.conformance.cases.CaseContext;
import io.mpqc.conformance.cases.CaseUnsupportedException;
import io.mpqc.conformance.cases.ConformanceCase;
import io.mpqc.conformance.cases.Outcome;
import io.mpqc.conformance.cases.TranscriptEntry;
import io.mpqc.conformance.cases.Verdict;
import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.catalog.Keyword;
import io.mpqc.conformance.catalog.Requirement;
import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.UnsupportedByTargetException;
import io.mpqc.ref.frame.Dialect;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cases against a target: each case in its own context with a timeout, up to {@code jobs} at once,
 * and turns outcomes into verdicts with the keyword of the case's main requirement: a rule not met is a
 * FAIL for MUST-level, a WARN for SHOULD-level, and a PASS (noted) for MAY.
 */
public final class Runner {
    private final Catalog catalog;
    private final Duration timeout;
    private final int jobs;

    public Runner(Catalog catalog, Duration timeout, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        this.catalog = catalog;
        this.timeout = timeout;
        this.jobs = jobs;
    }

    public RunResult run(List<ConformanceCase> cases, Target target, Dialect dialect, ProgressListener progress) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        progress.started(cases.size());
        List<CaseResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService slots = Executors.newFixedThreadPool(jobs, daemon("mpqc-job"));
        ExecutorService bodies = Executors.newCachedThreadPool(daemon("mpqc-case"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ConformanceCase c : cases) {
                futures.add(slots.submit(() -> {
                    CaseResult r = runOne(c, target, dialect, bodies);
                    results.add(r);
                    synchronized (progress) {
                        progress.caseFinished(r, done.incrementAndGet(), cases.size());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the runner failed: " + e.getCause(), e.getCause());
        } finally {
            slots.shutdownNow();
            bodies.shutdownNow();
        }
        List<CaseResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(r -> cases.indexOf(r.testCase())));
        RunResult run = new RunResult(target.name(), dialect, started,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), sorted);
        progress.finished(run);
        return run;
    }

    private CaseResult runOne(ConformanceCase c, Target target, Dialect dialect, ExecutorService bodies) {
        Requirement main = catalog.get(c.mainRequirement()).orElseThrow();
        long t0 = System.nanoTime();
        if (!target.capabilities().dialects().contains(dialect)) {
            return result(c, main, Verdict.UNSUPPORTED, "-", "the target does not speak " + dialect.id(), List.of(), t0);
        }
        CaseContext ctx = new CaseContext(target, dialect);
        // How the body ended, also after a timeout: an interrupted shim request says what it was waiting for.
        java.util.concurrent.CompletableFuture<Throwable> ended = new java.util.concurrent.CompletableFuture<>();
        Future<Outcome> body = bodies.submit(() -> {
            try {
                return invoke(c, ctx);
            } catch (Exception ex) {
                ended.complete(ex);
                throw ex;
            } finally {
                ended.complete(null);
            }
        });
        try {
            Outcome o = body.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (o == null) {
                return result(c, main, Verdict.ERROR, "-", "the case returned no outcome", ctx.transcript().entries(),
                        t0);
            }
            return result(c, main, verdict(o, main.keyword()), o.expected(), observed(o, main.keyword()),
                    ctx.transcript().entries(), t0);
        } catch (TimeoutException e) {
            body.cancel(true);
            return result(c, main, Verdict.ERROR, "-", "timed out after " + timeout.toMillis() + " ms"
                    + lastWords(ended), ctx.transcript().entries(), t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(c, main, Verdict.ERROR, "-", "interrupted", ctx.transcript().entries(), t0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CaseUnsupportedException || cause instanceof UnsupportedByTargetException) {
                return result(c, main, Verdict.UNSUPPORTED, "-", cause.getMessage(), ctx.transcript().entries(), t0);
            }
            if (cause instanceof TargetException) {
                return result(c, main, Verdict.ERROR, "-", "target error: " + cause.getMessage(),
                        ctx.transcript().entries(), t0);
            }
            return result(c, main, Verdict.ERROR, "-", "the case itself failed: " + cause,
                    ctx.transcript().entries(), t0);
        } finally {
            ctx.close();
        }
    }

    /** What the target said as the timed-out body was interrupted (up to a second later), if anything. */
    private static String lastWords(java.util.concurrent.CompletableFuture<Throwable> ended) {
        try {
            Throwable t = ended.get(1, TimeUnit.SECONDS);
            return t instanceof TargetException ? " (target: " + t.getMessage() + ")" : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }

    private static Outcome invoke(ConformanceCase c, CaseContext ctx) throws Exception {
        try {
            return (Outcome) c.method().invoke(c.group(), ctx);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static Verdict verdict(Outcome o, Keyword keyword) {
        return switch (o.kind()) {
            case MET -> Verdict.PASS;
            case UNSUPPORTED -> Verdict.UNSUPPORTED;
            case NOT_MET -> keyword.isMandatory() ? Verdict.FAIL : keyword.isAdvisory() ? Verdict.WARN : Verdict.PASS;
            case VIOLATED -> Verdict.FAIL;
        };
    }

    private static String observed(Outcome o, Keyword keyword) {
        if (o.kind() == Outcome.Kind.NOT_MET && keyword == Keyword.MAY) {
            return o.observed() + " (allowed: the rule is a MAY)";
        }
        return o.observed();
    }

    private static CaseResult result(ConformanceCase c, Requirement main, Verdict v, String expected, String observed,
            List<TranscriptEntry> transcript, long t0) {
        return new CaseResult(c, main, v, expected, observed, transcript,
                TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
