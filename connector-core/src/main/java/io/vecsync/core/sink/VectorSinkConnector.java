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

    /** The consumer override of the sink's group protocol, checked in {@link #validate}. */
    static final String GROUP_PROTOCOL_OVERRIDE = "consumer.override.group.protocol";

    // Seen with Kafka Connect 4.3.1: WorkerSinkTask keeps the map the new consumer hands its commit callback, which is
    // unmodifiable, and fails the task when a later revocation removes partitions from it.
    static final String CONSUMER_PROTOCOL_REFUSED = "the consumer group protocol (KIP-848) fails a sink task at its"
            + " first partial revocation on Kafka Connect 4.3 (the worker's offset metrics cannot drop the revoked"
            + " partitions); leave " + GROUP_PROTOCOL_OVERRIDE + " unset, or set it to classic";

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
        String protocol = connectorConfigs.get(GROUP_PROTOCOL_OVERRIDE);
        if (protocol == null || !protocol.strip().equalsIgnoreCase("consumer")) {
            return config;
        }
        List<ConfigValue> withProtocol = new ArrayList<>(config.configValues());
        withProtocol.add(new ConfigValue(
                GROUP_PROTOCOL_OVERRIDE, protocol, List.of(), new ArrayList<>(List.of(CONSUMER_PROTOCOL_REFUSED))));
        return new Config(withProtocol);
    }

    /** A store's own cross-field checks; add errors to the offending key's value. */
    protected void validateStore(Map<String, ConfigValue> values) {}
}
