/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VideoEndpointsTest {

    private static final List<String> ITEM_FIELDS = List.of(
            "video_id",
            "name",
            "status",
            "video_path",
            "thumbnail_path",
            "hls_playlist_path",
            "transcoding_status",
            "hls_generation_status",
            "thumbnail_generation_status",
            "analyse_status",
            "search_process_status",
            "created_at",
            "updated_at",
            "owner_tier");

    private PlatformSimulator simulator;
    private ApiClient api;

    @BeforeEach
    void start() {
        simulator = PlatformSimulator.builder().videos(12).build().start();
        api = new ApiClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void listIsWrappedNewestFirstWithEveryDocumentedField() {
        JsonNode page = api.json(ApiClient.LIST);

        assertEquals(12, page.get("total").asInt());
        assertEquals(0, page.get("skip").asInt());
        assertEquals(50, page.get("limit").asInt());
        List<JsonNode> items = api.items(ApiClient.LIST);
        assertEquals("Video 012", items.get(0).get("name").asText());
        assertEquals("Video 001", items.get(11).get("name").asText());
        JsonNode first = items.get(0);
        ITEM_FIELDS.forEach(field -> assertTrue(first.hasNonNull(field), field));
        assertEquals("2026-01-01T00:11:00Z", first.get("created_at").asText());
        assertEquals(
                simulator.hlsPlaylistUrl(first.get("video_id").asText()),
                first.get("hls_playlist_path").asText());
        Set<String> doneWords = items.stream()
                .map(item -> item.get("search_process_status").asText())
                .collect(Collectors.toSet());
        assertTrue(Set.of("success", "DONE", "done", "completed").containsAll(doneWords));
        assertTrue(doneWords.size() > 1, "done vocabulary should vary: " + doneWords);
    }

    @Test
    void skipAndLimitPage() {
        assertEquals(
                List.of("Video 004", "Video 005", "Video 006", "Video 007"),
                api.names(ApiClient.LIST + "?sort_order=asc&skip=3&limit=4"));
        assertEquals(List.of(), api.names(ApiClient.LIST + "?skip=12"));
        assertEquals(12, api.json(ApiClient.LIST + "?skip=12").get("total").asInt());
    }

    @Test
    void sortsByNameOrCreation() {
        simulator.upload("Aardvark", 2, true);

        assertEquals(
                "Aardvark",
                api.names(ApiClient.LIST + "?sort_by=name&sort_order=asc").get(0));
        assertEquals("Video 012", api.names(ApiClient.LIST + "?sort_by=name").get(0));
        assertEquals(
                "Aardvark", api.names(ApiClient.LIST + "?sort_by=created_at").get(0));
    }

    @Test
    void statusFilterFollowsTheSearchProcess() {
        String pending = simulator.upload("Pending", 3, false);

        assertEquals(
                13, api.json(ApiClient.LIST + "?status=uploaded").get("total").asInt());
        assertEquals(
                12, api.json(ApiClient.LIST + "?status=processed").get("total").asInt());
        assertEquals(
                12,
                api.json(ApiClient.LIST + "?status=search_processed")
                        .get("total")
                        .asInt());
        assertEquals(
                "in_progress",
                api.items(ApiClient.LIST).get(0).get("search_process_status").asText());

        simulator.completeSearchProcess(pending);
        assertEquals(
                13, api.json(ApiClient.LIST + "?status=processed").get("total").asInt());
    }

    @Test
    void timeWindowFiltersCreationInclusively() {
        assertEquals(
                List.of("Video 005", "Video 004", "Video 003"),
                api.names(ApiClient.LIST + "?start_time=2026-01-01T00:02:00Z&end_time=2026-01-01T00:04:00Z"));
        assertEquals(
                List.of("Video 012", "Video 011"),
                api.names(ApiClient.LIST + "?start_time=2026-01-01T00:10:00%2B00:00"));
    }

    @Test
    void invalidParametersAreUnprocessable() {
        for (String query : List.of(
                "limit=0",
                "limit=501",
                "skip=-1",
                "sort_by=size",
                "sort_order=up",
                "status=ready",
                "start_time=yesterday")) {
            assertEquals(422, api.get(ApiClient.LIST + "?" + query).statusCode(), query);
        }
        assertEquals(200, api.get(ApiClient.LIST + "?limit=500").statusCode());
    }

    @Test
    void listComesInEveryShape() {
        simulator.listShape(ListShape.BARE_ARRAY);
        JsonNode bare = api.json(ApiClient.LIST + "?limit=5");
        assertTrue(bare.isArray());
        assertEquals(5, bare.size());

        simulator.listShape(ListShape.WRAPPED_VIDEOS);
        JsonNode wrapped = api.json(ApiClient.LIST + "?limit=5");
        assertEquals(5, wrapped.get("videos").size());
        assertEquals(12, wrapped.get("total").asInt());
        assertFalse(wrapped.has("data"));
    }

    @Test
    void detailsAddMetadataAndStatusesReportPipelines() {
        String videoId = simulator.videoIds().get(0);
        JsonNode details = api.json(ApiClient.DETAILS + videoId);
        assertEquals(videoId, details.get("video_id").asText());
        assertTrue(details.get("video_metadata").get("duration_seconds").asInt() > 0);

        String pending = simulator.upload("Pending", 3, false);
        JsonNode searchStatus = api.json(ApiClient.SEARCH_STATUS + pending);
        assertEquals("in_progress", searchStatus.get("status").asText());
        assertTrue(searchStatus.get("percentage").asInt() < 100);
        assertEquals(
                "done",
                api.json(ApiClient.ANALYSE_STATUS + pending).get("status").asText());

        assertEquals(
                404,
                api.get(ApiClient.DETAILS + "00000000-0000-4000-8000-000000000000")
                        .statusCode());
        assertEquals(
                422,
                api.get("/api/backend/v1/developer/videos/get-video-details").statusCode());
    }

    @Test
    void deletedVideoIsGoneEverywhere() {
        String videoId = simulator.videoIds().get(3);
        simulator.delete(videoId);

        assertFalse(simulator.videoIds().contains(videoId));
        assertEquals(11, api.json(ApiClient.LIST).get("total").asInt());
        assertTrue(api.items(ApiClient.LIST).stream()
                .noneMatch(i -> i.get("video_id").asText().equals(videoId)));
        for (String path : List.of(ApiClient.DETAILS, ApiClient.SEARCH_STATUS, ApiClient.EMBEDDINGS)) {
            assertEquals(404, api.get(path + videoId).statusCode(), path);
        }
    }

    @Test
    void everyStateChangeMovesUpdatedAtForward() {
        String videoId = simulator.videoIds().get(0);
        Instant created = Instant.parse(
                api.json(ApiClient.DETAILS + videoId).get("updated_at").asText());

        simulator.startReprocessing(videoId);
        Instant started = Instant.parse(
                api.json(ApiClient.DETAILS + videoId).get("updated_at").asText());
        simulator.finishReprocessing(videoId);
        Instant finished = Instant.parse(
                api.json(ApiClient.DETAILS + videoId).get("updated_at").asText());

        assertTrue(created.isBefore(started) && started.isBefore(finished));
    }

    @Test
    void collectionsPageTheirExistingVideos() {
        List<String> ids = simulator.videoIds();
        String collectionId = simulator.createCollection("Favourites", ids.subList(0, 3));
        simulator.addToCollection(collectionId, ids.get(5));
        simulator.delete(ids.get(1));

        JsonNode collection = api.items(ApiClient.COLLECTIONS).get(0);
        assertEquals(collectionId, collection.get("collection_id").asText());
        assertEquals("Favourites", collection.get("name").asText());
        assertEquals(3, collection.get("video_count").asInt());

        String videos = ApiClient.COLLECTION_VIDEOS.formatted(collectionId);
        JsonNode firstPage = api.json(videos + "?page=1&page_size=2");
        assertEquals(3, firstPage.get("total").asInt());
        assertEquals(List.of("Video 006", "Video 003"), api.names(videos + "?page=1&page_size=2"));
        assertEquals(List.of("Video 001"), api.names(videos + "?page=2&page_size=2"));
        assertEquals(
                404,
                api.get("/api/backend/v1/developer/collections/unknown/videos").statusCode());
    }
}
