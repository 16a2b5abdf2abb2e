package io.vecsync.source;

import io.vecsync.simulator.ListShape;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Route;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's error mapping against the simulator's real HTTP answers. */
class PlatformClientTest {

    private static PlatformSimulator simulator;
    private SourceMetrics metrics;

    @BeforeAll
    static void startSimulator() {
        simulator = PlatformSimulator.builder().seed(21).videos(9).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void freshMetrics() {
        metrics = new SourceMetrics();
        simulator.chaos(0);
        simulator.latency(Duration.ZERO);
        simulator.apiKeyRevoked(false);
        simulator.listShape(ListShape.WRAPPED_DATA);
    }

    private PlatformClient client(String key, Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put(PlatformSourceConfig.BASE_URL, simulator.baseUrl());
        props.put(PlatformSourceConfig.API_KEY, key);
        props.put(PlatformSourceConfig.RETRY_MAX, "3");
        props.put(PlatformSourceConfig.RETRY_BACKOFF_MS, "10");
        props.put(PlatformSourceConfig.RETRY_BACKOFF_MAX_MS, "50");
        props.putAll(overrides);
        return new PlatformClient(new PlatformSourceConfig(props), metrics);
    }

    private PlatformClient client() {
        return client(simulator.apiKey(), Map.of());
    }

    @Test
    void pagesThroughEveryShapeOfListing() {
        for (ListShape shape : ListShape.values()) {
            simulator.listShape(shape);
            List<Video> first = client().listDoneVideos(0, 5, VideoScope.all());
            List<Video> second = client().listDoneVideos(5, 5, VideoScope.all());
            assertEquals(5, first.size(), shape.name());
            assertEquals(4, second.size(), shape.name());
            assertEquals(simulator.videoIds().subList(0, 5), first.stream().map(Video::id).toList(), "oldest first");
        }
    }

    @Test
    void aRateLimitIsRetriedAfterItsRetryAfterAndCounted() {
        String video = simulator.videoIds().get(0);
        simulator.failNext(Route.VIDEO_EMBEDDINGS, 429, 2);
        long start = System.nanoTime();
        EmbeddingsResult result = client().videoEmbeddings(video, 1024);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(EmbeddingsResult.Outcome.READY, result.outcome());
        assertEquals(simulator.segments(video).size(), result.segments().size());
        assertEquals(2, metrics.rateLimited.sum());
        assertEquals(2, metrics.retries.sum());
        assertEquals(3, metrics.embeddingsCalls.sum());
        // The simulator sends Retry-After: 1, which takes precedence over the 10-50 ms backoff.
        assertTrue(waitedMs >= 1_900, "waited only " + waitedMs + " ms");
    }

    @Test
    void serverErrorsAndTimeoutsRetryBoundedThenGiveUpRetriably() {
        // One attempt and three retries use up exactly four failures.
        simulator.failNext(Route.VIDEO_EMBEDDINGS, 503, 4);
        RetriableException error = assertThrows(RetriableException.class,
                () -> client().videoEmbeddings(simulator.videoIds().get(1), 1024));
        assertTrue(error.getMessage().contains("after 3 retries (platform.retry.max): HTTP 503"), error.getMessage());
        assertEquals(3, metrics.retries.sum());

        simulator.latency(Duration.ofMillis(600));
        RetriableException timeout = assertThrows(RetriableException.class,
                () -> client(simulator.apiKey(), Map.of(PlatformSourceConfig.REQUEST_TIMEOUT_MS, "150")).listDoneVideos(0, 5, VideoScope.all()));
        assertTrue(timeout.getMessage().contains("HttpTimeoutException"), timeout.getMessage());
    }

    @Test
    void aRecoveringServerIsReachedOnARetry() {
        simulator.failNext(Route.VIDEOS_LIST, 500, 1);
        simulator.failNext(Route.VIDEOS_LIST, 408, 1);
        assertEquals(9, client().listDoneVideos(0, 50, VideoScope.all()).size());
        assertEquals(2, metrics.retries.sum());
    }

    @Test
    void conflictMeansNotReadyAndNotFoundMeansGone() {
        String video = simulator.videoIds().get(2);
        simulator.notReady(video, true);
        try {
            assertEquals(EmbeddingsResult.Outcome.NOT_READY, client().videoEmbeddings(video, 1024).outcome());
        } finally {
            simulator.notReady(video, false);
        }
        assertEquals(EmbeddingsResult.Outcome.NOT_FOUND,
                client().videoEmbeddings("3fa85f64-5717-4562-b3fc-2c963f66afa6", 1024).outcome());
        assertTrue(client().videoDetails("3fa85f64-5717-4562-b3fc-2c963f66afa6").isEmpty());
        assertEquals(video, client().videoDetails(video).orElseThrow().id());
    }

    @Test
    void aRejectedKeyFailsNamingTheConfigKeyButNotTheKey() {
        ConnectException unauthorized = assertThrows(ConnectException.class,
                () -> client("sk-not-the-key", Map.of()).listDoneVideos(0, 5, VideoScope.all()));
        assertFalse(unauthorized instanceof RetriableException);
        assertTrue(unauthorized.getMessage().contains("HTTP 401") && unauthorized.getMessage().contains("platform.api.key"),
                unauthorized.getMessage());
        assertFalse(unauthorized.getMessage().contains("sk-not-the-key"));

        simulator.apiKeyRevoked(true);
        ConnectException forbidden = assertThrows(ConnectException.class,
                () -> client().videoEmbeddings(simulator.videoIds().get(0), 1024));
        assertTrue(forbidden.getMessage().contains("HTTP 403"), forbidden.getMessage());
    }

    @Test
    void aWrongDimensionIsADataErrorForThatVideo() {
        DataException error = assertThrows(DataException.class, () -> client().videoEmbeddings(simulator.videoIds().get(3), 768));
        assertTrue(error.getMessage().contains("expected 768 (embedding.dimension)"), error.getMessage());
    }

    @Test
    void retryAfterReadsSecondsAndHttpDatesWithinBounds() {
        assertEquals(2_000L, PlatformClient.retryAfterMs(Map.of("Retry-After", List.of("2"))).orElseThrow());
        assertEquals(1_500L, PlatformClient.retryAfterMs(Map.of("retry-after", List.of("1.5"))).orElseThrow());
        assertEquals(300_000L, PlatformClient.retryAfterMs(Map.of("Retry-After", List.of("86400"))).orElseThrow());
        assertEquals(0L, PlatformClient.retryAfterMs(Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT"))).orElseThrow());
        assertTrue(PlatformClient.retryAfterMs(Map.of("Retry-After", List.of("soon"))).isEmpty());
        assertTrue(PlatformClient.retryAfterMs(Map.of()).isEmpty());
    }
}
