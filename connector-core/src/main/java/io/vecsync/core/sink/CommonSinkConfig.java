/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import io.vecsync.core.SegmentSchema;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The settings every vecsync sink shares; store modules extend {@link #CONFIG_DEF}, or {@link #definition(int)} for a
 * batch size of their own, with their prefixed keys.
 */
public class CommonSinkConfig extends AbstractConfig {

    public static final String BATCH_SIZE = "batch.size";
    public static final String EMBEDDING_DIMENSION = "embedding.dimension";
    public static final String ID_FIELD = "id.field";
    public static final String VECTOR_FIELD = "vector.field";
    public static final String PAYLOAD_FIELDS = "payload.fields";
    public static final String VECTOR_NORMALIZE = "vector.normalize";
    public static final String RETRY_MAX = "retry.max";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String FLUSH_TIMEOUT_MS = "flush.timeout.ms";
    /** Connect's own key; read here to decide between the dead-letter queue and failing the task. */
    public static final String ERRORS_TOLERANCE = "errors.tolerance";

    private static final String GROUP_RECORDS = "Records";
    private static final String GROUP_WRITES = "Writes";

    /** Records per bulk write unless a store sets its own; some stores take at most 1,000 points a request. */
    private static final int DEFAULT_BATCH_SIZE = 1000;

    public static final ConfigDef CONFIG_DEF = definition(DEFAULT_BATCH_SIZE);

    public CommonSinkConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals);
    }

    /** The shared settings, a fresh definition to extend, with the store's default batch.size. */
    public static ConfigDef definition(int defaultBatchSize) {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(
                        EMBEDDING_DIMENSION,
                        Type.INT,
                        1024,
                        Range.between(1, 65_536),
                        Importance.HIGH,
                        "Length of every vector. The target is created with it, an existing target must have it, and a record"
                                + " with another length goes to the dead-letter queue.",
                        GROUP_RECORDS,
                        ++order,
                        Width.SHORT,
                        "Embedding dimension")
                .define(
                        ID_FIELD,
                        Type.STRING,
                        SegmentSchema.ID,
                        Importance.LOW,
                        "Value field holding the point id (a UUID); when absent or null the record key is the id.",
                        GROUP_RECORDS,
                        ++order,
                        Width.SHORT,
                        "Id field")
                .define(
                        VECTOR_FIELD,
                        Type.STRING,
                        SegmentSchema.EMBEDDING,
                        Importance.LOW,
                        "Value field holding the vector: an array of numbers, or little-endian float32 bytes"
                                + " (base64 in schemaless JSON).",
                        GROUP_RECORDS,
                        ++order,
                        Width.SHORT,
                        "Vector field")
                .define(
                        PAYLOAD_FIELDS,
                        Type.LIST,
                        "",
                        Importance.MEDIUM,
                        "Value fields stored with each point. Empty: every field but the vector and the id.",
                        GROUP_RECORDS,
                        ++order,
                        Width.LONG,
                        "Payload fields")
                .define(
                        VECTOR_NORMALIZE,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "Scale every vector to unit length before writing. The platform's vectors are already normalized.",
                        GROUP_RECORDS,
                        ++order,
                        Width.SHORT,
                        "Normalize vectors");
        order = 0;
        def.define(
                        BATCH_SIZE,
                        Type.INT,
                        defaultBatchSize,
                        Range.between(1, 100_000),
                        Importance.MEDIUM,
                        "Records per bulk write, at most. Records that arrive while a write runs go together into the next one.",
                        GROUP_WRITES,
                        ++order,
                        Width.SHORT,
                        "Batch size")
                .define(
                        RETRY_MAX,
                        Type.INT,
                        5,
                        Range.between(0, 100),
                        Importance.LOW,
                        "Retries of a write after a transient store error (refused connection, timeout, 429, 5xx) before"
                                + " the batch is handed back to Connect to be redelivered.",
                        GROUP_WRITES,
                        ++order,
                        Width.SHORT,
                        "Retries")
                .define(
                        RETRY_BACKOFF_MS,
                        Type.LONG,
                        500L,
                        Range.between(0L, 600_000L),
                        Importance.LOW,
                        "First backoff before a retry; it doubles on each retry, with jitter, up to "
                                + RETRY_BACKOFF_MAX_MS + ".",
                        GROUP_WRITES,
                        ++order,
                        Width.SHORT,
                        "Retry backoff (ms)")
                .define(
                        RETRY_BACKOFF_MAX_MS,
                        Type.LONG,
                        30_000L,
                        Range.between(0L, 3_600_000L),
                        Importance.LOW,
                        "Longest backoff between two retries.",
                        GROUP_WRITES,
                        ++order,
                        Width.SHORT,
                        "Max retry backoff (ms)")
                .define(
                        FLUSH_TIMEOUT_MS,
                        Type.LONG,
                        60_000L,
                        Range.between(100L, 3_600_000L),
                        Importance.LOW,
                        "Longest wait of Connect's task thread for the store's writes: at an offset commit (past it,"
                                + " nothing is committed this time), at a rebalance (past it, the revoked partitions' writes"
                                + " not yet sent are dropped, uncommitted, for their next owner) and in put() for room in"
                                + " the queue (past it, Connect redelivers the records after a backoff). The writes go on"
                                + " meanwhile. Keep it below the consumer's max.poll.interval.ms (5 minutes by default).",
                        GROUP_WRITES,
                        ++order,
                        Width.SHORT,
                        "Flush timeout (ms)");
        return def;
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public int dimension() {
        return getInt(EMBEDDING_DIMENSION);
    }
}
