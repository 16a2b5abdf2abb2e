/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.testing.StoredPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a Chroma collection holds, as the shared sink suites compare it. */
final class ChromaStoredPoints {

    private ChromaStoredPoints() {}

    /** Every record of the collection with its embedding and its metadata as text. */
    static Map<String, StoredPoint> readAll(ChromaTestCollections chroma, String name) {
        Map<String, StoredPoint> points = new HashMap<>();
        JsonNode collection = chroma.collection(name);
        if (collection == null) {
            return points;
        }
        JsonNode records = chroma.call(
                "POST",
                ChromaTestCollections.DATABASE + "/collections/"
                        + collection.get("id").asText() + "/get",
                Map.of("include", List.of("embeddings", "metadatas")));
        for (int i = 0; i < records.get("ids").size(); i++) {
            JsonNode embedding = records.get("embeddings").get(i);
            float[] vector = new float[embedding.size()];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = embedding.get(d).floatValue();
            }
            Map<String, String> payload = new HashMap<>();
            records.get("metadatas")
                    .get(i)
                    .properties()
                    .forEach(field ->
                            payload.put(field.getKey(), field.getValue().asText()));
            points.put(records.get("ids").get(i).asText(), new StoredPoint(vector, payload));
        }
        return points;
    }
}
