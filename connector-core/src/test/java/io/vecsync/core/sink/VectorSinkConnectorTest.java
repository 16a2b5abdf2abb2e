package io.vecsync.core.sink;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.Task;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorSinkConnectorTest {

    @Test
    void reportsVecsyncsVersionNotKafkas() {
        VectorSinkConnector connector = new VectorSinkConnector(CommonSinkConfig.CONFIG_DEF,
                props -> new CommonSinkConfig(new ConfigDef(CommonSinkConfig.CONFIG_DEF), props), Task.class) {
        };
        assertTrue(connector.version().matches("\\d+\\.\\d+\\.\\d+.*"), connector.version());
        assertNotEquals(AppInfoParser.getVersion(), connector.version(), "not Kafka's version");
        assertTrue(connector.validate(Map.of()).configValues().size() > 0);
    }
}
