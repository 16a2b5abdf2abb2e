package io.vecsync.pgvector;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.testing.ConfigReference;
import io.vecsync.testing.PluginRegistration;
import io.vecsync.testing.ShippedConfigs;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgVectorSinkConnectorTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(PgVectorSinkConfig.URL, "jdbc:postgresql://db:5432/video");
        props.put(PgVectorSinkConfig.PASSWORD, "pg-secret");
        return props;
    }

    @Test
    void defaultsMatchTheDocs() {
        PgVectorSinkConfig config = new PgVectorSinkConfig(minimal());
        assertEquals("\"public\".\"video_segments\"", config.qualifiedTable());
        assertEquals(1024, config.dimension());
        assertEquals(PgVectorSinkConfig.IndexType.HNSW, config.index());
        assertFalse(config.toString().contains("pg-secret"));
    }

    @Test
    void batchesAreFiveThousandRowsUnlessSetWhileOtherSinksKeepTheSharedDefault() {
        assertEquals(5000, new PgVectorSinkConfig(minimal()).batchSize());
        Map<String, String> props = minimal();
        props.put(CommonSinkConfig.BATCH_SIZE, "200");
        assertEquals(200, new PgVectorSinkConfig(props).batchSize());
        assertEquals(1000, new CommonSinkConfig(CommonSinkConfig.CONFIG_DEF, Map.of()).batchSize());
        // The shared keys keep their documentation and checks.
        props.put(CommonSinkConfig.BATCH_SIZE, "0");
        ConfigException error = assertThrows(ConfigException.class, () -> new PgVectorSinkConfig(props));
        assertTrue(error.getMessage().contains(CommonSinkConfig.BATCH_SIZE), error.getMessage());
    }

    @Test
    void identifiersCannotCarrySql() {
        Map<String, String> props = minimal();
        props.put(PgVectorSinkConfig.TABLE, "video_segments; DROP TABLE users");
        ConfigException error = assertThrows(ConfigException.class, () -> new PgVectorSinkConfig(props));
        assertTrue(error.getMessage().contains(PgVectorSinkConfig.TABLE), error.getMessage());
        props.put(PgVectorSinkConfig.TABLE, "segments\"x");
        assertThrows(ConfigException.class, () -> new PgVectorSinkConfig(props));
    }

    @Test
    void anIndexBuildMemoryMustBeAPostgresSize() {
        Map<String, String> props = minimal();
        props.put(PgVectorSinkConfig.INDEX_BUILD_MEMORY, "2GB'; DROP TABLE users; --");
        ConfigException error = assertThrows(ConfigException.class, () -> new PgVectorSinkConfig(props));
        assertTrue(error.getMessage().contains(PgVectorSinkConfig.INDEX_BUILD_MEMORY) && error.getMessage().contains("512MB"),
                error.getMessage());
        props.put(PgVectorSinkConfig.INDEX_BUILD_MEMORY, "2GB");
        assertEquals("2GB", new PgVectorSinkConfig(props).getString(PgVectorSinkConfig.INDEX_BUILD_MEMORY));
    }

    @Test
    void validateReportsCrossFieldErrorsOnTheKey() {
        Map<String, String> props = minimal();
        props.put(PgVectorSinkConfig.INITIAL_LOAD, "true");
        props.put(PgVectorSinkConfig.INDEX, "none");
        props.put(PgVectorSinkConfig.RETRY_BACKOFF_MS, "60000");
        Map<String, List<String>> errors = ShippedConfigs.errors(new PgVectorSinkConnector(), props);
        assertEquals(List.of("pgvector.initial.load defers the vector index, but pgvector.index is none"),
                errors.get(PgVectorSinkConfig.INITIAL_LOAD));
        assertEquals(List.of("retry.backoff.ms (60000) must not exceed retry.backoff.max.ms (30000)"),
                errors.get(PgVectorSinkConfig.RETRY_BACKOFF_MS));
    }

    @Test
    void everyTaskGetsTheConnectorConfig() {
        PgVectorSinkConnector connector = new PgVectorSinkConnector();
        connector.start(minimal());
        assertEquals(List.of(minimal(), minimal(), minimal()), connector.taskConfigs(3));
    }

    /** Their database is not on this machine: validate() says so on a connection key, and finds nothing else wrong. */
    @Test
    void shippedConfigsValidate() {
        for (Map<String, String> config : List.of(ShippedConfigs.properties(Path.of("../config/pgvector-sink.properties")),
                ShippedConfigs.restJson(Path.of("../config/pgvector-sink.json")))) {
            assertEquals(PgVectorSinkConnector.class.getName(), config.get("connector.class"));
            // No server answers at the shipped URL here: the login check leaves that to the tasks.
            assertEquals(Map.of(), ShippedConfigs.errors(new PgVectorSinkConnector(), config));
        }
    }

    @Test
    void theConfigReferenceIsCurrent() {
        ConfigReference.assertCurrent(Path.of("../docs/config/pgvector-sink.md"), ConfigReference.markdown(
                "pgvector sink configuration",
                "`connector.class=" + PgVectorSinkConnector.class.getName() + "`, plus Connect's own sink connector settings"
                        + " (`topics`, `errors.tolerance`, `errors.deadletterqueue.topic.name`, ...).",
                PgVectorSinkConfig.CONFIG_DEF));
    }

    @Test
    void everyPluginIsListedInMetaInfServices() {
        assertEquals(List.of(PgVectorSinkConnector.class.getName()), PluginRegistration.assertAllRegistered(Path.of("target/classes")));
    }
}
