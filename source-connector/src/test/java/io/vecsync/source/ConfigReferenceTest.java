package io.vecsync.source;

import io.vecsync.testing.ConfigReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigReferenceTest {

    @Test
    void theCommittedReferenceMatchesTheConfigDef() {
        String rendered = ConfigReference.markdown("Source connector configuration",
                "`connector.class=" + PlatformSourceConnector.class.getName() + "`, plus Connect's own source connector settings.",
                PlatformSourceConfig.CONFIG_DEF);
        assertTrue(rendered.contains("| `platform.api.key` | password | required |"), rendered);
        ConfigReference.assertCurrent(Path.of("../docs/config/source-connector.md"), rendered);
    }
}
