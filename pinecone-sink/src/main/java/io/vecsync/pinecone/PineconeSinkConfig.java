/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.core.config.Validators;
import io.vecsync.core.sink.CommonSinkConfig;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the Pinecone sink: the shared sink settings plus {@code pinecone.*}. */
public class PineconeSinkConfig extends CommonSinkConfig {

    public static final String API_KEY = "pinecone.api.key";
    public static final String HOST = "pinecone.host";
    public static final String TLS = "pinecone.tls";
    public static final String TIMEOUT_MS = "pinecone.timeout.ms";
    public static final String INDEX = "pinecone.index";
    public static final String NAMESPACE = "pinecone.namespace";
    public static final String CREATE_INDEX = "pinecone.create.index";
    public static final String CLOUD = "pinecone.cloud";
    public static final String REGION = "pinecone.region";

    /** Pinecone's dense indexes hold at most this many dimensions. */
    public static final int MAX_DIMENSION = 20_000;

    /** Pinecone's rule for index names: lower-case letters, digits and hyphens, starting and ending alphanumeric. */
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?");

    private static final String GROUP_CONNECTION = "Pinecone connection";
    private static final String GROUP_INDEX = "Pinecone index";

    public static final ConfigDef CONFIG_DEF = define(new ConfigDef(CommonSinkConfig.CONFIG_DEF));

    public PineconeSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    private static ConfigDef define(ConfigDef def) {
        int order = 0;
        def.define(
                        API_KEY,
                        Type.PASSWORD,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Validators.nonEmptyPassword(),
                        Importance.HIGH,
                        "API key of the Pinecone project, sent as the Api-Key header to the control plane and the index.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.MEDIUM,
                        "API key")
                .define(
                        HOST,
                        Type.STRING,
                        "",
                        Validators.optional(Validators.url("http", "https")),
                        Importance.MEDIUM,
                        "Control-plane URL. Empty: Pinecone's API (https://api.pinecone.io). For Pinecone Local,"
                                + " http://localhost:5080. The index's data-plane host is the one the control plane reports.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.LONG,
                        "Control-plane URL")
                .define(
                        TLS,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "TLS on the gRPC connection to the index. Pinecone's cloud needs it; false only for Pinecone Local"
                                + " or another plaintext server named by " + HOST + ".",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "Data-plane TLS")
                .define(
                        TIMEOUT_MS,
                        Type.LONG,
                        30_000L,
                        Range.between(100L, 600_000L),
                        Importance.LOW,
                        "Deadline of every call to Pinecone: on the index's data plane (upsert, delete, query) and on the"
                                + " control plane (describe and create the index). A call that misses it is retried as a"
                                + " transient error.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "Call timeout (ms)");
        order = 0;
        def.define(
                        INDEX,
                        Type.STRING,
                        "video-segments",
                        Validators.described(
                                "a Pinecone index name: 1 to 45 lower-case letters, digits or hyphens, starting"
                                        + " and ending with a letter or digit",
                                value -> INDEX_NAME.matcher(value.toString()).matches()),
                        Importance.HIGH,
                        "Index of segments, as in the platform docs. Created when missing (see " + CREATE_INDEX
                                + ") as a"
                                + " serverless index with the cosine metric and embedding.dimension; an existing one must have both.",
                        GROUP_INDEX,
                        ++order,
                        Width.MEDIUM,
                        "Index")
                .define(
                        NAMESPACE,
                        Type.STRING,
                        "",
                        NamespaceTemplate.validator(),
                        Importance.MEDIUM,
                        "Namespace the points are written to. Empty: the default namespace, as in the platform docs."
                                + " " + NamespaceTemplate.TOPIC + " is replaced by the record's topic, e.g. segments-"
                                + NamespaceTemplate.TOPIC + " gives every topic a namespace of its own.",
                        GROUP_INDEX,
                        ++order,
                        Width.MEDIUM,
                        "Namespace")
                .define(
                        CREATE_INDEX,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Create the index when it is missing, and wait until it is ready. false: a missing index fails the"
                                + " task at start.",
                        GROUP_INDEX,
                        ++order,
                        Width.SHORT,
                        "Create index")
                .define(
                        CLOUD,
                        Type.STRING,
                        "aws",
                        ValidString.in("aws", "gcp", "azure"),
                        Importance.LOW,
                        "Cloud of a serverless index the sink creates.",
                        GROUP_INDEX,
                        ++order,
                        Width.SHORT,
                        "Cloud")
                .define(
                        REGION,
                        Type.STRING,
                        "us-east-1",
                        Validators.described(
                                "a region name such as us-east-1",
                                value -> !value.toString().isBlank()),
                        Importance.LOW,
                        "Region of a serverless index the sink creates, in " + CLOUD + ".",
                        GROUP_INDEX,
                        ++order,
                        Width.SHORT,
                        "Region");
        return def;
    }

    public Password apiKey() {
        return getPassword(API_KEY);
    }

    /** The control-plane URL without a trailing slash, or null for Pinecone's own. */
    public String host() {
        String host = getString(HOST).trim();
        return host.isEmpty() ? null : host.replaceAll("/+$", "");
    }

    public boolean tls() {
        return getBoolean(TLS);
    }

    public long timeoutMs() {
        return getLong(TIMEOUT_MS);
    }

    public String index() {
        return getString(INDEX);
    }

    public NamespaceTemplate namespace() {
        return new NamespaceTemplate(getString(NAMESPACE));
    }

    public boolean createIndex() {
        return getBoolean(CREATE_INDEX);
    }

    public String cloud() {
        return getString(CLOUD);
    }

    public String region() {
        return getString(REGION).trim();
    }
}
