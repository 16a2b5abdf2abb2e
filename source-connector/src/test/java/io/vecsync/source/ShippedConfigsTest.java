package io.vecsync.source;

import io.vecsync.testing.ShippedConfigs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShippedConfigsTest {

    private static final Path CONFIG = Path.of("../config");

    @Test
    void theStandaloneAndRestConfigsValidate() {
        for (Map<String, String> config : List.of(
                ShippedConfigs.properties(CONFIG.resolve("source-connector.properties")),
                ShippedConfigs.restJson(CONFIG.resolve("source-connector.json")))) {
            assertEquals(PlatformSourceConnector.class.getName(), config.get("connector.class"));
            assertEquals(Map.of(), ShippedConfigs.errors(new PlatformSourceConnector(), config));
        }
    }
}
