/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.search;

import java.util.List;
import java.util.OptionalLong;

/**
 * A store's nearest-neighbour search, with one score semantics on every store: cosine similarity. Every call fails
 * with a {@link StoreException}: a {@link StoreUnavailableException} when trying again later may succeed.
 */
public interface VectorSearcher extends AutoCloseable {

    /**
     * Hits best first, at most {@code topK}.
     *
     * @throws StoreUnavailableException when the store cannot be reached or answers too slowly
     * @throws StoreException            when the store refuses the search, naming what is wrong
     */
    List<SearchHit> search(SearchRequest request);

    /**
     * Fails when the store or its target is unreachable, for health checks.
     *
     * @throws StoreUnavailableException when the store cannot be reached or answers too slowly
     * @throws StoreException            naming what is wrong, e.g. a missing table or a refused login
     */
    void checkReachable();

    /**
     * How many segments the store holds, exact or the store's own estimate (each searcher says which), for a search
     * page to say how much it searches; empty where the store cannot count cheaply.
     *
     * @throws StoreException as {@link #search}
     */
    default OptionalLong segmentCount() {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
