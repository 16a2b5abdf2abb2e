/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts, a latency histogram, credits spent, embeddings saved (cache hits, shared calls) and store timeouts,
 * in Prometheus' text format at /metrics.
 */
final class ServiceMetrics {

    /** Upper bounds of the latency buckets, in milliseconds. */
    private static final long[] BUCKETS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000};

    private final Map<Integer, LongAdder> requestsByStatus = new TreeMap<>();
    private final AtomicLongArray bucketCounts = new AtomicLongArray(BUCKETS_MS.length + 1);
    private final LongAdder latencyMicros = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder credits = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder embeddingsShared = new LongAdder();
    private final LongAdder storeTimeouts = new LongAdder();

    void searched(int status, long nanos) {
        synchronized (requestsByStatus) {
            requestsByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
        long millis = nanos / 1_000_000;
        int bucket = 0;
        while (bucket < BUCKETS_MS.length && millis > BUCKETS_MS[bucket]) {
            bucket++;
        }
        bucketCounts.incrementAndGet(bucket);
        latencyMicros.add(nanos / 1_000);
        requests.increment();
    }

    void creditSpent() {
        credits.increment();
    }

    void cacheHit() {
        cacheHits.increment();
    }

    void embeddingShared() {
        embeddingsShared.increment();
    }

    void storeTimedOut() {
        storeTimeouts.increment();
    }

    long creditsSpent() {
        return credits.sum();
    }

    String prometheus() {
        StringBuilder out = new StringBuilder();
        out.append(
                "# HELP vecsync_search_requests_total Search requests by HTTP status.\n# TYPE vecsync_search_requests_total counter\n");
        synchronized (requestsByStatus) {
            requestsByStatus.forEach((status, count) -> out.append("vecsync_search_requests_total{status=\"")
                    .append(status)
                    .append("\"} ")
                    .append(count.sum())
                    .append('\n'));
        }
        out.append(
                "# HELP vecsync_search_latency_seconds Search latency.\n# TYPE vecsync_search_latency_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i <= BUCKETS_MS.length; i++) {
            cumulative += bucketCounts.get(i);
            String bound = i < BUCKETS_MS.length ? Double.toString(BUCKETS_MS[i] / 1000.0) : "+Inf";
            out.append("vecsync_search_latency_seconds_bucket{le=\"")
                    .append(bound)
                    .append("\"} ")
                    .append(cumulative)
                    .append('\n');
        }
        out.append("vecsync_search_latency_seconds_sum ")
                .append(latencyMicros.sum() / 1e6)
                .append('\n');
        out.append("vecsync_search_latency_seconds_count ")
                .append(requests.sum())
                .append('\n');
        out.append(
                "# HELP vecsync_platform_credits_spent_total Query embeddings paid for.\n# TYPE vecsync_platform_credits_spent_total counter\n");
        out.append("vecsync_platform_credits_spent_total ")
                .append(credits.sum())
                .append('\n');
        out.append(
                "# HELP vecsync_embedding_cache_hits_total Queries answered from the embedding cache.\n# TYPE vecsync_embedding_cache_hits_total counter\n");
        out.append("vecsync_embedding_cache_hits_total ")
                .append(cacheHits.sum())
                .append('\n');
        out.append(
                "# HELP vecsync_embedding_shared_total Queries that waited for the same text's embedding already under way.\n"
                        + "# TYPE vecsync_embedding_shared_total counter\n");
        out.append("vecsync_embedding_shared_total ")
                .append(embeddingsShared.sum())
                .append('\n');
        out.append(
                "# HELP vecsync_store_timeouts_total Store calls given up at store.timeout.ms.\n# TYPE vecsync_store_timeouts_total counter\n");
        out.append("vecsync_store_timeouts_total ").append(storeTimeouts.sum()).append('\n');
        return out.toString();
    }
}
