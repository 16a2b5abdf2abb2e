/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vecsync.core.RequiredConnect;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

/** A worker older than Connect 4.1 has no plugin metrics: the source task says so at start, as the sinks do. */
class PlatformSourceTaskOlderWorkerTest {

    @Test
    void aWorkerWithoutPluginMetricsFailsTheTaskAtStartWithASentence() {
        PlatformSourceConnector connector = new PlatformSourceConnector();
        connector.start(
                Map.of(PlatformSourceConfig.BASE_URL, "http://127.0.0.1:9/", PlatformSourceConfig.API_KEY, "sk-test"));
        Map<String, String> taskConfig = connector.taskConfigs(1).get(0);
        PlatformSourceTask task = new PlatformSourceTask();
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return taskConfig;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                throw new AssertionError("the task must stop before it reads an offset");
            }

            @Override
            public PluginMetrics pluginMetrics() {
                throw new NoSuchMethodError(
                        "'org.apache.kafka.common.metrics.PluginMetrics org.apache.kafka.connect.source.SourceTaskContext.pluginMetrics()'");
            }
        });
        ConnectException failure = assertThrows(ConnectException.class, () -> task.start(taskConfig));
        assertEquals(RequiredConnect.TOO_OLD, failure.getMessage());
        task.stop();
    }
}
