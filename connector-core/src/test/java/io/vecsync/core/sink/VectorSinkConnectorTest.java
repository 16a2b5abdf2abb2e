/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.Task;
import org.junit.jupiter.api.Test;

class VectorSinkConnectorTest {

    @Test
    void reportsVecsyncsVersionNotKafkas() {
        VectorSinkConnector connector = new VectorSinkConnector(
                CommonSinkConfig.CONFIG_DEF,
                props -> new CommonSinkConfig(new ConfigDef(CommonSinkConfig.CONFIG_DEF), props),
                Task.class) {};
        assertTrue(connector.version().matches("\\d+\\.\\d+\\.\\d+.*"), connector.version());
        assertNotEquals(AppInfoParser.getVersion(), connector.version(), "not Kafka's version");
        assertTrue(connector.validate(Map.of()).configValues().size() > 0);
    }
}
