/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import io.vecsync.search.StoreException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * A store's sorting of its client's failures into the Connect exception the sink framework acts on. Each store module
 * has one, named {@code <Store>Errors}.
 *
 * @param <E> the failures the store's client throws
 */
public interface StoreErrors<E extends Throwable> {

    /**
     * The failure, with what was being done, as one of three:
     * <ul>
     *   <li>a {@link org.apache.kafka.connect.errors.RetriableException} when a retry can fix it (the store unreachable
     *       or overloaded, a timeout, a 429 or 5xx): the framework retries with backoff;</li>
     *   <li>a {@link RefusedBatchException}, {@link RefusedPointsException} or
     *       {@link org.apache.kafka.connect.errors.DataException} when the store refused data: the points at fault go to
     *       the dead-letter queue and the others are written;</li>
     *   <li>else a {@link ConnectException} whose message names what to fix (a config key, the target's shape, a
     *       permission): the task fails with it.</li>
     * </ul>
     *
     * @param doing what was being done, e.g. "writing 500 points", the start of the message
     */
    ConnectException classify(String doing, E failure);

    /** The failure classified, in the search API's terms, for a store's searcher. */
    default StoreException classifyForSearch(String doing, E failure) {
        return forSearch(classify(doing, failure));
    }

    /** A classified failure in the search API's terms: what a retry can fix is the store being unavailable. */
    static StoreException forSearch(ConnectException classified) {
        return StoreException.of(classified.getMessage(), classified, classified instanceof RetriableException);
    }
}
