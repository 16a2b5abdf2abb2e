package io.vecsync.source;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The source task's counters, registered as JMX metrics through Connect's plugin metrics (KIP-877). */
public final class SourceMetrics {

    final LongAdder videosSynced = new LongAdder();
    final LongAdder videosRetracted = new LongAdder();
    final LongAdder videosFailed = new LongAdder();
    final LongAdder videosNotReady = new LongAdder();
    final LongAdder segmentsEmitted = new LongAdder();
    final LongAdder tombstonesEmitted = new LongAdder();
    final LongAdder embeddingsCalls = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final AtomicLong videosDiscovered = new AtomicLong();
    final AtomicLong videosPending = new AtomicLong();

    /** Registers every counter; a null {@code pluginMetrics} (a runtime without KIP-877) only keeps them in memory. */
    void register(PluginMetrics pluginMetrics) {
        if (pluginMetrics == null) {
            return;
        }
        gauge(pluginMetrics, "videos-discovered", "Done videos in scope seen by the last full listing", videosDiscovered::get);
        gauge(pluginMetrics, "videos-pending", "Videos waiting to be fetched", videosPending::get);
        gauge(pluginMetrics, "videos-synced-total", "Video versions whose segments were emitted", videosSynced::sum);
        gauge(pluginMetrics, "videos-retracted-total", "Videos retracted because the platform deleted them or they left the scope", videosRetracted::sum);
        gauge(pluginMetrics, "videos-failed-total", "Fetches that failed (malformed response, wrong dimension, retries exhausted); retried later", videosFailed::sum);
        gauge(pluginMetrics, "videos-not-ready-total", "Embeddings answers of 409 (not ready yet); retried later", videosNotReady::sum);
        gauge(pluginMetrics, "segments-emitted-total", "Segment records emitted", segmentsEmitted::sum);
        gauge(pluginMetrics, "tombstones-emitted-total", "Tombstones emitted for segments the platform no longer has", tombstonesEmitted::sum);
        gauge(pluginMetrics, "embeddings-calls-total", "Embeddings requests sent (each costs a platform credit unless refunded)", embeddingsCalls::sum);
        gauge(pluginMetrics, "retries-total", "Platform requests retried", retries::sum);
        gauge(pluginMetrics, "rate-limited-total", "Platform answers of 429", rateLimited::sum);
    }

    private static void gauge(PluginMetrics metrics, String name, String description, LongSupplier value) {
        MetricName metricName = metrics.metricName(name, description, new LinkedHashMap<>());
        metrics.addMetric(metricName, (Gauge<Long>) (config, now) -> value.getAsLong());
    }

    /** The periodic one-line progress summary. */
    String progressLine() {
        long discovered = videosDiscovered.get();
        return String.format("%d/%d videos synced, %d pending, %d failed, %d not ready, %d retracted; %d segments, %d tombstones;"
                        + " %d embeddings calls, %d retries, %d rate-limited",
                Math.max(0, discovered - videosPending.get()), discovered, videosPending.get(), videosFailed.sum(),
                videosNotReady.sum(), videosRetracted.sum(), segmentsEmitted.sum(), tombstonesEmitted.sum(),
                embeddingsCalls.sum(), retries.sum(), rateLimited.sum());
    }
}
