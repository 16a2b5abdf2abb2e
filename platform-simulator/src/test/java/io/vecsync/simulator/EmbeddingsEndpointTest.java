/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddingsEndpointTest {

    private PlatformSimulator simulator;
    private ApiClient api;
    private String videoId;

    @BeforeEach
    void start() {
        simulator = PlatformSimulator.builder()
                .videos(5)
                .segmentsPerVideo(8, 16)
                .build()
                .start();
        api = new ApiClient(simulator);
        videoId = simulator.videoIds().get(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void servesTheVideosSegmentsExactly() {
        JsonNode response = api.json(ApiClient.EMBEDDINGS + videoId);

        assertEquals(videoId, response.get("id").asText());
        assertEquals("ready", response.get("status").asText());
        List<Segment> truth = simulator.segments(videoId);
        assertTrue(truth.size() >= 8 && truth.size() <= 16, "segments: " + truth.size());
        assertEquals(truth.size(), response.get("data").size());
        for (int i = 0; i < truth.size(); i++) {
            JsonNode served = response.get("data").get(i);
            assertEquals(truth.get(i).start(), served.get("start").asText());
            assertEquals(truth.get(i).end(), served.get("end").asText());
            assertEquals("visual", served.get("embedding_option").asText());
            assertEquals("clip", served.get("embedding_scope").asText());
            assertArrayEquals(truth.get(i).embedding(), floats(served.get("embedding")));
        }
        assertEquals(1024, truth.get(0).embedding().length);
    }

    @Test
    void everyBoundaryIsEmbeddedOncePerOption() {
        try (PlatformSimulator twoOptions = PlatformSimulator.builder()
                .videos(1)
                .embeddingOptions("visual", "audio")
                .build()) {
            List<Segment> segments = twoOptions.segments(twoOptions.videoIds().get(0));
            for (int i = 0; i < segments.size(); i += 2) {
                assertEquals(segments.get(i).start(), segments.get(i + 1).start());
                assertEquals(segments.get(i).end(), segments.get(i + 1).end());
                assertEquals(
                        List.of("visual", "audio"),
                        List.of(segments.get(i).option(), segments.get(i + 1).option()));
            }
        }
    }

    @Test
    void creditsAreChargedPerCallAndRefundedOnNotFoundAndServerErrors() {
        String pending = simulator.upload("Pending", 2, false);

        assertEquals(200, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());
        assertEquals(409, api.get(ApiClient.EMBEDDINGS + pending).statusCode());
        assertEquals(404, api.get(ApiClient.EMBEDDINGS + "no-such-video").statusCode());
        simulator.failNext(Route.VIDEO_EMBEDDINGS, 503, 1);
        assertEquals(503, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());
        simulator.failNext(Route.VIDEO_EMBEDDINGS, 408, 1);
        assertEquals(408, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());
        simulator.failNext(Route.VIDEO_EMBEDDINGS, 429, 1);
        assertEquals(429, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());
        assertEquals(401, api.get(ApiClient.EMBEDDINGS + videoId, "sk-wrong").statusCode());

        assertEquals(7, simulator.embeddingsCalls());
        assertEquals(5, simulator.embeddingsCalls(videoId));
        assertEquals(1, simulator.embeddingsCalls(pending));
        assertEquals(2, simulator.creditsCharged());
    }

    @Test
    void notReadyAnswersConflictWhileTheListSaysDone() {
        simulator.notReady(videoId, true);
        assertEquals(409, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());
        assertEquals(
                "processed", api.json(ApiClient.DETAILS + videoId).get("status").asText());

        simulator.notReady(videoId, false);
        assertEquals(200, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());
    }

    @Test
    void corruptionBreaksTheResponseUntilRepaired() {
        simulator.corrupt(videoId, Corruption.MALFORMED_JSON);
        HttpResponse<String> malformed = api.get(ApiClient.EMBEDDINGS + videoId);
        assertEquals(200, malformed.statusCode());
        assertThrows(UncheckedIOException.class, () -> ApiClient.parse(malformed));

        simulator.corrupt(videoId, Corruption.WRONG_DIMENSION);
        List<Integer> dimensions = new ArrayList<>();
        api.json(ApiClient.EMBEDDINGS + videoId)
                .get("data")
                .forEach(segment -> dimensions.add(segment.get("embedding").size()));
        assertEquals(1, dimensions.stream().filter(d -> d == 1023).count());
        assertEquals(
                dimensions.size() - 1,
                dimensions.stream().filter(d -> d == 1024).count());

        simulator.repair(videoId);
        api.json(ApiClient.EMBEDDINGS + videoId)
                .get("data")
                .forEach(segment -> assertEquals(1024, segment.get("embedding").size()));
    }

    @Test
    void reprocessingReplacesBoundariesAndCountsAVersion() {
        List<Segment> before = simulator.segments(videoId);
        assertEquals(5, simulator.versionsCompleted());

        simulator.startReprocessing(videoId);
        assertEquals(409, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());
        assertEquals(
                "in_progress",
                api.json(ApiClient.SEARCH_STATUS + videoId).get("status").asText());
        assertTrue(simulator.liveSegments().stream().noneMatch(s -> s.videoId().equals(videoId)));

        simulator.finishReprocessing(videoId);
        List<Segment> after = simulator.segments(videoId);
        assertEquals(6, simulator.versionsCompleted());
        assertNotEquals(before.size(), after.size());
        assertEquals("00:00:07", after.get(0).end());
        assertEquals(
                after.size(),
                api.json(ApiClient.EMBEDDINGS + videoId).get("data").size());
        assertEquals(
                before.get(before.size() - 1).end(), after.get(after.size() - 1).end(), "same video duration");

        simulator.reprocess(videoId);
        assertEquals(7, simulator.versionsCompleted());
        assertNotEquals(after.size(), simulator.segments(videoId).size());
    }

    @Test
    void lateCompletionMakesEmbeddingsAvailable() {
        String late = simulator.upload("Late", 4, false);
        assertEquals(409, api.get(ApiClient.EMBEDDINGS + late).statusCode());
        assertEquals(5, simulator.versionsCompleted());

        simulator.completeSearchProcess(late);
        simulator.completeSearchProcess(late);
        assertEquals(6, simulator.versionsCompleted(), "completing a done video again changes nothing");
        assertEquals(4, api.json(ApiClient.EMBEDDINGS + late).get("data").size());
        assertEquals(
                4,
                simulator.liveSegments().stream()
                        .filter(s -> s.videoId().equals(late))
                        .count());
    }

    @Test
    void textEndpointEmbedsOneToFourThousandNinetySixCharacters() {
        JsonNode response = ApiClient.parse(api.postText("Striped shirt in the rain"));
        assertEquals("ready", response.get("status").asText());
        assertEquals(1, response.get("data").size());
        assertArrayEquals(
                simulator.textEmbedding("striped shirt in the rain"),
                floats(response.get("data").get(0).get("embedding")));

        assertEquals(200, api.postText("a".repeat(4096)).statusCode());
        assertEquals(422, api.postText("").statusCode());
        assertEquals(422, api.postText("a".repeat(4097)).statusCode());
        assertEquals(4, simulator.textEmbeddingCalls());
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        IntStream.range(0, values.length).forEach(i -> values[i] = array.get(i).floatValue());
        return values;
    }
}
