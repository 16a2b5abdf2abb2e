package io.vecsync.core.search;

import java.util.List;

/** A store's nearest-neighbour search, with one score semantics on every store: cosine similarity. */
public interface VectorSearcher extends AutoCloseable {

    /**
     * Hits best first, at most {@code topK}.
     *
     * @throws org.apache.kafka.connect.errors.RetriableException when the store is unreachable
     */
    List<SearchHit> search(SearchRequest request);

    /**
     * Fails when the store or its target is unreachable, for health checks.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException naming what is wrong
     */
    void checkReachable();

    @Override
    void close();
}
