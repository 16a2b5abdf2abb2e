/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Cuts what a batch sends into requests within a store's limits: items per request and estimated bytes per request. */
public final class Requests {

    private Requests() {}

    /**
     * The items in order, in runs of at most {@code maxItems} whose sizes add up to at most {@code maxBytes}; an item
     * larger than {@code maxBytes} goes alone, for the store to refuse it alone.
     *
     * @param bytes an item's estimated share of a request's size on the wire
     */
    public static <T> List<List<T>> split(List<T> items, int maxItems, long maxBytes, ToLongFunction<T> bytes) {
        List<List<T>> requests = new ArrayList<>();
        int from = 0;
        long requestBytes = 0;
        for (int i = 0; i < items.size(); i++) {
            long size = bytes.applyAsLong(items.get(i));
            if (i > from && (i - from == maxItems || requestBytes + size > maxBytes)) {
                requests.add(items.subList(from, i));
                from = i;
                requestBytes = 0;
            }
            requestBytes += size;
        }
        if (from < items.size()) {
            requests.add(items.subList(from, items.size()));
        }
        return requests;
    }

    /** The items in order, in runs of at most {@code maxItems}. */
    public static <T> List<List<T>> split(List<T> items, int maxItems) {
        return split(items, maxItems, Long.MAX_VALUE, item -> 0);
    }
}
