/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

/**
 * What the source task's producer reported over JMX at the end of a run. The averages cover the producer's metric
 * window (the last 30 to 60 s), which for a short run is the whole run.
 *
 * @param bufferWaitSeconds time the task thread blocked in send() waiting for room in the producer's buffer
 */
public record ProducerStats(
        double recordsPerRequest, double batchBytes, double requestLatencyMs, double bufferWaitSeconds) {

    public static ProducerStats of(String connector) {
        // Connect names a source task's producer connector-producer-<connector>-<task>.
        String bean = "kafka.producer:type=producer-metrics,client-id=connector-producer-" + connector + "-0";
        return new ProducerStats(
                Jmx.sum(bean, "records-per-request-avg"),
                Jmx.sum(bean, "batch-size-avg"),
                Jmx.sum(bean, "request-latency-avg"),
                Jmx.sum(bean, "bufferpool-wait-time-ns-total") / 1e9);
    }
}
