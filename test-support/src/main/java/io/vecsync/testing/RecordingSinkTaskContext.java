/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** The Connect side of a sink task for unit-level suites: records what the task reports to the dead-letter queue. */
public final class RecordingSinkTaskContext implements SinkTaskContext {

    private final Map<String, String> configs;
    private final List<SinkRecord> errantRecords = new ArrayList<>();
    private final List<Throwable> errantReasons = new ArrayList<>();
    private long lastTimeoutMs = -1;

    public RecordingSinkTaskContext(Map<String, String> configs) {
        this.configs = Map.copyOf(configs);
    }

    public List<SinkRecord> errantRecords() {
        return errantRecords;
    }

    public List<Throwable> errantReasons() {
        return errantReasons;
    }

    public long lastTimeoutMs() {
        return lastTimeoutMs;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return (record, error) -> {
            errantRecords.add(record);
            errantReasons.add(error);
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void timeout(long timeoutMs) {
        lastTimeoutMs = timeoutMs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {}

    @Override
    public void offset(TopicPartition tp, long offset) {}

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {}

    @Override
    public void resume(TopicPartition... partitions) {}

    @Override
    public void requestCommit() {}

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
