/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.StoreUnavailableException;
import io.vecsync.search.VectorSearcher;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store's searcher under {@code store.timeout.ms}: every call runs on a pool of its own and is given up at the
 * deadline, whatever the store's client does. After a call is given up, calls fail at once for a cooldown, then one
 * call at a time tries the store until one is answered in time.
 *
 * <p>The searcher API takes no deadline and a store's client may block in a read that no interrupt ends (JDBC on a
 * half-open connection): such a call keeps its pool thread until the client gives up, but no request thread waits
 * for it, and the cooldown keeps a dead store from collecting one blocked thread per request.
 */
final class GuardedSearcher implements VectorSearcher {

    private static final Logger log = LoggerFactory.getLogger(GuardedSearcher.class);
    /** How long callers are asked to wait (Retry-After) after a store failure, and how long calls fail at once after a timeout. */
    static final Duration COOLDOWN = Duration.ofSeconds(5);
    /** Live calls are at most one a request thread; the rest is room for calls given up on and still blocked. */
    private static final int MAX_THREADS = 4 * HttpApi.REQUEST_THREADS;

    private final VectorSearcher store;
    private final long timeoutMs;
    private final ServiceMetrics metrics;
    private final LongSupplier nanoClock;
    private final ThreadPoolExecutor pool;
    private final AtomicBoolean trialRunning = new AtomicBoolean();
    /** Set once a call timed out, cleared once one is answered in time; {@link #retryAt} is then when to try again. */
    private volatile boolean failing;

    private volatile long retryAt;

    GuardedSearcher(VectorSearcher store, Duration timeout, ServiceMetrics metrics) {
        this(store, timeout, metrics, System::nanoTime);
    }

    /** @param nanoClock when cooldowns end, in {@link System#nanoTime()}'s terms; tests move it */
    GuardedSearcher(VectorSearcher store, Duration timeout, ServiceMetrics metrics, LongSupplier nanoClock) {
        this.store = store;
        this.timeoutMs = timeout.toMillis();
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "vecsync-store-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // No queue: a call either gets a thread now or fails at once, so no call waits behind blocked ones.
        this.pool = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }

    /** @throws UnavailableException 503 when the store is unreachable, slow past the deadline, or cooling down */
    @Override
    public List<SearchHit> search(SearchRequest request) {
        return call("a search", () -> store.search(request));
    }

    /** @throws UnavailableException as {@link #search} */
    @Override
    public OptionalLong segmentCount() {
        return call("a count", store::segmentCount);
    }

    /** @throws UnavailableException as {@link #search}; other failures as the store's searcher throws them */
    @Override
    public void checkReachable() {
        call("a reachability check", () -> {
            store.checkReachable();
            return null;
        });
    }

    private <T> T call(String what, Callable<T> work) {
        boolean trial = admit();
        try {
            return run(what, work);
        } finally {
            if (trial) {
                trialRunning.set(false);
            }
        }
    }

    /** Whether this call is the one trying a failing store; throws when the store is failing and this call may not try. */
    private boolean admit() {
        if (!failing) {
            return false;
        }
        long wait = retryAt - nanoClock.getAsLong();
        if (wait > 0 || !trialRunning.compareAndSet(false, true)) {
            throw new UnavailableException(
                    503,
                    UnavailableException.wholeSeconds(Duration.ofNanos(Math.max(wait, 0))),
                    "the store stopped answering; the service tries it again shortly",
                    null);
        }
        return true;
    }

    private <T> T run(String what, Callable<T> work) {
        Future<T> future;
        try {
            future = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw new UnavailableException(503, COOLDOWN.toSeconds(), "the store is busy", e);
        }
        T result;
        try {
            result = future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Ends the call where the client heeds interrupts (gRPC, HTTP); a JDBC read ignores it.
            future.cancel(true);
            retryAt = nanoClock.getAsLong() + COOLDOWN.toNanos();
            failing = true;
            metrics.storeTimedOut();
            log.warn(
                    "the store did not answer {} within {} ms; calls fail at once for {} s",
                    what,
                    timeoutMs,
                    COOLDOWN.toSeconds());
            throw new UnavailableException(
                    503, COOLDOWN.toSeconds(), "the store did not answer within " + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            failing = false;
            throw failure(what, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnavailableException(503, COOLDOWN.toSeconds(), "the service is stopping", e);
        }
        failing = false;
        return result;
    }

    /** A store that answered with an error: unreachable is the caller's 503; anything else is the service's own failure. */
    private static RuntimeException failure(String what, Throwable cause) {
        if (cause instanceof StoreUnavailableException) {
            log.warn("{} failed: {}", what, cause.getMessage());
            return new UnavailableException(503, COOLDOWN.toSeconds(), "the store is unavailable", cause);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(what + " failed", cause);
    }

    /** Stops the pool, interrupting calls still running, then closes the store's searcher. */
    @Override
    public void close() {
        pool.shutdownNow();
        store.close();
    }
}
