/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A task's threads: one walks the listing, a small pool calls the platform for single videos. Each tells the task
 * thread when it has something, so an idle poll sleeps until then instead of spinning: Connect copies the offsets of
 * every partition written since its last commit at every poll, which idle polls would repeat for nothing.
 */
final class TaskExecutors implements AutoCloseable {

    private final int concurrency;
    private final ExecutorService discovery;
    private final ExecutorService fetches;
    private final Semaphore ready = new Semaphore(0);

    TaskExecutors(int concurrency) {
        this.concurrency = concurrency;
        this.discovery = Executors.newSingleThreadExecutor(daemon("vecsync-discovery"));
        this.fetches = Executors.newFixedThreadPool(concurrency, daemon("vecsync-fetch"));
    }

    int concurrency() {
        return concurrency;
    }

    void discover(Runnable walk) {
        discovery.execute(walk);
    }

    /** Runs work of the order of the library off the task thread, after any walk under way; signals when done. */
    @SuppressWarnings("FutureReturnValueIgnored") // the returned future carries the outcome; signal() cannot fail
    <T> CompletableFuture<T> background(Supplier<T> work) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(work, discovery);
        result.whenComplete((value, failure) -> signal());
        return result;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the returned future carries the outcome; signal() cannot fail
    <T> CompletableFuture<T> fetch(Supplier<T> call) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(call, fetches);
        result.whenComplete((value, failure) -> signal());
        return result;
    }

    /** Something is ready for the task thread. Any thread. */
    void signal() {
        ready.release();
    }

    /** Waits until something is ready, or the timeout passes. */
    void awaitSignal(long timeoutMs) throws InterruptedException {
        ready.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS);
        ready.drainPermits();
    }

    @Override
    public void close() {
        signal();
        discovery.shutdownNow();
        fetches.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
