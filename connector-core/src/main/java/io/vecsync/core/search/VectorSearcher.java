package io.vecsync.core.search;

import java.util.List;
import java.util.OptionalLong;

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

    /**
     * How many segments the store holds, for a search page to say how much it searches; empty where counting is not
     * cheap or not implemented.
     *
     * @throws org.apache.kafka.connect.errors.RetriableException when the store is unreachable
     */
    default OptionalLong segmentCount() {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
