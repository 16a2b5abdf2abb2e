/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.vecsync.core.config.Validators;
import io.vecsync.core.sink.CommonSinkConfig;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the Qdrant sink: the shared sink settings plus {@code qdrant.*}. */
public class QdrantSinkConfig extends CommonSinkConfig {

    public static final String HOST = "qdrant.host";
    public static final String PORT = "qdrant.port";
    public static final String API_KEY = "qdrant.api.key";
    public static final String TLS = "qdrant.tls";
    public static final String TLS_CA_FILE = "qdrant.tls.ca.file";
    public static final String TIMEOUT_MS = "qdrant.timeout.ms";
    public static final String COLLECTION = "qdrant.collection";
    public static final String VECTOR_NAME = "qdrant.vector.name";
    public static final String PAYLOAD_INDEX_VIDEO_ID = "qdrant.payload.index.video.id";

    /** Qdrant's own rule for collection names: 1 to 255 characters, none that are unsafe in a file name. */
    private static final Pattern COLLECTION_NAME = Pattern.compile("[^<>:\"/\\\\|?*\\p{Cntrl}]{1,255}");

    private static final String GROUP_CONNECTION = "Qdrant connection";
    private static final String GROUP_COLLECTION = "Qdrant collection";

    public static final ConfigDef CONFIG_DEF = define(new ConfigDef(CommonSinkConfig.CONFIG_DEF));

    public QdrantSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    private static ConfigDef define(ConfigDef def) {
        int order = 0;
        def.define(
                        HOST,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Validators.described(
                                "a host name or IP address",
                                value -> !value.toString().isBlank()),
                        Importance.HIGH,
                        "Host of the Qdrant server, e.g. qdrant or xyz.cloud.qdrant.io.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.LONG,
                        "Host")
                .define(
                        PORT,
                        Type.INT,
                        6334,
                        Range.between(1, 65_535),
                        Importance.HIGH,
                        "gRPC port of the server (Qdrant serves gRPC on 6334 and REST on 6333; this sink speaks gRPC).",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "gRPC port")
                .define(
                        API_KEY,
                        Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        "API key, sent as the api-key header; required when the server has one (always on Qdrant Cloud).",
                        GROUP_CONNECTION,
                        ++order,
                        Width.MEDIUM,
                        "API key")
                .define(
                        TLS,
                        Type.BOOLEAN,
                        false,
                        Importance.HIGH,
                        "Connect with TLS. Qdrant Cloud needs it; a self-hosted server only when it has TLS enabled. Without"
                                + " TLS an API key travels in clear text.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "TLS")
                .define(
                        TLS_CA_FILE,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "PEM file of the CA certificates to trust, for a server whose certificate the JVM's default trust"
                                + " store does not cover (a private CA or a self-signed certificate). Empty: the JVM's defaults."
                                + " Needs " + TLS + "=true.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.LONG,
                        "TLS CA file")
                .define(
                        TIMEOUT_MS,
                        Type.LONG,
                        30_000L,
                        Range.between(100L, 3_600_000L),
                        Importance.LOW,
                        "Deadline of every call to the server; a call that misses it is retried as a transient error.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "Call timeout (ms)");
        order = 0;
        def.define(
                        COLLECTION,
                        Type.STRING,
                        "video-segments",
                        Validators.described(
                                "a Qdrant collection name: 1 to 255 characters, none of < > : \" / \\ | ? *"
                                        + " or control characters",
                                value -> COLLECTION_NAME
                                        .matcher(value.toString())
                                        .matches()),
                        Importance.HIGH,
                        "Collection of segments, as in the platform docs. Created when missing with the cosine distance"
                                + " and embedding.dimension; an existing one must have both.",
                        GROUP_COLLECTION,
                        ++order,
                        Width.MEDIUM,
                        "Collection")
                .define(
                        VECTOR_NAME,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Named vector to write and search, for a collection with several vectors per point. Empty: the"
                                + " collection's single unnamed vector, as in the platform docs.",
                        GROUP_COLLECTION,
                        ++order,
                        Width.MEDIUM,
                        "Vector name")
                .define(
                        PAYLOAD_INDEX_VIDEO_ID,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Create a keyword payload index on video_id when the collection has no index on it, so searches"
                                + " filtered by video stay fast.",
                        GROUP_COLLECTION,
                        ++order,
                        Width.SHORT,
                        "Index video_id");
        return def;
    }

    public String host() {
        return getString(HOST).trim();
    }

    public int port() {
        return getInt(PORT);
    }

    /** The API key, or null when none is configured. */
    public Password apiKey() {
        Password key = getPassword(API_KEY);
        return key == null || key.value().isEmpty() ? null : key;
    }

    public boolean tls() {
        return getBoolean(TLS);
    }

    /** The CA file, or null for the JVM's default trust store. */
    public String tlsCaFile() {
        String file = getString(TLS_CA_FILE).trim();
        return file.isEmpty() ? null : file;
    }

    public Duration timeout() {
        return Duration.ofMillis(getLong(TIMEOUT_MS));
    }

    public String collection() {
        return getString(COLLECTION);
    }

    /** The named vector, or null for the unnamed default vector. */
    public String vectorName() {
        String name = getString(VECTOR_NAME).trim();
        return name.isEmpty() ? null : name;
    }

    public boolean payloadIndexVideoId() {
        return getBoolean(PAYLOAD_INDEX_VIDEO_ID);
    }
}
