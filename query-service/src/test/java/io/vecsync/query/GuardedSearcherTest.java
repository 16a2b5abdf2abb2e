/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.StoreException;
import io.vecsync.search.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store's deadline: a call past it is a 503, and a store that stopped answering is tried by one call at a time. */
class GuardedSearcherTest {

    private static final SearchRequest REQUEST = new SearchRequest(new float[] {0.6f, 0.8f}, 3, List.of(), null);
    private static final List<SearchHit> HITS = List.of(new SearchHit("s1", 0.9, Map.of()));

    private final StubStore store = new StubStore();
    private final AtomicLong clock = new AtomicLong();
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final GuardedSearcher guarded = new GuardedSearcher(store, Duration.ofMillis(200), metrics, clock::get);

    @AfterEach
    void close() {
        guarded.close();
    }

    @Test
    void aCallPastTheDeadlineIsA503AndTheStoreIsLeftAloneUntilTheCooldownEnds() {
        store.hang();
        UnavailableException late = assertThrows(UnavailableException.class, () -> guarded.search(REQUEST));
        assertEquals(503, late.status());
        assertEquals(GuardedSearcher.COOLDOWN.toSeconds(), late.retryAfterSeconds());
        assertTrue(late.getMessage().contains("within 200 ms"), late.getMessage());
        assertTrue(metrics.prometheus().contains("vecsync_store_timeouts_total 1"), metrics.prometheus());

        store.answer = () -> HITS;
        clock.addAndGet(GuardedSearcher.COOLDOWN.toNanos() / 2);
        UnavailableException cooling = assertThrows(UnavailableException.class, () -> guarded.checkReachable());
        assertEquals(503, cooling.status());
        assertEquals(3, cooling.retryAfterSeconds(), "the rest of the cooldown, rounded up");
        assertEquals(1, store.calls.get(), "the store is not called during the cooldown");

        clock.addAndGet(GuardedSearcher.COOLDOWN.toNanos() / 2);
        assertEquals(HITS, guarded.search(REQUEST));
        assertEquals(HITS, guarded.search(REQUEST));
        assertEquals(3, store.calls.get(), "once a call is answered, every call goes to the store again");
    }

    @Test
    void aTryThatTimesOutStartsAnotherCooldown() {
        store.hang();
        assertThrows(UnavailableException.class, () -> guarded.search(REQUEST));
        clock.addAndGet(GuardedSearcher.COOLDOWN.toNanos());
        assertThrows(UnavailableException.class, () -> guarded.search(REQUEST));
        assertEquals(2, store.calls.get());
        store.answer = () -> HITS;
        assertThrows(UnavailableException.class, () -> guarded.search(REQUEST));
        assertEquals(2, store.calls.get());
    }

    @Test
    void anUnreachableStoreIsA503InTheServicesWordsAndOtherFailuresPassAsTheyAre() {
        store.fail(new StoreUnavailableException("connect to db.internal:5432 refused"));
        UnavailableException unreachable = assertThrows(UnavailableException.class, () -> guarded.search(REQUEST));
        assertEquals(503, unreachable.status());
        assertFalse(unreachable.getMessage().contains("db.internal"), unreachable.getMessage());

        StoreException missingTable = new StoreException("relation \"segments\" does not exist");
        store.fail(missingTable);
        assertSame(missingTable, assertThrows(StoreException.class, () -> guarded.search(REQUEST)));
        assertEquals(2, store.calls.get(), "fast failures do not stop calls to the store");
    }
}
