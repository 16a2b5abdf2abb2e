/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.config.Validators;
import io.vecsync.core.sink.CommonSinkConfig;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the Weaviate sink: the shared sink settings plus {@code weaviate.*}. */
public class WeaviateSinkConfig extends CommonSinkConfig {

    public static final String SCHEME = "weaviate.scheme";
    public static final String HOST = "weaviate.host";
    public static final String HTTP_PORT = "weaviate.http.port";
    public static final String GRPC_HOST = "weaviate.grpc.host";
    public static final String GRPC_PORT = "weaviate.grpc.port";
    public static final String API_KEY = "weaviate.api.key";
    public static final String TRUSTSTORE_PATH = "weaviate.tls.truststore.path";
    public static final String TRUSTSTORE_PASSWORD = "weaviate.tls.truststore.password";
    public static final String TIMEOUT_MS = "weaviate.timeout.ms";
    public static final String COLLECTION = "weaviate.collection";
    public static final String TENANT = "weaviate.tenant";
    public static final String TENANT_FIELD = "weaviate.tenant.field";

    /** Weaviate's rule for class names, with the first letter upper case as Weaviate stores it. */
    static final Pattern COLLECTION_NAME = Pattern.compile("[A-Z][_0-9A-Za-z]{0,254}");

    static final Pattern TENANT_NAME = Pattern.compile("[A-Za-z0-9\\-_]{1,64}");
    static final String TENANT_RULE = "1-64 letters, digits, - or _";

    private static final String GROUP_CONNECTION = "Weaviate connection";
    private static final String GROUP_COLLECTION = "Weaviate collection";

    public static final ConfigDef CONFIG_DEF = define(new ConfigDef(CommonSinkConfig.CONFIG_DEF));

    public WeaviateSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    private static ConfigDef define(ConfigDef def) {
        int order = 0;
        def.define(
                        SCHEME,
                        Type.STRING,
                        "http",
                        ValidString.in("http", "https"),
                        Importance.HIGH,
                        "http, or https for TLS on both the REST and the gRPC connection.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "Scheme")
                .define(
                        HOST,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        hostName(),
                        Importance.HIGH,
                        "Host of Weaviate's REST API (schema and tenants), e.g. weaviate or my-cluster.weaviate.cloud.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.LONG,
                        "Host")
                .define(
                        HTTP_PORT,
                        Type.INT,
                        8080,
                        Range.between(1, 65_535),
                        Importance.MEDIUM,
                        "Port of the REST API; 443 for Weaviate Cloud.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "REST port")
                .define(
                        GRPC_HOST,
                        Type.STRING,
                        "",
                        Validators.optional(hostName()),
                        Importance.MEDIUM,
                        "Host of the gRPC API (writes and searches); empty means " + HOST + ". Weaviate Cloud serves it"
                                + " at grpc-<cluster host>.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.LONG,
                        "gRPC host")
                .define(
                        GRPC_PORT,
                        Type.INT,
                        50_051,
                        Range.between(1, 65_535),
                        Importance.MEDIUM,
                        "Port of the gRPC API; 443 for Weaviate Cloud.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "gRPC port")
                .define(
                        API_KEY,
                        Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        "API key, sent as a bearer token; leave unset when Weaviate allows anonymous access.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.MEDIUM,
                        "API key")
                .define(
                        TRUSTSTORE_PATH,
                        Type.STRING,
                        "",
                        Importance.LOW,
                        "With https: a PKCS12 or JKS trust store holding the CA of a server certificate the JVM does not"
                                + " trust by default; empty means the JVM's trust store.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.LONG,
                        "Trust store")
                .define(
                        TRUSTSTORE_PASSWORD,
                        Type.PASSWORD,
                        null,
                        Importance.LOW,
                        "Password of the trust store, if it has one.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.MEDIUM,
                        "Trust store password")
                .define(
                        TIMEOUT_MS,
                        Type.INT,
                        60_000,
                        Range.between(1_000, 3_600_000),
                        Importance.LOW,
                        "Timeout of each request, rounded up to whole seconds (the client's unit). A timed-out write is"
                                + " retried.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "Request timeout (ms)");
        order = 0;
        def.define(
                        COLLECTION,
                        Type.STRING,
                        "VideoSegment",
                        Validators.described(
                                "a Weaviate collection name: an upper-case letter, then letters, digits or _",
                                value -> COLLECTION_NAME
                                        .matcher(value.toString())
                                        .matches()),
                        Importance.HIGH,
                        "Collection of segments, created when missing with no vectorizer (the sink"
                                + " supplies the vectors), an HNSW index with the cosine distance, and the properties"
                                + " video_id, start, end (text, as in the platform docs) plus start_seconds, end_seconds"
                                + " (number) and the segment's other text fields. An existing collection is verified and"
                                + " given the properties it lacks.",
                        GROUP_COLLECTION,
                        ++order,
                        Width.MEDIUM,
                        "Collection")
                .define(
                        TENANT,
                        Type.STRING,
                        "",
                        Validators.optional(Validators.described(
                                "a Weaviate tenant name: " + TENANT_RULE,
                                value -> TENANT_NAME
                                        .matcher(value.toString().trim())
                                        .matches())),
                        Importance.MEDIUM,
                        "Write every segment to this tenant of a multi-tenant collection; created"
                                + " when missing. Empty, with " + TENANT_FIELD + " empty too, means no multi-tenancy.",
                        GROUP_COLLECTION,
                        ++order,
                        Width.MEDIUM,
                        "Tenant")
                .define(
                        TENANT_FIELD,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Value field naming each segment's tenant of a multi-tenant collection; tenants are created when"
                                + " missing, and a record without a valid tenant name goes to the dead-letter queue. A"
                                + " tombstone carries no tenant, so it deletes its id from every tenant.",
                        GROUP_COLLECTION,
                        ++order,
                        Width.MEDIUM,
                        "Tenant field");
        return def;
    }

    private static ConfigDef.Validator hostName() {
        return Validators.described(
                "a host name or IP address, without scheme, port or path",
                value -> !value.toString().isBlank()
                        && !value.toString().contains("/")
                        && !value.toString().contains(" "));
    }

    public String scheme() {
        return getString(SCHEME);
    }

    public String host() {
        return getString(HOST).trim();
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public String grpcHost() {
        String grpcHost = getString(GRPC_HOST).trim();
        return grpcHost.isEmpty() ? host() : grpcHost;
    }

    public int grpcPort() {
        return getInt(GRPC_PORT);
    }

    /** The API key, or empty when Weaviate allows anonymous access. */
    public Optional<Password> apiKey() {
        return Optional.ofNullable(getPassword(API_KEY));
    }

    public Optional<String> truststorePath() {
        return Optional.of(getString(TRUSTSTORE_PATH).trim()).filter(path -> !path.isEmpty());
    }

    public Optional<Password> truststorePassword() {
        return Optional.ofNullable(getPassword(TRUSTSTORE_PASSWORD));
    }

    /** The request timeout in whole seconds, rounded up. */
    public int timeoutSeconds() {
        return (getInt(TIMEOUT_MS) + 999) / 1000;
    }

    public String collection() {
        return getString(COLLECTION);
    }

    /** The fixed tenant, if configured. */
    public Optional<String> tenant() {
        return Optional.of(getString(TENANT).trim()).filter(tenant -> !tenant.isEmpty());
    }

    /** The value field naming each segment's tenant, if configured. */
    public Optional<String> tenantField() {
        return Optional.of(getString(TENANT_FIELD).trim()).filter(field -> !field.isEmpty());
    }

    /** Whether segments go to tenants of a multi-tenant collection. */
    public boolean multiTenant() {
        return tenant().isPresent() || tenantField().isPresent();
    }
}
