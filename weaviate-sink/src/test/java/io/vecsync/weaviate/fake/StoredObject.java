/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import java.util.Map;

/**
 * An object as the fake Weaviate holds it.
 *
 * @param properties property name to String, Double, Long or Boolean, as Weaviate stores them
 * @param vectors    vector name to vector; a collection's legacy (unnamed) vector is under {@value #LEGACY}
 */
public record StoredObject(String id, Map<String, Object> properties, Map<String, float[]> vectors) {

    /** The key of a collection's legacy, unnamed vector. */
    public static final String LEGACY = "";

    public StoredObject {
        properties = Map.copyOf(properties);
        vectors = Map.copyOf(vectors);
    }

    /** The object's only vector, legacy or named; null when it has none. */
    public float[] vector() {
        if (vectors.size() > 1) {
            throw new IllegalStateException("object " + id + " has vectors " + vectors.keySet());
        }
        return vectors.values().stream().findFirst().orElse(null);
    }
}
