/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.search.SearcherProvider;
import io.vecsync.search.StoreConfigException;
import io.vecsync.search.VectorSearcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/** The Chroma searcher, configured with the sink's {@code chroma.*} keys. */
public final class ChromaSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "chroma";
    }

    @Override
    public Set<String> configKeys() {
        return ChromaSinkConfig.CONFIG_DEF.names();
    }

    @Override
    public List<String> connectionKeys() {
        return List.of(
                ChromaSinkConfig.URL, ChromaSinkConfig.TOKEN, ChromaSinkConfig.TENANT, ChromaSinkConfig.DATABASE);
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        try {
            return new ChromaSearcher(new ChromaSinkConfig(config));
        } catch (ConfigException e) {
            throw new StoreConfigException(e.getMessage(), e);
        }
    }
}
