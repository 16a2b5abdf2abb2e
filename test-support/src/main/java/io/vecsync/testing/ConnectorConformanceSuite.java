/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** A new, unstarted connector. */
    protected abstract Connector newConnector();

    /** The smallest config the connector starts with. */
    protected abstract Map<String, String> minimalConfig();

    /** The stem of the connector's files under {@code config/} and {@code docs/config/}, e.g. {@code qdrant-sink}. */
    protected abstract String fileStem();

    /** The config reference's title. */
    protected abstract String referenceTitle();

    /** The config reference's introduction, after its title. */
    protected abstract String referenceIntro();

    protected abstract ConfigDef configDef();

    /** The config reference as rendered from the {@link ConfigDef}. */
    protected final String renderedReference() {
        return ConfigReference.markdown(referenceTitle(), referenceIntro(), configDef());
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
                ShippedConfigs.properties(config.resolve(fileStem() + ".properties")),
                ShippedConfigs.restJson(config.resolve(fileStem() + ".json")))) {
            assertEquals(newConnector().getClass().getName(), shipped.get("connector.class"));
            assertEquals(Map.of(), ShippedConfigs.errors(newConnector(), shipped));
        }
    }

    @Test
    void theConfigReferenceIsCurrent() {
        ConfigReference.assertCurrent(Path.of("../docs/config/" + fileStem() + ".md"), renderedReference());
    }
}
