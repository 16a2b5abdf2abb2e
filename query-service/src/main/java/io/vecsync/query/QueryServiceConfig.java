/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import io.vecsync.platform.PlatformSettings;
import io.vecsync.query.ConfigKey.Importance;
import io.vecsync.query.ConfigKey.Type;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The query service's own settings. The chosen store's searcher reads the same file with its sink's keys
 * (e.g. {@code pgvector.url}), so one config describes a sink and the service that searches what it wrote.
 */
public final class QueryServiceConfig {

    public static final String STORE = "store";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_API_KEY = "http.api.key";
    public static final String HTTP_CORS_ORIGINS = "http.cors.allowed.origins";
    public static final String HTTP_RATE_LIMIT = "http.rate.limit.per.second";
    public static final String HTTP_RATE_BURST = "http.rate.limit.burst";
    public static final String PLATFORM_BASE_URL = "platform.base.url";
    public static final String PLATFORM_API_KEY = "platform.api.key";
    public static final String PLATFORM_TIMEOUT_MS = "platform.timeout.ms";
    public static final String EMBEDDING_CACHE_SIZE = "embedding.cache.size";
    public static final String HEALTH_PLATFORM_CACHE_MS = "health.platform.cache.ms";
    public static final String STORE_TIMEOUT_MS = "store.timeout.ms";
    public static final String DIMENSION = "embedding.dimension";
    public static final String PAGE_EXAMPLES = "page.example.queries";
    public static final String MEDIA_PATH_PREFIXES = "media.path.prefixes";
    public static final String MEDIA_TIMEOUT_MS = "media.timeout.ms";
    public static final String MEDIA_MAX_BYTES = "media.max.bytes";

    /** Where the service listens when {@value #HTTP_HOST} is empty: this machine only without a key, everywhere with one. */
    static final String LOOPBACK = "127.0.0.1";

    static final String ALL_INTERFACES = "0.0.0.0";

    /** The largest platform answer read: a query embedding is about 20 KB of JSON. */
    private static final int PLATFORM_MAX_BODY_BYTES = 1 << 20;

    /** Environment variables with this prefix override file settings: VECSYNC_PGVECTOR_URL sets pgvector.url. */
    public static final String ENV_PREFIX = "VECSYNC_";

    private static final String GROUP_HTTP = "HTTP";
    private static final String GROUP_PLATFORM = "Platform";
    private static final String GROUP_STORE = "Store";
    private static final String GROUP_MEDIA = "Media";

    /** Every setting, in the order of the reference: by group, then as an operator reads them. */
    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional(
                    HTTP_HOST,
                    Type.STRING,
                    "",
                    null,
                    Importance.MEDIUM,
                    GROUP_HTTP,
                    "Address the service listens on. Empty: " + LOOPBACK + " (this machine only) while " + HTTP_API_KEY
                            + " is not set, " + ALL_INTERFACES
                            + " (every interface) once it is. Any other address is used"
                            + " as given, with or without a key."),
            ConfigKey.optional(
                    HTTP_PORT,
                    Type.INT,
                    "8090",
                    ConfigValidator.between(0, 65_535),
                    Importance.MEDIUM,
                    GROUP_HTTP,
                    "Port; 0 picks a free one."),
            ConfigKey.optional(
                    HTTP_API_KEY,
                    Type.PASSWORD,
                    null,
                    null,
                    Importance.MEDIUM,
                    GROUP_HTTP,
                    "When set, callers of /v1/search must send it as X-API-Key or Authorization: Bearer. Without"
                            + " it the service listens on this machine only, unless " + HTTP_HOST + " says otherwise."),
            ConfigKey.optional(
                    HTTP_CORS_ORIGINS,
                    Type.LIST,
                    "",
                    null,
                    Importance.LOW,
                    GROUP_HTTP,
                    "Origins allowed to call the API from a browser (CORS), or * for any; empty allows none but the"
                            + " service's own page."),
            ConfigKey.optional(
                    HTTP_RATE_LIMIT,
                    Type.DOUBLE,
                    "5.0",
                    ConfigValidator.atLeast(0.0),
                    Importance.MEDIUM,
                    GROUP_HTTP,
                    "Searches a second each client (by IP address) may make on average; past it the service answers"
                            + " 429 with Retry-After. 0 turns the limit off. Behind a reverse proxy every caller has the"
                            + " proxy's address."),
            ConfigKey.optional(
                    HTTP_RATE_BURST,
                    Type.INT,
                    "20",
                    ConfigValidator.atLeast(1),
                    Importance.LOW,
                    GROUP_HTTP,
                    "Searches a client may make in a burst before " + HTTP_RATE_LIMIT + " applies."),
            ConfigKey.optional(
                    PAGE_EXAMPLES,
                    Type.LIST,
                    "man wearing striped shirt,yellow forklift lifting a pallet,brown dog running on a beach",
                    null,
                    Importance.LOW,
                    GROUP_HTTP,
                    "Queries the search page offers before the first search (the defaults suit the"
                            + " platform simulator's videos); empty offers none."),
            ConfigKey.required(
                    PLATFORM_BASE_URL,
                    Type.STRING,
                    ConfigValidator.url("http", "https"),
                    Importance.HIGH,
                    GROUP_PLATFORM,
                    "Base URL of the platform API, which embeds text queries."),
            ConfigKey.required(
                    PLATFORM_API_KEY,
                    Type.PASSWORD,
                    ConfigValidator.nonEmptySecret(),
                    Importance.HIGH,
                    GROUP_PLATFORM,
                    "Platform API key, sent as X-API-Key; each text embedding costs one credit."),
            ConfigKey.optional(
                    PLATFORM_TIMEOUT_MS,
                    Type.LONG,
                    "5000",
                    ConfigValidator.between(100, 120_000),
                    Importance.LOW,
                    GROUP_PLATFORM,
                    "Longest wait for the platform to embed a query (also for a query waiting on the same text's"
                            + " call), for /healthz's platform check, and for the platform's headers on a media request;"
                            + " past it the service answers 503 (504 for media)."),
            ConfigKey.optional(
                    EMBEDDING_CACHE_SIZE,
                    Type.INT,
                    "1000",
                    ConfigValidator.atLeast(0),
                    Importance.LOW,
                    GROUP_PLATFORM,
                    "Recent query embeddings kept, so a repeated query costs no credit."),
            ConfigKey.optional(
                    HEALTH_PLATFORM_CACHE_MS,
                    Type.LONG,
                    "60000",
                    ConfigValidator.between(0, 3_600_000),
                    Importance.LOW,
                    GROUP_PLATFORM,
                    "How long /healthz reuses its last platform check (a free listing call), so polling it does"
                            + " not call the platform each time; 0 checks on every request."),
            ConfigKey.required(
                    STORE,
                    Type.STRING,
                    ConfigValidator.nonEmpty(),
                    Importance.HIGH,
                    GROUP_STORE,
                    "The store to search, by the name its module registers: pgvector, qdrant, pinecone, weaviate, chroma or"
                            + " lucene. Its connection keys are the same as its sink's."),
            ConfigKey.optional(
                    DIMENSION,
                    Type.INT,
                    "1024",
                    ConfigValidator.between(1, 65_536),
                    Importance.MEDIUM,
                    GROUP_STORE,
                    "Length of the store's vectors; a raw query vector must have it."),
            ConfigKey.optional(
                    STORE_TIMEOUT_MS,
                    Type.LONG,
                    "10000",
                    ConfigValidator.between(100, 120_000),
                    Importance.LOW,
                    GROUP_STORE,
                    "Longest wait for the store to answer a search, a /healthz check or the start-up check; past it"
                            + " the service answers 503 with Retry-After, and lets only one call at a time through to the"
                            + " store until it answers again."),
            ConfigKey.optional(
                    MEDIA_PATH_PREFIXES,
                    Type.LIST,
                    "/api/backend/v1/developer/videos/hls/,/api/backend/v1/developer/videos/thumbnails/",
                    null,
                    Importance.LOW,
                    GROUP_MEDIA,
                    "Paths on the platform's host (" + PLATFORM_BASE_URL + ") under which it"
                            + " serves HLS playlists, segments and thumbnails behind its API key. Hits' links to them point at the"
                            + " service's /v1/media/, which fetches them with the key, so that it never reaches the"
                            + " browser; it serves nothing else."),
            ConfigKey.optional(
                    MEDIA_TIMEOUT_MS,
                    Type.LONG,
                    "30000",
                    ConfigValidator.between(100, 600_000),
                    Importance.LOW,
                    GROUP_MEDIA,
                    "Longest a media request may take, from the platform's first byte to its last; past it the"
                            + " transfer is cut. Connecting and the platform's headers wait at most "
                            + PLATFORM_TIMEOUT_MS + "."),
            ConfigKey.optional(
                    MEDIA_MAX_BYTES,
                    Type.LONG,
                    Long.toString(64L << 20),
                    ConfigValidator.between(1L << 10, 1L << 32),
                    Importance.LOW,
                    GROUP_MEDIA,
                    "Largest platform answer a media request passes on; past it the transfer is cut."));

    /** Each key's value, null for one unset without a default. */
    private final Map<String, Object> values;

    /**
     * The service's settings among the props; the store's keys in them are its searcher's to read.
     *
     * @throws InvalidConfigException naming the first setting that is missing or invalid
     */
    public QueryServiceConfig(Map<String, String> props) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (ConfigKey key : KEYS) {
            parsed.put(key.name(), key.parse(props.get(key.name())));
        }
        this.values = Collections.unmodifiableMap(parsed);
    }

    /**
     * A config file's settings with the environment's overrides applied and {@code ${file:<path>:<key>}} references
     * read from their files.
     *
     * @throws InvalidConfigException naming the setting whose file reference cannot be read
     */
    public static Map<String, String> load(Path file, Map<String, String> environment) throws IOException {
        Map<String, String> props = new HashMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            properties
                    .stringPropertyNames()
                    .forEach(
                            name -> props.put(name, properties.getProperty(name).trim()));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                props.put(
                        name.substring(ENV_PREFIX.length())
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '.'),
                        value);
            }
        });
        return FileReferences.resolve(props);
    }

    public String getString(String key) {
        return (String) values.get(key);
    }

    public int getInt(String key) {
        return (Integer) values.get(key);
    }

    public long getLong(String key) {
        return (Long) values.get(key);
    }

    public double getDouble(String key) {
        return (Double) values.get(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String key) {
        return (List<String>) values.get(key);
    }

    /** A secret setting's value, or null when it is unset. */
    public Secret getSecret(String key) {
        return (Secret) values.get(key);
    }

    public String store() {
        return getString(STORE).trim();
    }

    public Secret serviceApiKey() {
        return getSecret(HTTP_API_KEY);
    }

    public boolean hasServiceApiKey() {
        return serviceApiKey() != null && !serviceApiKey().value().isEmpty();
    }

    /** The address to listen on: {@value #HTTP_HOST}, or when empty loopback without a service key and every interface with one. */
    public String listenHost() {
        String host = getString(HTTP_HOST).trim();
        if (!host.isEmpty()) {
            return host;
        }
        return hasServiceApiKey() ? ALL_INTERFACES : LOOPBACK;
    }

    public List<String> corsOrigins() {
        return getList(HTTP_CORS_ORIGINS);
    }

    public int dimension() {
        return getInt(DIMENSION);
    }

    public List<String> exampleQueries() {
        return getList(PAGE_EXAMPLES);
    }

    public Duration storeTimeout() {
        return Duration.ofMillis(getLong(STORE_TIMEOUT_MS));
    }

    /**
     * How to reach the platform: {@value #PLATFORM_TIMEOUT_MS} bounds both connecting and answering, and a failed call
     * is not retried, so a search never waits past it; the caller gets a Retry-After instead.
     */
    public PlatformSettings platformSettings() {
        Duration timeout = Duration.ofMillis(getLong(PLATFORM_TIMEOUT_MS));
        return new PlatformSettings(
                getString(PLATFORM_BASE_URL),
                getSecret(PLATFORM_API_KEY).value(),
                PLATFORM_API_KEY,
                timeout,
                timeout,
                0,
                0,
                0,
                PLATFORM_MAX_BODY_BYTES);
    }

    /** The settings, secrets hidden. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "QueryServiceConfig{", "}"));
    }
}
