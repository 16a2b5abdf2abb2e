package io.vecsync.query;

import io.vecsync.core.config.Validators;
import io.vecsync.platform.PlatformSettings;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.common.config.types.Password;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The query service's own settings. The chosen store's searcher reads the same file with its sink's keys
 * (e.g. {@code pgvector.url}), so one config describes a sink and the service that searches what it wrote.
 */
public class QueryServiceConfig extends AbstractConfig {

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

    public static final ConfigDef CONFIG_DEF = define(new ConfigDef());

    public QueryServiceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props, false);
    }

    private static ConfigDef define(ConfigDef def) {
        int order = 0;
        def.define(HTTP_HOST, Type.STRING, "", Importance.MEDIUM,
                        "Address the service listens on. Empty: " + LOOPBACK + " (this machine only) while " + HTTP_API_KEY
                                + " is not set, " + ALL_INTERFACES + " (every interface) once it is. Any other address is used"
                                + " as given, with or without a key.",
                        GROUP_HTTP, ++order, Width.MEDIUM, "Listen address")
                .define(HTTP_PORT, Type.INT, 8090, Range.between(0, 65_535), Importance.MEDIUM, "Port; 0 picks a free one.",
                        GROUP_HTTP, ++order, Width.SHORT, "Port")
                .define(HTTP_API_KEY, Type.PASSWORD, null, Importance.MEDIUM,
                        "When set, callers of /v1/search must send it as X-API-Key or Authorization: Bearer. Without"
                                + " it the service listens on this machine only, unless " + HTTP_HOST + " says otherwise.",
                        GROUP_HTTP, ++order, Width.MEDIUM, "Service API key")
                .define(HTTP_CORS_ORIGINS, Type.LIST, "", Importance.LOW,
                        "Origins allowed to call the API from a browser (CORS), or * for any; empty allows none but the"
                                + " service's own page.",
                        GROUP_HTTP, ++order, Width.LONG, "CORS origins")
                .define(HTTP_RATE_LIMIT, Type.DOUBLE, 5.0, Range.atLeast(0.0), Importance.MEDIUM,
                        "Searches a second each client (by IP address) may make on average; past it the service answers"
                                + " 429 with Retry-After. 0 turns the limit off. Behind a reverse proxy every caller has the"
                                + " proxy's address.",
                        GROUP_HTTP, ++order, Width.SHORT, "Rate limit (searches/s)")
                .define(HTTP_RATE_BURST, Type.INT, 20, Range.atLeast(1), Importance.LOW,
                        "Searches a client may make in a burst before " + HTTP_RATE_LIMIT + " applies.",
                        GROUP_HTTP, ++order, Width.SHORT, "Rate limit burst")
                .define(PAGE_EXAMPLES, Type.LIST, "man wearing striped shirt,yellow forklift lifting a pallet,brown dog running on a beach",
                        Importance.LOW, "Queries the search page offers before the first search (the defaults suit the platform"
                                + " simulator's videos); empty offers none.",
                        GROUP_HTTP, ++order, Width.LONG, "Example queries");
        order = 0;
        def.define(PLATFORM_BASE_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.url("http", "https"), Importance.HIGH,
                        "Base URL of the platform API, which embeds text queries.",
                        GROUP_PLATFORM, ++order, Width.LONG, "Platform base URL")
                .define(PLATFORM_API_KEY, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Validators.nonEmptyPassword(), Importance.HIGH,
                        "Platform API key, sent as X-API-Key; each text embedding costs one credit.",
                        GROUP_PLATFORM, ++order, Width.MEDIUM, "Platform API key")
                .define(PLATFORM_TIMEOUT_MS, Type.LONG, 5_000L, Range.between(100L, 120_000L), Importance.LOW,
                        "Longest wait for the platform to embed a query (also for a query waiting on the same text's"
                                + " call), for /healthz's platform check, and for the platform's headers on a media request;"
                                + " past it the service answers 503 (504 for media).",
                        GROUP_PLATFORM, ++order, Width.SHORT, "Platform timeout (ms)")
                .define(EMBEDDING_CACHE_SIZE, Type.INT, 1_000, Range.atLeast(0), Importance.LOW,
                        "Recent query embeddings kept, so a repeated query costs no credit.",
                        GROUP_PLATFORM, ++order, Width.SHORT, "Embedding cache size")
                .define(HEALTH_PLATFORM_CACHE_MS, Type.LONG, 60_000L, Range.between(0L, 3_600_000L), Importance.LOW,
                        "How long /healthz reuses its last platform check (a free listing call), so polling it does not"
                                + " call the platform each time; 0 checks on every request.",
                        GROUP_PLATFORM, ++order, Width.SHORT, "Health check platform cache (ms)");
        order = 0;
        def.define(STORE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "The store to search, by the name its module registers: pgvector, qdrant, pinecone, weaviate, chroma or"
                                + " lucene. Its"
                                + " connection keys are the same as its sink's.",
                        GROUP_STORE, ++order, Width.SHORT, "Store")
                .define(DIMENSION, Type.INT, 1024, Range.between(1, 65_536), Importance.MEDIUM,
                        "Length of the store's vectors; a raw query vector must have it.",
                        GROUP_STORE, ++order, Width.SHORT, "Embedding dimension")
                .define(STORE_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(100L, 120_000L), Importance.LOW,
                        "Longest wait for the store to answer a search, a /healthz check or the start-up check; past it"
                                + " the service answers 503 with Retry-After, and lets only one call at a time through to the"
                                + " store until it answers again.",
                        GROUP_STORE, ++order, Width.SHORT, "Store timeout (ms)");
        order = 0;
        def.define(MEDIA_PATH_PREFIXES, Type.LIST, "/api/backend/v1/developer/videos/hls/,/api/backend/v1/developer/videos/thumbnails/",
                        Importance.LOW, "Paths on the platform's host (" + PLATFORM_BASE_URL + ") under which it serves HLS"
                                + " playlists, segments and thumbnails behind its API key. Hits' links to them point at the"
                                + " service's /v1/media/, which fetches them with the key, so that it never reaches the"
                                + " browser; it serves nothing else.",
                        GROUP_MEDIA, ++order, Width.LONG, "Media path prefixes")
                .define(MEDIA_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(100L, 600_000L), Importance.LOW,
                        "Longest a media request may take, from the platform's first byte to its last; past it the"
                                + " transfer is cut. Connecting and the platform's headers wait at most "
                                + PLATFORM_TIMEOUT_MS + ".",
                        GROUP_MEDIA, ++order, Width.SHORT, "Media timeout (ms)")
                .define(MEDIA_MAX_BYTES, Type.LONG, 64L << 20, Range.between(1L << 10, 1L << 32), Importance.LOW,
                        "Largest platform answer a media request passes on; past it the transfer is cut.",
                        GROUP_MEDIA, ++order, Width.SHORT, "Media size limit (bytes)");
        return def;
    }

    /** A config file's settings with the environment's overrides applied. */
    public static Map<String, String> load(Path file, Map<String, String> environment) throws IOException {
        Map<String, String> props = new HashMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(name -> props.put(name, properties.getProperty(name).trim()));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                props.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return resolveFileReferences(props);
    }

    /**
     * Reads {@code ${file:<path>:<key>}} values from their files, as a Connect worker with Kafka's file config provider
     * does: the connectors' secrets file serves the query service too.
     */
    private static Map<String, String> resolveFileReferences(Map<String, String> props) {
        try (FileConfigProvider files = new FileConfigProvider()) {
            files.configure(Map.of());
            return new HashMap<>(new ConfigTransformer(Map.of("file", files)).transform(props).data());
        }
    }

    public String store() {
        return getString(STORE).trim();
    }

    public Password serviceApiKey() {
        return getPassword(HTTP_API_KEY);
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
        return new PlatformSettings(getString(PLATFORM_BASE_URL), getPassword(PLATFORM_API_KEY).value(), PLATFORM_API_KEY,
                timeout, timeout, 0, 0, 0, PLATFORM_MAX_BODY_BYTES);
    }
}
