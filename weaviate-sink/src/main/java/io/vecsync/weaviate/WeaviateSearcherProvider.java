/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.sink.StoreErrors;
import io.vecsync.search.SearcherProvider;
import io.vecsync.search.StoreConfigException;
import io.vecsync.search.VectorSearcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;

/** The Weaviate searcher, configured with the sink's {@code weaviate.*} keys. */
public final class WeaviateSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "weaviate";
    }

    @Override
    public Set<String> configKeys() {
        return WeaviateSinkConfig.CONFIG_DEF.names();
    }

    @Override
    public List<String> connectionKeys() {
        return List.of(
                WeaviateSinkConfig.SCHEME,
                WeaviateSinkConfig.HOST,
                WeaviateSinkConfig.HTTP_PORT,
                WeaviateSinkConfig.GRPC_HOST,
                WeaviateSinkConfig.GRPC_PORT,
                WeaviateSinkConfig.API_KEY);
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        WeaviateSinkConfig parsed;
        try {
            parsed = new WeaviateSinkConfig(config);
        } catch (ConfigException e) {
            throw new StoreConfigException(e.getMessage(), e);
        }
        try {
            return new WeaviateSearcher(parsed);
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
    }
}
