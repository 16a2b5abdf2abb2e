/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import static io.vecsync.platform.Fixtures.EMBEDDINGS;
import static io.vecsync.platform.Fixtures.KEY;
import static io.vecsync.platform.Fixtures.LISTING;
import static io.vecsync.platform.Fixtures.READY;
import static io.vecsync.platform.Fixtures.VIDEO;
import static io.vecsync.platform.Fixtures.settings;
import static io.vecsync.platform.LocalServer.endless;
import static io.vecsync.platform.LocalServer.hangUp;
import static io.vecsync.platform.LocalServer.json;
import static io.vecsync.platform.LocalServer.redirect;
import static io.vecsync.platform.LocalServer.slow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.platform.Fixtures.Counts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's transport against a local server: retries, timeouts, the key, redirects, the body cap, closing, threads. */
class PlatformClientTest {

    private static final String LIST = PlatformClient.LIST_PATH;
    private static final VideoQuery FIRST_PAGE = VideoQuery.doneVideos(null, 0, 50);

    private final LocalServer server = LocalServer.start();
    private final Counts counts = new Counts();

    @AfterEach
    void stop() {
        server.close();
    }

    private PlatformClient client(PlatformSettings settings) {
        return new PlatformClient(settings, counts);
    }

    private PlatformClient client() {
        return client(settings(server.baseUrl()));
    }

    @Test
    void theKeyTravelsOnlyInItsHeader() {
        server.on(LIST, json(200, LISTING));
        client().listVideos(FIRST_PAGE);
        LocalServer.Seen request = server.seen().get(0);
        assertEquals(KEY, request.apiKey());
        assertFalse(request.pathAndQuery().contains(KEY), request.pathAndQuery());
        assertEquals(
                LIST + "?status=search_processed&skip=0&limit=50&sort_by=created_at&sort_order=asc",
                request.pathAndQuery());
        assertFalse(settings(server.baseUrl()).toString().contains(KEY));
    }

    @Test
    void serverErrorsBackOffAtMostRetryMaxTimesThenNameTheRequest() {
        server.on(LIST, json(503, "{}"), json(500, "{}"), json(408, "{}"), json(502, "{}"), json(200, LISTING));
        PlatformUnavailableException error =
                assertThrows(PlatformUnavailableException.class, () -> client().listVideos(FIRST_PAGE));
        assertEquals(PlatformUnavailableException.Reason.SERVER_ERROR, error.reason());
        assertEquals("GET " + LIST + " still failing after 3 retries: HTTP 502", error.getMessage());
        assertEquals(4, server.seen().size());
        assertEquals(3, counts.retries.get());
        assertEquals(4, counts.requests.get());
    }

    @Test
    void aRecoveringServerIsReachedOnARetry() {
        server.on(LIST, hangUp(), json(500, "{}"), json(200, LISTING));
        assertEquals(VIDEO, client().listVideos(FIRST_PAGE).get(0).id());
        assertEquals(2, counts.retries.get());
    }

    @Test
    void aSlowAnswerOrASlowBodyTimesOut() {
        server.on(LIST, slow(Duration.ofSeconds(3), json(200, LISTING)));
        PlatformClient impatient = client(settings(server.baseUrl(), 1, Duration.ofMillis(200), 1 << 20));
        long start = System.nanoTime();
        PlatformUnavailableException error =
                assertThrows(PlatformUnavailableException.class, () -> impatient.listVideos(FIRST_PAGE));
        assertEquals(PlatformUnavailableException.Reason.TIMED_OUT, error.reason());
        assertTrue(error.getMessage().contains("no answer within 200 ms"), error.getMessage());
        assertEquals(2, server.seen().size());
        assertTrue(millisSince(start) < 2_000, "took " + millisSince(start) + " ms");

        // Headers at once, then a body that never ends: the timeout bounds the download too (the cap is not reached).
        server.on(EMBEDDINGS, endless());
        PlatformClient uncapped = client(settings(server.baseUrl(), 0, Duration.ofMillis(300), Integer.MAX_VALUE));
        assertEquals(
                PlatformUnavailableException.Reason.TIMED_OUT,
                assertThrows(PlatformUnavailableException.class, () -> uncapped.videoEmbeddings(VIDEO, 3))
                        .reason());
    }

    @Test
    void aRateLimitWaitsAsRetryAfterSaysAndIsCounted() {
        server.on(EMBEDDINGS, json(429, "{}", Map.of("Retry-After", "1")), json(429, "{}"), json(200, READY));
        long start = System.nanoTime();
        assertEquals(
                EmbeddingsResult.Outcome.READY,
                client().videoEmbeddings(VIDEO, 3).outcome());
        assertTrue(millisSince(start) >= 950, "waited only " + millisSince(start) + " ms");
        assertEquals(2, counts.rateLimited.get());
        assertEquals(3, counts.embeddings.get(), "every attempt may cost a credit");

        server.on(EMBEDDINGS, json(429, "{}", Map.of("Retry-After", "7")));
        PlatformUnavailableException limited = assertThrows(
                PlatformUnavailableException.class,
                () -> client(settings(server.baseUrl(), 0, Duration.ofSeconds(5), 1 << 20))
                        .videoEmbeddings(VIDEO, 3));
        assertEquals(PlatformUnavailableException.Reason.RATE_LIMITED, limited.reason());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter().orElseThrow());
    }

    @Test
    void redirectsWithinThePlatformKeepTheKeyAndElsewhereLoseIt() {
        try (LocalServer elsewhere = LocalServer.start()) {
            elsewhere.on("/mirror", json(200, READY));
            server.on(EMBEDDINGS, redirect(302, "/moved"));
            server.on("/moved", redirect(307, elsewhere.baseUrl() + "/mirror"));
            assertEquals(1, client().videoEmbeddings(VIDEO, 3).segments().size());
            assertEquals(KEY, server.seen().get(1).apiKey(), "same origin");
            assertNull(elsewhere.seen().get(0).apiKey(), "another origin never sees the key");
        }
    }

    @Test
    void aSeeOtherTurnsThePostIntoAGetAndEndlessRedirectsStop() {
        server.on(PlatformClient.TEXT_EMBEDDINGS_PATH, redirect(303, "/answer"));
        server.on("/answer", json(200, Fixtures.TEXT));
        client().textEmbedding("door", 3);
        assertEquals("GET", server.seen().get(1).method());

        server.on(LIST, redirect(301, LIST));
        PlatformException loop = assertThrows(PlatformException.class, () -> client().listVideos(FIRST_PAGE));
        assertTrue(loop.getMessage().contains("redirected more than 5 times"), loop.getMessage());
    }

    @Test
    void aBodyOverTheCapIsMalformedWithoutReadingItAll() {
        server.on(EMBEDDINGS, endless());
        MalformedResponseException embeddings = assertThrows(
                MalformedResponseException.class,
                () -> client(settings(server.baseUrl(), 0, Duration.ofSeconds(30), 64 * 1024))
                        .videoEmbeddings(VIDEO, 3));
        assertEquals("embeddings of video " + VIDEO + ": the answer is over 65536 bytes", embeddings.getMessage());

        server.on(LIST, json(200, LISTING));
        MalformedResponseException listing = assertThrows(
                MalformedResponseException.class,
                () -> client(settings(server.baseUrl(), 0, Duration.ofSeconds(5), 20))
                        .listVideos(FIRST_PAGE));
        assertEquals("GET " + LIST + ": the answer is over 20 bytes", listing.getMessage());
    }

    @Test
    void closingWakesABackoffAndLaterCallsFailFast() throws Exception {
        server.on(LIST, json(429, "{}", Map.of("Retry-After", "60")));
        PlatformClient client = client();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> waiting = caller.submit(() -> client.listVideos(FIRST_PAGE));
            Thread.sleep(300);
            long start = System.nanoTime();
            client.close();
            Exception error = assertThrows(Exception.class, waiting::get);
            assertTrue(millisSince(start) < 2_000, "took " + millisSince(start) + " ms");
            assertEquals(
                    PlatformUnavailableException.Reason.STOPPED,
                    ((PlatformUnavailableException) error.getCause()).reason());
        } finally {
            caller.shutdownNow();
        }
        int seen = server.seen().size();
        assertThrows(PlatformUnavailableException.class, () -> client.videoEmbeddings(VIDEO, 3));
        assertEquals(seen, server.seen().size());
    }

    @Test
    void threadsShareOneClient() throws Exception {
        server.on(
                EMBEDDINGS,
                json(200, READY),
                json(503, "{}"),
                json(200, READY),
                json(200, READY),
                json(503, "{}"),
                json(200, READY));
        PlatformClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<EmbeddingsResult>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> client.videoEmbeddings(VIDEO, 3)));
            }
            for (Future<EmbeddingsResult> result : results) {
                assertEquals(1, result.get().segments().size());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(66, server.seen().size());
        assertEquals(66, counts.requests.get());
        assertEquals(2, counts.retries.get());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
