package io.vecsync.core.search;

import org.apache.kafka.common.config.ConfigDef;

import java.util.List;
import java.util.Map;

/**
 * How an application finds a store's searcher: each store module registers one in
 * {@code META-INF/services/io.vecsync.core.search.SearcherProvider}, configured with the same keys as its sink.
 */
public interface SearcherProvider {

    /** The store's name in config, e.g. {@code pgvector}. */
    String store();

    /** The keys the searcher reads: the store's sink keys. */
    ConfigDef configDef();

    /** The keys that say where the store is, named when it cannot be reached. */
    default List<String> connectionKeys() {
        return List.of();
    }

    /**
     * Opens a searcher.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the offending key
     */
    VectorSearcher open(Map<String, String> config);
}
