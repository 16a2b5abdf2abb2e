/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.core.config.CrossFieldChecks;
import io.vecsync.core.sink.VectorSinkConnector;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;

/** Keeps an embedded Lucene HNSW index on the worker's disk in sync with the segment topic: upserts, and deletes on tombstones. */
public class LuceneSinkConnector extends VectorSinkConnector {

    public LuceneSinkConnector() {
        super(LuceneSinkConfig.CONFIG_DEF, LuceneSinkConfig::new, LuceneSinkTask.class);
    }

    /** The shared embedding.dimension accepts more than Lucene 9 holds; say so on the key, not when a task starts. */
    @Override
    protected void validateStore(Map<String, ConfigValue> values) {
        ConfigValue dimension = values.get(LuceneSinkConfig.EMBEDDING_DIMENSION);
        CrossFieldChecks.longValue(dimension)
                .map(value -> LuceneSinkConfig.dimensionProblem(value.intValue()))
                .ifPresent(dimension::addErrorMessage);
    }
}
