/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

/** A store's bulk writer: the part of a sink that differs per store. */
public interface VectorWriter extends AutoCloseable {

    /**
     * Applies the batch: its upserts and deletes touch disjoint ids.
     *
     * @throws org.apache.kafka.connect.errors.RetriableException for a transient store error (refused connection,
     *         timeout, 429, 5xx, serialization failure): the framework retries with backoff
     * @throws org.apache.kafka.connect.errors.ConnectException for anything a retry cannot fix
     */
    void write(WriteBatch batch);

    /**
     * Rejects a point this store cannot hold, before it joins a batch, so it alone goes to the dead-letter queue.
     *
     * @throws org.apache.kafka.connect.errors.DataException naming the field
     */
    default void check(VectorPoint point) {}

    @Override
    void close();
}
