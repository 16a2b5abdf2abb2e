/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.Task;
import org.junit.jupiter.api.Test;

/**
 * What every vecsync connector plugin must be, checked in its module's build: each connector's test extends this (or
 * {@link SinkConformanceSuite}) once with its specifics. It carries vecsync's version, is registered for service
 * loading, its shipped configs under {@code config/} validate, and its generated config reference is current.
 */
public abstract class ConnectorConformanceSuite {

    /**
     * The connector under test.
     *
     * @param connector      makes a new, unstarted connector
     * @param minimalConfig  the smallest config it starts with
     * @param fileStem       the stem of its files under {@code config/} and {@code docs/config/}, e.g. {@code qdrant-sink}
     * @param referenceTitle its config reference's title
     * @param configDef      its settings
     */
    public record Plugin(
            Supplier<? extends Connector> connector,
            Map<String, String> minimalConfig,
            String fileStem,
            String referenceTitle,
            ConfigDef configDef) {}

    private final Plugin plugin;

    protected ConnectorConformanceSuite(Plugin plugin) {
        this.plugin = plugin;
    }

    /** A new, unstarted connector. */
    protected final Connector newConnector() {
        return plugin.connector().get();
    }

    /** A copy of the smallest config the connector starts with. */
    protected final Map<String, String> minimalConfig() {
        return new HashMap<>(plugin.minimalConfig());
    }

    /** The config reference's introduction, after its title. */
    protected abstract String referenceIntro();

    /** The config reference as rendered from the {@link ConfigDef}. */
    protected final String renderedReference() {
        return ConfigReference.markdown(plugin.referenceTitle(), referenceIntro(), plugin.configDef());
    }

    @Test
    void theVersionIsVecsyncsOwnOnTheConnectorAndItsTasks() throws ReflectiveOperationException {
        Connector connector = newConnector();
        assertTrue(connector.version().matches("\\d+\\.\\d+\\.\\d+.*"), connector.version());
        assertNotEquals(AppInfoParser.getVersion(), connector.version(), "not Kafka's version");
        Task task = connector.taskClass().getDeclaredConstructor().newInstance();
        assertEquals(connector.version(), task.version());
    }

    @Test
    void everyPluginIsListedInMetaInfServices() {
        assertEquals(
                List.of(newConnector().getClass().getName()),
                PluginRegistration.assertAllRegistered(Path.of("target/classes")));
    }

    @Test
    void theMinimalConfigValidates() {
        assertEquals(Map.of(), ShippedConfigs.errors(newConnector(), minimalConfig()));
    }

    @Test
    void theStandaloneAndRestConfigsShippedValidate() {
        Path config = Path.of("../config");
        for (Map<String, String> shipped : List.of(
                ShippedConfigs.properties(config.resolve(plugin.fileStem() + ".properties")),
                ShippedConfigs.restJson(config.resolve(plugin.fileStem() + ".json")))) {
            assertEquals(newConnector().getClass().getName(), shipped.get("connector.class"));
            assertEquals(Map.of(), ShippedConfigs.errors(newConnector(), shipped));
        }
    }

    @Test
    void theConfigReferenceIsCurrent() {
        ConfigReference.assertCurrent(Path.of("../docs/config/" + plugin.fileStem() + ".md"), renderedReference());
    }
}
