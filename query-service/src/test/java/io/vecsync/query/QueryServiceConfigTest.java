package io.vecsync.query;

import io.vecsync.pgvector.PgVectorSinkConfig;
import io.vecsync.testing.ConfigReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class QueryServiceConfigTest {

    private static final Path SHIPPED = Path.of("../config/query-service.properties");

    @Test
    void environmentVariablesOverrideTheFile() throws Exception {
        Path file = Files.createTempFile("query", ".properties");
        Files.writeString(file, "store=pgvector\npgvector.url=jdbc:postgresql://file/db\nhttp.port=8090\n");
        Map<String, String> props = QueryServiceConfig.load(file, Map.of(
                "VECSYNC_PGVECTOR_URL", "jdbc:postgresql://env/db", "VECSYNC_PLATFORM_API_KEY", "sk-env", "PATH", "/bin"));
        assertEquals("jdbc:postgresql://env/db", props.get("pgvector.url"));
        assertEquals("sk-env", props.get("platform.api.key"));
        assertEquals("8090", props.get("http.port"));
        assertFalse(props.containsKey("path"));
    }

    @Test
    void secretsAreReadFromTheConnectorsSecretsFileAsAWorkerReadsThem() throws Exception {
        Path secrets = Files.createTempFile("vecsync-secrets", ".properties");
        Files.writeString(secrets, "platform.api.key=sk-from-file\npgvector.password=pw-from-file\n");
        Path file = Files.createTempFile("query", ".properties");
        Files.writeString(file, "store=pgvector\nplatform.api.key=${file:" + secrets + ":platform.api.key}\n"
                + "pgvector.password=${file:" + secrets + ":pgvector.password}\n");
        Map<String, String> props = QueryServiceConfig.load(file, Map.of());
        assertEquals("sk-from-file", props.get("platform.api.key"));
        assertEquals("pw-from-file", props.get("pgvector.password"));
    }

    @Test
    void theShippedConfigParsesForTheServiceAndItsStore() throws Exception {
        Map<String, String> props = QueryServiceConfig.load(SHIPPED, Map.of());
        QueryServiceConfig config = new QueryServiceConfig(props);
        assertEquals("pgvector", config.store());
        assertEquals("pgvector", QueryService.provider(config.store()).store());
        assertEquals("\"public\".\"video_segments\"", new PgVectorSinkConfig(props).qualifiedTable());
        assertEquals(List.of(), config.corsOrigins());
        assertEquals("127.0.0.1", config.listenHost(), "without a service key, only this machine can call it");
        assertEquals("0.0.0.0", new QueryServiceConfig(withKey(props)).listenHost());
    }

    private static Map<String, String> withKey(Map<String, String> props) {
        Map<String, String> keyed = new HashMap<>(props);
        keyed.put(QueryServiceConfig.HTTP_API_KEY, "svc-key");
        return keyed;
    }

    @Test
    void theConfigReferenceIsCurrent() {
        ConfigReference.assertCurrent(Path.of("../docs/config/query-service.md"), ConfigReference.markdown(
                "Query service configuration",
                "A properties file given to `java -jar query-service-all.jar FILE`, overridden by `VECSYNC_*` environment"
                        + " variables. The chosen store's connection keys are its sink's (see that sink's reference).",
                QueryServiceConfig.CONFIG_DEF));
    }
}
