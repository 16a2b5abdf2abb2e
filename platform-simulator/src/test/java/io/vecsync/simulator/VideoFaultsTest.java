/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults that single out one video: failing requests and embeddings answers that are not ready, empty or huge. */
class VideoFaultsTest {

    private PlatformSimulator simulator;
    private ApiClient api;
    private String failing;
    private String healthy;

    @BeforeEach
    void start() {
        simulator = PlatformSimulator.builder().videos(3).dimension(16).build().start();
        api = new ApiClient(simulator);
        failing = simulator.videoIds().get(0);
        healthy = simulator.videoIds().get(1);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aFailedVideoAnswersTheStatusUntilClearedAndOthersAreServed() {
        for (int status : new int[] {403, 404, 400, 422, 500}) {
            simulator.failVideo(failing, Route.VIDEO_EMBEDDINGS, status);
            HttpResponse<String> failed = api.get(ApiClient.EMBEDDINGS + failing);
            assertEquals(status, failed.statusCode());
            assertTrue(ApiClient.parse(failed).get("detail").isTextual());
            assertEquals(200, api.get(ApiClient.EMBEDDINGS + healthy).statusCode());
        }
        assertEquals(200, api.get(ApiClient.DETAILS + failing).statusCode(), "only the embeddings fail");
        // 400 and 422 are charged; 403 is refused, 404 and 500 refunded.
        assertEquals(5 + 2, simulator.creditsCharged());

        simulator.failVideo(failing, Route.VIDEO_DETAILS, 404);
        assertEquals(404, api.get(ApiClient.DETAILS + failing).statusCode());
        assertEquals(200, api.get(ApiClient.DETAILS + healthy).statusCode());

        simulator.clearVideoFailure(failing);
        assertEquals(200, api.get(ApiClient.DETAILS + failing).statusCode());
        assertEquals(200, api.get(ApiClient.EMBEDDINGS + failing).statusCode());
        assertThrows(IllegalArgumentException.class, () -> simulator.failVideo(failing, Route.VIDEOS_LIST, 500));
    }

    @Test
    void embeddingsCanAnswerProcessingOrEmptyWithStatus200() {
        simulator.embeddingsAnswer(failing, EmbeddingsAnswer.STATUS_PROCESSING);
        JsonNode processing = api.json(ApiClient.EMBEDDINGS + failing);
        assertEquals(failing, processing.get("id").asText());
        assertEquals("processing", processing.get("status").asText());
        assertEquals(0, processing.get("data").size());

        simulator.embeddingsAnswer(failing, EmbeddingsAnswer.EMPTY_DATA);
        JsonNode empty = api.json(ApiClient.EMBEDDINGS + failing);
        assertEquals("ready", empty.get("status").asText());
        assertEquals(0, empty.get("data").size());
        assertEquals(
                simulator.segments(healthy).size(),
                api.json(ApiClient.EMBEDDINGS + healthy).get("data").size());

        simulator.embeddingsAnswer(failing, EmbeddingsAnswer.NORMAL);
        assertEquals(
                simulator.segments(failing).size(),
                api.json(ApiClient.EMBEDDINGS + failing).get("data").size());
    }

    @Test
    void anOversizedAnswerIsTheSameDocumentPaddedPastTheSize() {
        HttpResponse<String> normal = api.get(ApiClient.EMBEDDINGS + failing);
        simulator.embeddingsAnswer(failing, EmbeddingsAnswer.oversized(100_000));

        HttpResponse<String> oversized = api.get(ApiClient.EMBEDDINGS + failing);
        assertEquals(200, oversized.statusCode());
        assertTrue(
                oversized.body().length() > 100_000,
                "length " + oversized.body().length());
        assertEquals(ApiClient.parse(normal), ApiClient.parse(oversized));
    }

    @Test
    void aVideoThatIsNotDoneStillConflictsWhateverItsAnswer() {
        String pending = simulator.upload("Pending", 2, false);
        simulator.embeddingsAnswer(pending, EmbeddingsAnswer.EMPTY_DATA);
        assertEquals(409, api.get(ApiClient.EMBEDDINGS + pending).statusCode());
    }
}
