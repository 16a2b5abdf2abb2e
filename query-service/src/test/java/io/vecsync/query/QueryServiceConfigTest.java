/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.pgvector.PgVectorSinkConfig;
import io.vecsync.search.StoreConfigException;
import io.vecsync.testing.ConfigReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryServiceConfigTest {

    private static final Path SHIPPED = Path.of("../config/query-service.properties");

    @Test
    void environmentVariablesOverrideTheFile() throws Exception {
        Path file = Files.createTempFile("query", ".properties");
        Files.writeString(file, "store=pgvector\npgvector.url=jdbc:postgresql://file/db\nhttp.port=8090\n");
        Map<String, String> props = QueryServiceConfig.load(
                file,
                Map.of(
                        "VECSYNC_PGVECTOR_URL",
                        "jdbc:postgresql://env/db",
                        "VECSYNC_PLATFORM_API_KEY",
                        "sk-env",
                        "PATH",
                        "/bin"));
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
        Files.writeString(
                file,
                "store=pgvector\nplatform.api.key=${file:" + secrets + ":platform.api.key}\n"
                        + "pgvector.password=${file:" + secrets + ":pgvector.password}\n");
        Map<String, String> props = QueryServiceConfig.load(file, Map.of());
        assertEquals("sk-from-file", props.get("platform.api.key"));
        assertEquals("pw-from-file", props.get("pgvector.password"));
    }

    /** The shipped config reads the platform key from the connectors' secrets file; where that is absent, it says so. */
    @Test
    void theShippedConfigReadsTheKeyFromTheSecretsFile() {
        InvalidConfigException missing =
                assertThrows(InvalidConfigException.class, () -> QueryServiceConfig.load(SHIPPED, Map.of()));
        assertEquals(
                "platform.api.key: the file /etc/kafka/vecsync-secrets.properties does not exist",
                missing.getMessage());
    }

    @Test
    void theShippedConfigParsesForTheServiceAndItsStore() throws Exception {
        Map<String, String> props = QueryServiceConfig.load(SHIPPED, Map.of("VECSYNC_PLATFORM_API_KEY", "sk-env"));
        assertEquals("sk-env", props.get("platform.api.key"));
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
        ConfigReference.assertCurrent(
                Path.of("../docs/config/query-service.md"),
                ConfigReference.markdown(
                        "Query service configuration",
                        "A properties file given to `java -jar query-service-all.jar FILE`, overridden by `VECSYNC_*` environment"
                                + " variables. The chosen store's connection keys are its sink's (see that sink's reference).",
                        "QueryServiceConfig.KEYS",
                        QueryServiceConfig.KEYS.stream()
                                .map(QueryServiceConfigTest::row)
                                .toList()));
    }

    private static ConfigReference.Row row(ConfigKey key) {
        String defaultValue = key.required()
                ? "required"
                : key.defaultValue() == null
                        ? ""
                        : key.type() == ConfigKey.Type.PASSWORD
                                ? Secret.HIDDEN
                                : key.defaultValue().isEmpty() ? "\"\"" : "`" + key.defaultValue() + "`";
        return new ConfigReference.Row(
                key.group(),
                key.name(),
                key.type().name().toLowerCase(Locale.ROOT),
                defaultValue,
                key.validator() == null ? "" : key.validator().description(),
                key.importance().name().toLowerCase(Locale.ROOT),
                key.doc());
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        Map<String, String> props = minimal();
        props.put(QueryServiceConfig.HTTP_PORT, "eighty");
        assertRefused(props, "Invalid value eighty for configuration http.port: not a number of type INT");
        props.put(QueryServiceConfig.HTTP_PORT, "70000");
        assertRefused(props, "Invalid value 70000 for configuration http.port: must be 0 to 65535");
        props.put(QueryServiceConfig.HTTP_PORT, "8090");
        props.put(QueryServiceConfig.PLATFORM_BASE_URL, "ftp://platform.example");
        assertRefused(
                props,
                "Invalid value ftp://platform.example for configuration platform.base.url: must be an absolute http://"
                        + " or https:// URL");
        props.remove(QueryServiceConfig.PLATFORM_BASE_URL);
        assertRefused(props, "Missing required configuration \"platform.base.url\" which has no default value.");
    }

    @Test
    void aBadStoreSettingIsRefusedByTheStoresSearcherNamingItsKey() {
        Map<String, String> props = minimal();
        props.put(QueryServiceConfig.STORE, "pgvector");
        props.put(PgVectorSinkConfig.URL, "mysql://db/video");
        InvalidConfigException refused = assertThrows(InvalidConfigException.class, () -> QueryService.start(props));
        assertTrue(refused.getMessage().contains(PgVectorSinkConfig.URL), refused.getMessage());
        assertInstanceOf(StoreConfigException.class, refused.getCause());
    }

    @Test
    void unsetKeysTakeTheirDefaultsAndValuesAreTyped() {
        Map<String, String> props = minimal();
        props.put(QueryServiceConfig.HTTP_CORS_ORIGINS, " https://a.example , https://b.example ");
        QueryServiceConfig config = new QueryServiceConfig(props);
        assertEquals(List.of("https://a.example", "https://b.example"), config.corsOrigins());
        assertEquals(8090, config.getInt(QueryServiceConfig.HTTP_PORT));
        assertEquals(5.0, config.getDouble(QueryServiceConfig.HTTP_RATE_LIMIT));
        assertEquals(64L << 20, config.getLong(QueryServiceConfig.MEDIA_MAX_BYTES));
        assertNull(config.serviceApiKey());
        assertEquals(
                "sk-platform-secret",
                config.getSecret(QueryServiceConfig.PLATFORM_API_KEY).value());
    }

    @Test
    void aSecretNeverShowsInTheConfigNorInARefusal() {
        Map<String, String> props = minimal();
        props.put(QueryServiceConfig.HTTP_API_KEY, "svc-secret");
        QueryServiceConfig config = new QueryServiceConfig(props);
        assertFalse(
                config.toString().contains("sk-platform-secret")
                        || config.toString().contains("svc-secret"),
                config.toString());
        assertTrue(config.toString().contains(QueryServiceConfig.PLATFORM_API_KEY + "=[hidden]"), config.toString());
        assertEquals("[hidden]", config.serviceApiKey().toString());

        props.put(QueryServiceConfig.PLATFORM_API_KEY, "   ");
        assertRefused(props, "platform.api.key must be a non-empty secret");
    }

    @Test
    void aFileReferenceIsReadWhereverItStandsInAValue() throws Exception {
        Path secrets = Files.createTempFile("vecsync-secrets", ".properties");
        Files.writeString(secrets, "pw=pa:ss$1\\\\x\n");
        Map<String, String> props = QueryServiceConfig.load(
                null,
                Map.of(
                        "VECSYNC_PGVECTOR_URL",
                        "jdbc:postgresql://db/video?password=${file:" + secrets + ":pw}&ssl=true"));
        assertEquals("jdbc:postgresql://db/video?password=pa:ss$1\\x&ssl=true", props.get("pgvector.url"));
    }

    @Test
    void anUnreadableFileReferenceNamesTheSettingAndTheFileButNoValue() throws Exception {
        Path secrets = Files.createTempFile("vecsync-secrets", ".properties");
        Files.writeString(secrets, "other.key=sk-other-secret\n");
        InvalidConfigException noKey = assertThrows(
                InvalidConfigException.class,
                () -> QueryServiceConfig.load(
                        null, Map.of("VECSYNC_PLATFORM_API_KEY", "${file:" + secrets + ":platform.api.key}")));
        assertEquals("platform.api.key: the file " + secrets + " has no key platform.api.key", noKey.getMessage());

        Path missing = secrets.resolveSibling("no-such-secrets.properties");
        InvalidConfigException noFile = assertThrows(
                InvalidConfigException.class,
                () -> QueryServiceConfig.load(
                        null, Map.of("VECSYNC_PGVECTOR_PASSWORD", "${file:" + missing + ":pgvector.password}")));
        assertEquals("pgvector.password: the file " + missing + " does not exist", noFile.getMessage());
    }

    /** The settings the service needs and no others. */
    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(QueryServiceConfig.STORE, "lucene");
        props.put(QueryServiceConfig.PLATFORM_BASE_URL, "https://platform.example");
        props.put(QueryServiceConfig.PLATFORM_API_KEY, "sk-platform-secret");
        return props;
    }

    private static void assertRefused(Map<String, String> props, String message) {
        InvalidConfigException refused =
                assertThrows(InvalidConfigException.class, () -> new QueryServiceConfig(props));
        assertEquals(message, refused.getMessage());
        assertFalse(refused.getMessage().contains("sk-platform-secret"), refused.getMessage());
    }
}
