package io.vecsync.source;

import io.vecsync.testing.PluginRegistration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PluginRegistrationTest {

    @Test
    void everyPluginIsListedInMetaInfServices() {
        List<String> plugins = PluginRegistration.assertAllRegistered(Path.of("target/classes"));
        assertEquals(List.of(PlatformSourceConnector.class.getName()), plugins);
    }
}
