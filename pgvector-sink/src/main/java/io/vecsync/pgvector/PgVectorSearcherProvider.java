/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import io.vecsync.search.SearcherProvider;
import io.vecsync.search.StoreConfigException;
import io.vecsync.search.VectorSearcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/** The pgvector searcher, configured with the sink's {@code pgvector.*} keys. */
public final class PgVectorSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "pgvector";
    }

    @Override
    public Set<String> configKeys() {
        return PgVectorSinkConfig.CONFIG_DEF.names();
    }

    @Override
    public List<String> connectionKeys() {
        return List.of(PgVectorSinkConfig.URL, PgVectorSinkConfig.USER, PgVectorSinkConfig.PASSWORD);
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        try {
            return new PgVectorSearcher(new PgVectorSinkConfig(config));
        } catch (ConfigException e) {
            throw new StoreConfigException(e.getMessage(), e);
        }
    }
}
