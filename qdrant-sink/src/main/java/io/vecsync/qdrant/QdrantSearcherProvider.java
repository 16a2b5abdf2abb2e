/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.vecsync.core.sink.StoreErrors;
import io.vecsync.search.SearcherProvider;
import io.vecsync.search.StoreConfigException;
import io.vecsync.search.VectorSearcher;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;

/** The Qdrant searcher, configured with the sink's {@code qdrant.*} keys. */
public final class QdrantSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "qdrant";
    }

    @Override
    public Set<String> configKeys() {
        return QdrantSinkConfig.CONFIG_DEF.names();
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        QdrantSinkConfig parsed;
        try {
            parsed = new QdrantSinkConfig(config);
        } catch (ConfigException e) {
            throw new StoreConfigException(e.getMessage(), e);
        }
        try {
            return new QdrantSearcher(parsed);
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
    }
}
