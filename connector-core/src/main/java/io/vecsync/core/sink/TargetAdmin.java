/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

/** Creates a store's target (collection, table, index) from config alone, or verifies an existing one. */
public interface TargetAdmin {

    /**
     * Creates the target with the cosine metric and the dimension when it is missing; verifies it otherwise.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException naming the target and what differs, when an existing
     *         target has another dimension or metric
     * @throws org.apache.kafka.connect.errors.RetriableException when the store is unreachable
     */
    void ensureTarget(int dimension);
}
