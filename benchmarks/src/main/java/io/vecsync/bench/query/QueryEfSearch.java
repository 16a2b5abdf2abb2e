/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import io.vecsync.bench.common.Cost;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The HNSW index searched straight in SQL at one ef_search.
 *
 * @param recall recall@10 against the exact top-10s
 * @param cost   the run's CPU, for the contention it met
 */
record QueryEfSearch(int efSearch, double recall, QueryLatencies sql, Cost cost) {

    /** |found ∩ exact| / 10, averaged over the queries. */
    static double recall(List<List<String>> found, List<List<String>> exact) {
        double sum = 0;
        for (int i = 0; i < exact.size(); i++) {
            Set<String> truth = new HashSet<>(exact.get(i));
            sum += found.get(i).stream().filter(truth::contains).count() / (double) QueryClient.TOP_K;
        }
        return sum / exact.size();
    }
}
