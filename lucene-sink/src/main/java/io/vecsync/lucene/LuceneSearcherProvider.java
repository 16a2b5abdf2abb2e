/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.search.SearcherProvider;
import io.vecsync.search.StoreConfigException;
import io.vecsync.search.VectorSearcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/** The Lucene searcher, configured with the sink's {@code lucene.*} keys. */
public final class LuceneSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "lucene";
    }

    @Override
    public Set<String> configKeys() {
        return LuceneSinkConfig.CONFIG_DEF.names();
    }

    @Override
    public List<String> connectionKeys() {
        return List.of(LuceneSinkConfig.DIRECTORY);
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        try {
            return new LuceneSearcher(new LuceneSinkConfig(config).directory());
        } catch (ConfigException e) {
            throw new StoreConfigException(e.getMessage(), e);
        }
    }
}
