/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/** A task's configuration: the connector's, plus the shards the connector dealt it. */
final class PlatformSourceTaskConfig extends PlatformSourceConfig {

    static final String TASK_SHARDS = "task.shards";

    private static final ConfigDef TASK_CONFIG_DEF = new ConfigDef(CONFIG_DEF)
            .define(
                    TASK_SHARDS,
                    ConfigDef.Type.LIST,
                    ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.Importance.HIGH,
                    "Set by the connector: the shards of videos this task owns.");

    PlatformSourceTaskConfig(Map<String, String> props) {
        super(TASK_CONFIG_DEF, props);
    }

    List<Integer> taskShards() {
        return getList(TASK_SHARDS).stream()
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
    }
}
