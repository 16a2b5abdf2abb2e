/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.core.VecsyncVersion;
import io.vecsync.core.config.CrossFieldChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/** Syncs every finished video's segment embeddings from the platform into a topic, one record per segment. */
public class PlatformSourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return VecsyncVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new PlatformSourceConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PlatformSourceTask.class;
    }

    /** Deals the fixed set of video shards over the tasks; state stays with the shard, so tasks.max can change freely. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<Integer> shards : Shards.assign(maxTasks)) {
            Map<String, String> taskProps = new HashMap<>(props);
            taskProps.put(
                    PlatformSourceTaskConfig.TASK_SHARDS,
                    shards.stream().map(String::valueOf).collect(Collectors.joining(",")));
            configs.add(taskProps);
        }
        return configs;
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return PlatformSourceConfig.CONFIG_DEF;
    }

    /** Adds the checks that involve more than one key, so they show in Connect's REST validate call. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        CrossFieldChecks.atMost(
                CrossFieldChecks.byName(config),
                PlatformSourceConfig.RETRY_BACKOFF_MS,
                PlatformSourceConfig.RETRY_BACKOFF_MAX_MS);
        return config;
    }

    /**
     * Supported with Connect's per-poll transactions: each poll's records and offsets commit together, so after a
     * crash the task fetches (and pays for) at most the videos of the poll under way again.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }
}
