/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.search.SearcherProvider;
import io.vecsync.search.StoreConfigException;
import io.vecsync.search.VectorSearcher;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkConnector;

/** The Pinecone searcher, configured with the sink's {@code pinecone.*} keys (and its {@code topics} for a per-topic namespace). */
public final class PineconeSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "pinecone";
    }

    @Override
    public Set<String> configKeys() {
        Set<String> keys = new HashSet<>(PineconeSinkConfig.CONFIG_DEF.names());
        keys.add(SinkConnector.TOPICS_CONFIG);
        return Set.copyOf(keys);
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        try {
            PineconeSinkConfig parsed = new PineconeSinkConfig(config);
            return new PineconeSearcher(parsed, parsed.namespace().forSearch(config));
        } catch (ConfigException e) {
            throw new StoreConfigException(e.getMessage(), e);
        }
    }
}
