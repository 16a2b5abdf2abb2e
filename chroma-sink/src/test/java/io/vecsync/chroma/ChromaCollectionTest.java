/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** How a collection's space and dimension are read from what the server says of it. */
class ChromaCollectionTest {

    private static ChromaCollection parse(String json) throws Exception {
        JsonNode collection = ChromaClient.JSON.readTree(json);
        return ChromaCollection.parse(collection);
    }

    @Test
    void theConfigurationsSpaceComesFirst() throws Exception {
        ChromaCollection collection = parse(
                "{\"id\": \"c1\", \"name\": \"video-segments\", \"dimension\": 1024,"
                        + " \"configuration_json\": {\"hnsw\": {\"space\": \"cosine\"}, \"spann\": null}, \"metadata\": {\"hnsw:space\": \"l2\"}}");
        assertEquals(new ChromaCollection("c1", "video-segments", "cosine", 1024), collection);
    }

    @Test
    void distributedChromaKeepsItInSpann() throws Exception {
        assertEquals(
                "ip",
                parse("{\"id\": \"c1\", \"configuration_json\": {\"hnsw\": null, \"spann\": {\"space\": \"ip\"}}}")
                        .space());
    }

    @Test
    void aCollectionFromBeforeChroma1HasItOnlyInItsMetadata() throws Exception {
        ChromaCollection collection =
                parse("{\"id\": \"c1\", \"configuration_json\": {}, \"metadata\": {\"hnsw:space\": \"cosine\"},"
                        + " \"dimension\": null}");
        assertEquals("cosine", collection.space());
        assertNull(collection.dimension(), "no vector written yet");
    }

    @Test
    void aCollectionThatNamesNoSpaceHasChromasDefault() throws Exception {
        assertEquals(
                "l2",
                parse("{\"id\": \"c1\", \"configuration_json\": {}, \"metadata\": null}")
                        .space());
    }
}
