/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.core.config.Validators;
import io.vecsync.core.sink.CommonSinkConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the Chroma sink: the shared sink settings plus {@code chroma.*}. */
public class ChromaSinkConfig extends CommonSinkConfig {

    public static final String URL = "chroma.url";
    public static final String TOKEN = "chroma.token";
    public static final String TIMEOUT_MS = "chroma.timeout.ms";
    public static final String TENANT = "chroma.tenant";
    public static final String DATABASE = "chroma.database";
    public static final String COLLECTION = "chroma.collection";

    /** Chroma 1.x's rule for collection names, as its server states it. */
    private static final Pattern COLLECTION_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{1,510}[a-zA-Z0-9]");

    private static final String GROUP_CONNECTION = "Chroma connection";
    private static final String GROUP_COLLECTION = "Chroma collection";

    public static final ConfigDef CONFIG_DEF = define(new ConfigDef(CommonSinkConfig.CONFIG_DEF));

    public ChromaSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    private static ConfigDef define(ConfigDef def) {
        int order = 0;
        def.define(
                        URL,
                        Type.STRING,
                        "http://localhost:8000",
                        serverUrl(),
                        Importance.HIGH,
                        "Base URL of the Chroma server (chroma run serves http://localhost:8000; Chroma Cloud"
                                + " https://api.trychroma.com). The sink calls its HTTP API v2 below it.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.LONG,
                        "URL")
                .define(
                        TOKEN,
                        Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        "Token sent as the x-chroma-token header: Chroma Cloud's API key, or the token of a server with"
                                + " token authentication. Leave unset for a server without authentication.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.MEDIUM,
                        "Token")
                .define(
                        TIMEOUT_MS,
                        Type.LONG,
                        30_000L,
                        Range.between(100L, 3_600_000L),
                        Importance.LOW,
                        "Deadline of every call to the server, from connecting to the last byte of the answer; a call"
                                + " that misses it is retried as a transient error.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "Call timeout (ms)");
        order = 0;
        def.define(
                        TENANT,
                        Type.STRING,
                        "default_tenant",
                        nonBlank(),
                        Importance.MEDIUM,
                        "Tenant of the database; it must exist. Chroma Cloud shows it with the database.",
                        GROUP_COLLECTION,
                        ++order,
                        Width.MEDIUM,
                        "Tenant")
                .define(
                        DATABASE,
                        Type.STRING,
                        "default_database",
                        nonBlank(),
                        Importance.MEDIUM,
                        "Database of the collection; it must exist.",
                        GROUP_COLLECTION,
                        ++order,
                        Width.MEDIUM,
                        "Database")
                .define(
                        COLLECTION,
                        Type.STRING,
                        "video-segments",
                        Validators.described(
                                "a Chroma collection name: 3 to 512 letters, digits, '.', '_' or '-',"
                                        + " starting and ending with a letter or digit",
                                value -> COLLECTION_NAME
                                        .matcher(value.toString())
                                        .matches()),
                        Importance.HIGH,
                        "Collection of segments, as in the platform docs. Created when missing with the cosine space"
                                + " (hnsw); an existing one must have the cosine space (in its configuration, or in its"
                                + " metadata as hnsw:space, as the docs' script creates it) and, once it holds vectors,"
                                + " embedding.dimension.",
                        GROUP_COLLECTION,
                        ++order,
                        Width.MEDIUM,
                        "Collection");
        return def;
    }

    /**
     * Credentials in the URL would travel and be logged with it (the token has a key of its own), and an error must not
     * echo a URL that holds some.
     */
    private static ConfigDef.Validator serverUrl() {
        ConfigDef.Validator absolute = Validators.url("http", "https");
        String description = absolute + " without user info, query or fragment";
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    absolute.ensureValid(name, value);
                    URI uri = URI.create(value.toString().trim());
                    if (uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                        return;
                    }
                } catch (ConfigException | IllegalArgumentException invalid) {
                    // Reported below, without the value.
                }
                throw new ConfigException(name + " must be " + description);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    private static ConfigDef.Validator nonBlank() {
        return Validators.described(
                "a non-empty name", value -> !value.toString().isBlank());
    }

    /** The base URL without a trailing slash. */
    public String url() {
        String url = getString(URL).trim();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The token, or empty when none is configured. */
    public Optional<Password> token() {
        return Optional.ofNullable(getPassword(TOKEN))
                .filter(token -> !token.value().isEmpty());
    }

    public Duration timeout() {
        return Duration.ofMillis(getLong(TIMEOUT_MS));
    }

    public String tenant() {
        return getString(TENANT).trim();
    }

    public String database() {
        return getString(DATABASE).trim();
    }

    public String collection() {
        return getString(COLLECTION);
    }
}
