/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import io.vecsync.core.VecsyncVersion;
import io.vecsync.core.config.CrossFieldChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/** What every vecsync sink connector shares: every task gets the connector's config; cross-field checks in validate(). */
public abstract class VectorSinkConnector extends SinkConnector {

    private final ConfigDef definition;
    private final Function<Map<String, String>, ? extends CommonSinkConfig> parser;
    private final Class<? extends Task> taskClass;
    private Map<String, String> props;

    /**
     * @param definition the store's ConfigDef, built on {@link CommonSinkConfig#CONFIG_DEF}
     * @param parser     parses a config, failing with the offending key named
     */
    protected VectorSinkConnector(
            ConfigDef definition,
            Function<Map<String, String>, ? extends CommonSinkConfig> parser,
            Class<? extends Task> taskClass) {
        this.definition = definition;
        this.parser = parser;
        this.taskClass = taskClass;
    }

    @Override
    public ConfigDef config() {
        return definition;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return taskClass;
    }

    @Override
    public String version() {
        return VecsyncVersion.get();
    }

    @Override
    @SuppressWarnings("ReturnValueIgnored") // parsing is the validation: start fails on a config that does not parse
    public void start(Map<String, String> props) {
        parser.apply(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(props);
        }
        return configs;
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = CrossFieldChecks.byName(config);
        CrossFieldChecks.atMost(values, CommonSinkConfig.RETRY_BACKOFF_MS, CommonSinkConfig.RETRY_BACKOFF_MAX_MS);
        validateStore(values);
        return config;
    }

    /** A store's own cross-field checks; add errors to the offending key's value. */
    protected void validateStore(Map<String, ConfigValue> values) {}
}
