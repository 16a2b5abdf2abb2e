/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a client that reads only the documented fields can see of the catalog. */
class DocumentedContractTest {

    private static final Set<String> VIDEO_FIELDS = Set.of(
            "video_id",
            "name",
            "status",
            "video_path",
            "thumbnail_path",
            "hls_playlist_path",
            "transcoding_status",
            "hls_generation_status",
            "thumbnail_generation_status",
            "created_at");
    private static final String DONE_LIST = ApiClient.LIST + "?status=search_processed&limit=500";

    private PlatformSimulator simulator;
    private ApiClient api;
    private String videoId;

    @BeforeEach
    void start() {
        simulator = PlatformSimulator.builder()
                .videos(6)
                .documentedFieldsOnly(true)
                .build()
                .start();
        api = new ApiClient(simulator);
        videoId = simulator.videoIds().get(2);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void itemsCarryExactlyTheDocumentedFields() {
        String collectionId = simulator.createCollection("All", simulator.videoIds());

        for (JsonNode item : api.items(ApiClient.LIST)) {
            assertEquals(VIDEO_FIELDS, keys(item));
        }
        for (JsonNode item : api.items(ApiClient.COLLECTION_VIDEOS.formatted(collectionId))) {
            assertEquals(VIDEO_FIELDS, keys(item));
        }
        Set<String> detailFields = new HashSet<>(VIDEO_FIELDS);
        detailFields.add("video_metadata");
        assertEquals(detailFields, keys(api.json(ApiClient.DETAILS + videoId)));

        simulator.documentedFieldsOnly(false);
        assertTrue(keys(api.items(ApiClient.LIST).get(0))
                .containsAll(Set.of("updated_at", "search_process_status", "analyse_status", "owner_tier")));
    }

    @Test
    void silentReprocessingChangesTheSegmentsButNoFieldOfTheVideo() {
        JsonNode item = item(ApiClient.LIST);
        JsonNode details = api.json(ApiClient.DETAILS + videoId);
        List<Segment> before = simulator.segments(videoId);

        simulator.reprocessSilently(videoId);

        assertEquals(item, item(ApiClient.LIST));
        assertEquals(item, item(DONE_LIST));
        assertEquals(details, api.json(ApiClient.DETAILS + videoId));
        List<Segment> after = simulator.segments(videoId);
        assertNotEquals(before.size(), after.size());
        assertEquals(
                after.size(),
                api.json(ApiClient.EMBEDDINGS + videoId).get("data").size());
        assertEquals(7, simulator.versionsCompleted());

        simulator.documentedFieldsOnly(false);
        JsonNode withExtras = item(ApiClient.LIST);
        simulator.reprocessSilently(videoId);
        assertEquals(withExtras, item(ApiClient.LIST), "updated_at does not move either");
    }

    @Test
    void reprocessingShowsOnlyAsTheStatusAndAbsenceFromTheDoneListings() {
        simulator.startReprocessing(videoId);

        assertEquals(
                "analysed", api.json(ApiClient.DETAILS + videoId).get("status").asText());
        assertFalse(api.ids(DONE_LIST).contains(videoId));
        assertFalse(api.ids(ApiClient.LIST + "?status=processed").contains(videoId));
        assertTrue(api.ids(ApiClient.LIST + "?status=uploaded").contains(videoId));
        assertTrue(api.ids(ApiClient.LIST + "?status=analysed").contains(videoId));
        assertEquals(409, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());

        simulator.finishReprocessing(videoId);
        assertEquals("processed", item(DONE_LIST).get("status").asText());
        assertEquals(200, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());
    }

    /** The video's item in the listing. */
    private JsonNode item(String listing) {
        return api.items(listing).stream()
                .filter(item -> item.get("video_id").asText().equals(videoId))
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new HashSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
