/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the sink needs to know of a Chroma collection (the API's {@code Collection}): its id, which the record endpoints
 * take; its distance space; and its dimension, which Chroma fixes at the first write.
 *
 * @param dimension null while the collection has never held a vector
 */
record ChromaCollection(String id, String name, String space, Integer dimension) {

    static final String COSINE = "cosine";
    /** Chroma's space for a collection that names none. */
    private static final String DEFAULT_SPACE = "l2";

    /**
     * The space is the configuration's (hnsw on a single node, spann on distributed Chroma); a collection from before
     * Chroma 1.0 may have it only in its metadata, as {@code hnsw:space}, where the platform docs' script puts it.
     */
    static ChromaCollection parse(JsonNode collection) {
        JsonNode configuration = collection.path("configuration_json");
        String space = firstText(
                configuration.path("hnsw").path("space"),
                configuration.path("spann").path("space"),
                collection.path("metadata").path("hnsw:space"));
        JsonNode dimension = collection.path("dimension");
        return new ChromaCollection(
                collection.path("id").asText(),
                collection.path("name").asText(),
                space == null ? DEFAULT_SPACE : space,
                dimension.isIntegralNumber() ? dimension.intValue() : null);
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return null;
    }
}
