/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.Task;
import org.junit.jupiter.api.Test;

class VectorSinkConnectorTest {

    @Test
    void reportsVecsyncsVersionNotKafkas() {
        VectorSinkConnector connector = connector();
        assertTrue(connector.version().matches("\\d+\\.\\d+\\.\\d+.*"), connector.version());
        assertNotEquals(AppInfoParser.getVersion(), connector.version(), "not Kafka's version");
        assertTrue(connector.validate(Map.of()).configValues().size() > 0);
    }

    @Test
    void theConsumerGroupProtocolOverrideIsRefusedNamingItAndTheClassicOneIsNot() {
        VectorSinkConnector connector = connector();
        assertEquals(
                List.of(VectorSinkConnector.CONSUMER_PROTOCOL_REFUSED),
                errors(connector.validate(Map.of(VectorSinkConnector.GROUP_PROTOCOL_OVERRIDE, " Consumer")))
                        .get(VectorSinkConnector.GROUP_PROTOCOL_OVERRIDE));
        assertFalse(errors(connector.validate(Map.of(VectorSinkConnector.GROUP_PROTOCOL_OVERRIDE, "classic")))
                .containsKey(VectorSinkConnector.GROUP_PROTOCOL_OVERRIDE));
    }

    private static VectorSinkConnector connector() {
        return new VectorSinkConnector(
                CommonSinkConfig.CONFIG_DEF,
                props -> new CommonSinkConfig(new ConfigDef(CommonSinkConfig.CONFIG_DEF), props),
                Task.class) {};
    }

    private static Map<String, List<String>> errors(Config config) {
        return config.configValues().stream()
                .filter(value -> !value.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }
}
