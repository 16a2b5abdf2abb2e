package io.vecsync.source;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A task's threads: one walks the listing, a small pool calls the platform for single videos. */
final class TaskExecutors implements AutoCloseable {

    private final int concurrency;
    private final ExecutorService discovery;
    private final ExecutorService fetches;

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

    <T> CompletableFuture<T> fetch(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, fetches);
    }

    @Override
    public void close() {
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
