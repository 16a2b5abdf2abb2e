/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

/** What a store module hands the sink framework: its writer and its target admin, opened from the task's config. */
public interface VectorStore extends AutoCloseable {

    VectorWriter writer();

    TargetAdmin admin();

    /** Told after every put() how many records it carried: a short put means the consumer has caught up. */
    default void delivered(int records) {}

    /** Makes what was written durable; called before Connect commits the offsets of the records written. */
    default void flush() {}

    /** Closes the writer and any connection the store holds. */
    @Override
    void close();
}
