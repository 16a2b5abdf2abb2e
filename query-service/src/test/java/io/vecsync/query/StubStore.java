/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A store a test scripts: every search and reachability check does what {@link #answer} says, and is counted. */
final class StubStore implements VectorSearcher {

    final AtomicInteger calls = new AtomicInteger();
    volatile Supplier<List<SearchHit>> answer = List::of;
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Calls from now on block, as on a half-open connection, until the store is closed or the caller interrupted. */
    void hang() {
        answer = () -> {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        };
    }

    /** Calls from now on throw this. */
    void fail(RuntimeException failure) {
        answer = () -> {
            throw failure;
        };
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        calls.incrementAndGet();
        return answer.get();
    }

    @Override
    @SuppressWarnings("ReturnValueIgnored") // the answer is run for what it does: block or throw
    public void checkReachable() {
        calls.incrementAndGet();
        answer.get();
    }

    /** Counted apart from the searches: how often the store was asked its size. */
    final AtomicInteger counts = new AtomicInteger();

    @Override
    public OptionalLong segmentCount() {
        return OptionalLong.of(counts.incrementAndGet() * 1_000L);
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
