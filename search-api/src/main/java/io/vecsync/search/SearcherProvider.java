/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an application finds a store's searcher: each store module registers one in
 * {@code META-INF/services/io.vecsync.search.SearcherProvider}, configured with the same keys as its sink.
 */
public interface SearcherProvider {

    /** The store's name in config, e.g. {@code pgvector}. */
    String store();

    /** The keys the searcher reads: the store's sink keys. */
    Set<String> configKeys();

    /** The keys that say where the store is, named when it cannot be reached. */
    default List<String> connectionKeys() {
        return List.of();
    }

    /**
     * Opens a searcher.
     *
     * @throws StoreConfigException naming the offending key
     * @throws StoreException       when the store's client cannot be set up
     */
    VectorSearcher open(Map<String, String> config);
}
