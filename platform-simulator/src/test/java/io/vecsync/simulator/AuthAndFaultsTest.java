/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthAndFaultsTest {

    private PlatformSimulator simulator;
    private ApiClient api;
    private String videoId;

    @BeforeEach
    void start() {
        simulator = PlatformSimulator.builder()
                .videos(3)
                .apiKey("sk-sim-test")
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
    void missingOrWrongKeyIsUnauthorized() {
        for (String key : new String[] {null, "sk-wrong"}) {
            HttpResponse<String> response = api.get(ApiClient.LIST, key);
            assertEquals(401, response.statusCode());
            assertEquals(
                    "Invalid or missing API key",
                    ApiClient.parse(response).get("detail").asText());
        }
        assertEquals(200, api.get(ApiClient.LIST, "sk-sim-test").statusCode());
    }

    @Test
    void revokedKeyIsForbiddenOnEveryRouteUntilRestored() {
        simulator.apiKeyRevoked(true);
        assertEquals(403, api.get(ApiClient.LIST).statusCode());
        assertEquals(403, api.get(ApiClient.EMBEDDINGS + videoId).statusCode());
        assertEquals(403, api.postText("dog").statusCode());
        simulator.apiKeyRevoked(false);
        assertEquals(200, api.get(ApiClient.LIST).statusCode());
    }

    @Test
    void failNextAnswersTheStatusCountTimesOnThatRouteOnly() {
        simulator.failNext(Route.VIDEOS_LIST, 429, 2);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = api.get(ApiClient.LIST);
            assertEquals(429, response.statusCode());
            assertEquals(Optional.of("1"), response.headers().firstValue("Retry-After"));
            assertTrue(ApiClient.parse(response).get("detail").isTextual());
            assertEquals(200, api.get(ApiClient.DETAILS + videoId).statusCode());
        }
        assertEquals(200, api.get(ApiClient.LIST).statusCode());
        assertEquals(3, simulator.requests(Route.VIDEOS_LIST));
        assertEquals(2, simulator.requests(Route.VIDEO_DETAILS));
        assertEquals(5, simulator.requests(Route.ANY));
    }

    @Test
    void failNextOnAnyHitsWhicheverRouteComesNext() {
        simulator.failNext(Route.ANY, 503, 1);

        HttpResponse<String> failed = api.get(ApiClient.COLLECTIONS);
        assertEquals(503, failed.statusCode());
        assertTrue(failed.headers().firstValue("Retry-After").isEmpty());
        assertEquals(200, api.get(ApiClient.COLLECTIONS).statusCode());
    }

    @Test
    void chaosFailsWithTheListedStatusesUntilTurnedOff() {
        simulator.chaos(1.0, 500, 502);
        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(api.get(ApiClient.SEARCH_STATUS + videoId).statusCode());
        }
        assertEquals(Set.of(500, 502), statuses);

        simulator.chaos(0.5, 503);
        statuses.clear();
        for (int i = 0; i < 40; i++) {
            statuses.add(api.get(ApiClient.SEARCH_STATUS + videoId).statusCode());
        }
        assertEquals(Set.of(200, 503), statuses);

        simulator.chaos(0);
        assertEquals(200, api.get(ApiClient.SEARCH_STATUS + videoId).statusCode());
    }

    @Test
    void latencyDelaysEveryRequest() {
        simulator.latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertEquals(200, api.get(ApiClient.ANALYSE_STATUS + videoId).statusCode());
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void aRedirectSendsTheSameRequestElsewhereBeforeTheKeyIsChecked() {
        try (PlatformSimulator target = PlatformSimulator.builder()
                .videos(0)
                .apiKey("sk-sim-test")
                .build()
                .start()) {
            simulator.redirect(Route.VIDEO_EMBEDDINGS, target.baseUrl());
            String path = ApiClient.EMBEDDINGS + videoId + "?trace=1";

            HttpResponse<String> withoutKey = api.get(path, null);
            assertEquals(307, withoutKey.statusCode());
            String location = withoutKey.headers().firstValue("Location").orElseThrow();
            assertEquals(target.baseUrl() + path, location);
            assertEquals(307, api.get(path).statusCode());
            assertEquals(200, api.get(ApiClient.LIST).statusCode(), "other routes are served");
            assertEquals(0, simulator.creditsCharged());

            // A client that follows the redirect and rightly drops the key for the other host.
            assertEquals(401, ApiClient.getUrl(location, null).statusCode());
            assertEquals(1, target.requests(Route.VIDEO_EMBEDDINGS));
            assertEquals(0, target.requestsWithApiKeyHeader(Route.VIDEO_EMBEDDINGS));
            assertEquals(1, simulator.requestsWithApiKeyHeader(Route.VIDEO_EMBEDDINGS));
            assertEquals(2, simulator.requestsWithApiKeyHeader(Route.ANY));

            simulator.clearRedirect(Route.VIDEO_EMBEDDINGS);
            assertEquals(200, api.get(path).statusCode());
        }
    }

    @Test
    void unknownPathsAreNotFoundAndCountOnlyUnderAny() {
        assertEquals(
                404, api.get("/api/backend/v1/developer/videos/nothing-here").statusCode());
        assertEquals(1, simulator.requests(Route.ANY));
        assertEquals(0, simulator.requests(Route.VIDEOS_LIST));
    }
}
