/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.search;

import java.util.List;

/**
 * A nearest-segment query.
 *
 * @param vector   the query vector, of the store's dimension
 * @param topK     hits wanted, best first
 * @param videoIds only segments of these videos; empty means all
 * @param minScore only hits with at least this cosine similarity; null means no floor
 */
public record SearchRequest(float[] vector, int topK, List<String> videoIds, Double minScore) {

    public SearchRequest {
        videoIds = List.copyOf(videoIds);
    }
}
