/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing pages deep into a catalog of 200,000 videos, some re-processing and some deleted. */
class LargeCatalogTest {

    private static final int VIDEOS = 200_000;
    private static final String DONE_ASC =
            ApiClient.LIST + "?status=search_processed&sort_by=created_at&sort_order=asc&limit=500";

    private static PlatformSimulator simulator;
    private static ApiClient api;
    /** Every video ever created, in creation order. */
    private static List<String> created;
    /** The existing videos whose search-process is done, in creation order. */
    private static List<String> done;

    @BeforeAll
    static void start() {
        simulator = PlatformSimulator.builder()
                .videos(VIDEOS)
                .segmentsPerVideo(1, 3)
                .dimension(8)
                .build()
                .start();
        api = new ApiClient(simulator);
        created = new ArrayList<>(simulator.videoIds());
        created.add(simulator.upload("Pending", 1, false));
        created.add(simulator.upload("Late", 1, true));
        done = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            if (i % 13 == 0) {
                simulator.delete(created.get(i));
            } else if (i % 7 == 0 || i == VIDEOS) {
                simulator.startReprocessing(created.get(i));
            } else {
                done.add(created.get(i));
            }
        }
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void pagesAtLargeSkipsHoldTheDoneVideosInCreationOrder() {
        for (int skip : new int[] {0, 499, 60_000, 123_457, done.size() - 200}) {
            JsonNode page = api.json(DONE_ASC + "&skip=" + skip);
            assertEquals(done.size(), page.get("total").asInt());
            assertEquals(done.subList(skip, Math.min(skip + 500, done.size())), ids(page));
        }
        assertEquals(List.of(), ids(api.json(DONE_ASC + "&skip=" + done.size())));
    }

    @Test
    void newestFirstPagesFromTheEnd() {
        List<String> page = api.ids(ApiClient.LIST + "?status=processed&sort_order=desc&limit=300&skip=100000");
        List<String> expected = IntStream.range(100_000, 100_300)
                .mapToObj(i -> done.get(done.size() - 1 - i))
                .toList();
        assertEquals(expected, page);
    }

    @Test
    void theTimeWindowIsHonouredInclusively() {
        String first = created.get(150_001);
        String last = created.get(180_000);
        String window = "&start_time=" + createdAt(first) + "&end_time=" + createdAt(last);
        List<String> inWindow = done.subList(done.indexOf(first), done.indexOf(last) + 1);

        JsonNode page = api.json(DONE_ASC + window + "&skip=1000");
        assertEquals(inWindow.size(), page.get("total").asInt());
        assertEquals(inWindow.subList(1000, 1500), ids(page));
        assertEquals(
                inWindow.get(inWindow.size() - 1),
                ids(api.json(DONE_ASC + window + "&skip=" + (inWindow.size() - 1)))
                        .get(0));
    }

    @Test
    void everyStatusButTheDoneOnesListsAllExistingVideos() {
        int existing = (int)
                IntStream.range(0, created.size()).filter(i -> i % 13 != 0).count();
        assertEquals(
                existing,
                api.json(ApiClient.LIST + "?status=uploaded&limit=1")
                        .get("total")
                        .asInt());
        assertEquals(
                existing,
                api.json(ApiClient.LIST + "?status=analysed&limit=1")
                        .get("total")
                        .asInt());
        assertEquals(List.of(created.get(VIDEOS + 1), created.get(VIDEOS)), api.ids(ApiClient.LIST + "?limit=2"));
    }

    @Test
    void walkingManyPagesIsCheap() {
        long started = System.nanoTime();
        for (int skip = 100_000; skip < 150_000; skip += 500) {
            assertEquals(500, ids(api.json(DONE_ASC + "&skip=" + skip)).size());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5_000, "100 pages took " + millis + " ms");
    }

    @Test
    void collectionsOfManyVideosPageByAtMostOneHundred() {
        String collectionId = simulator.createCollection("Many", done.subList(0, 100_000));
        String videos = ApiClient.COLLECTION_VIDEOS.formatted(collectionId);

        JsonNode page = api.json(videos + "?page=700&page_size=100&sort_order=asc");
        assertEquals(100_000, page.get("total").asInt());
        assertEquals(700, page.get("page").asInt());
        assertEquals(100, page.get("page_size").asInt());
        assertEquals(done.subList(69_900, 70_000), ids(page));
        assertEquals(422, api.get(videos + "?page_size=101").statusCode());
        assertEquals(422, api.get(videos + "?page_size=0").statusCode());
        assertEquals(422, api.get(ApiClient.COLLECTIONS + "?page_size=101").statusCode());
    }

    private static String createdAt(String videoId) {
        return api.json(ApiClient.DETAILS + videoId).get("created_at").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("video_id").asText()));
        return ids;
    }
}
