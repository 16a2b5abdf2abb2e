/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/** A sink task's counters, registered as JMX metrics through Connect's plugin metrics. */
public final class SinkMetrics {

    final LongAdder upserts = new LongAdder();
    final LongAdder deletes = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder errantRecords = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder writeNanos = new LongAdder();

    void register(PluginMetrics metrics) {
        if (metrics == null) {
            return;
        }
        gauge(
                metrics,
                "points-upserted-total",
                "Points written (after collapsing repeated ids within a batch)",
                upserts::sum);
        gauge(metrics, "points-deleted-total", "Points deleted by tombstones", deletes::sum);
        gauge(metrics, "batches-written-total", "Bulk writes", batches::sum);
        gauge(metrics, "errant-records-total", "Records sent to the dead-letter queue", errantRecords::sum);
        gauge(metrics, "write-retries-total", "Writes retried after a transient store error", retries::sum);
        gauge(metrics, "write-time-ms-total", "Time spent in bulk writes", () -> writeNanos.sum() / 1_000_000);
    }

    private static void gauge(PluginMetrics metrics, String name, String description, LongSupplier value) {
        metrics.addMetric(metrics.metricName(name, description, new LinkedHashMap<>()), (Gauge<Long>)
                (config, now) -> value.getAsLong());
    }

    public long upserts() {
        return upserts.sum();
    }

    public long deletes() {
        return deletes.sum();
    }
}
