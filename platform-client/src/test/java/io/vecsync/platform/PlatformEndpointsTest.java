/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import static io.vecsync.platform.Fixtures.EMBEDDINGS;
import static io.vecsync.platform.Fixtures.KEY;
import static io.vecsync.platform.Fixtures.KEY_CONFIG;
import static io.vecsync.platform.Fixtures.LISTING;
import static io.vecsync.platform.Fixtures.TEXT;
import static io.vecsync.platform.Fixtures.VIDEO;
import static io.vecsync.platform.Fixtures.settings;
import static io.vecsync.platform.LocalServer.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each endpoint's answers mean to the caller, against a local server. */
class PlatformEndpointsTest {

    private static final String COLLECTION = "9b2e0c1a-0000-4000-8000-000000000001";
    private static final String COLLECTION_PATH = String.format(PlatformClient.COLLECTION_VIDEOS_PATH, COLLECTION);

    private final LocalServer server = LocalServer.start();
    private final PlatformClient client = new PlatformClient(settings(server.baseUrl()), PlatformListener.NONE);

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** Every endpoint, called once. */
    private static final List<Consumer<PlatformClient>> EVERY_ENDPOINT = List.of(
            c -> c.listVideos(VideoQuery.doneVideos(null, 0, 10)),
            c -> c.videoDetails(VIDEO),
            c -> c.videoEmbeddings(VIDEO, 3),
            c -> c.collectionVideos(COLLECTION, 1, 10),
            c -> c.textEmbedding("door", 3));

    @Test
    void unauthorizedAnywhereIsTheKeyNamedByItsSettingNeverShown() {
        for (String path : List.of(
                PlatformClient.LIST_PATH,
                PlatformClient.DETAILS_PATH,
                EMBEDDINGS,
                COLLECTION_PATH,
                PlatformClient.TEXT_EMBEDDINGS_PATH)) {
            server.on(path, json(401, "{\"detail\":\"bad key\"}"));
        }
        for (Consumer<PlatformClient> endpoint : EVERY_ENDPOINT) {
            PlatformAuthException error = assertThrows(PlatformAuthException.class, () -> endpoint.accept(client));
            assertTrue(
                    error.getMessage().contains("HTTP 401")
                            && error.getMessage().contains(KEY_CONFIG),
                    error.getMessage());
            assertFalse(error.getMessage().contains(KEY));
        }
    }

    @Test
    void forbiddenIsTheKeyOnTheListingAndTheTextButOneItemElsewhere() {
        server.on(PlatformClient.LIST_PATH, json(403, "{}"));
        server.on(PlatformClient.TEXT_EMBEDDINGS_PATH, json(403, "{}"));
        server.on(EMBEDDINGS, json(403, "{\"detail\":\"not yours\"}"));
        server.on(PlatformClient.DETAILS_PATH, json(403, "{}"));
        server.on(COLLECTION_PATH, json(403, "{}"));
        assertThrows(PlatformAuthException.class, () -> client.listVideos(VideoQuery.doneVideos(null, 0, 10)));
        assertThrows(PlatformAuthException.class, () -> client.textEmbedding("door", 3));
        PlatformRejectedException video =
                assertThrows(PlatformRejectedException.class, () -> client.videoEmbeddings(VIDEO, 3));
        assertEquals(403, video.status());
        assertTrue(
                video.getMessage().contains("embeddings of video " + VIDEO)
                        && video.getMessage().contains("not yours"),
                video.getMessage());
        assertEquals(
                403,
                assertThrows(PlatformRejectedException.class, () -> client.videoDetails(VIDEO))
                        .status());
        assertEquals(
                403,
                assertThrows(PlatformRejectedException.class, () -> client.collectionVideos(COLLECTION, 1, 10))
                        .status());
    }

    @Test
    void embeddingsAreReadyNotReadyOrGone() {
        server.on(
                EMBEDDINGS,
                json(404, "{}"),
                json(409, "{}"),
                json(200, "{\"status\":\"processing\",\"data\":[]}"),
                json(200, "{\"data\":[],\"status\":\"pending\"}"),
                json(200, "{\"id\":\"" + VIDEO + "\",\"status\":\"ready\",\"data\":[]}"));
        assertEquals(
                EmbeddingsResult.Outcome.NOT_FOUND,
                client.videoEmbeddings(VIDEO, 3).outcome());
        assertEquals(
                EmbeddingsResult.Outcome.NOT_READY,
                client.videoEmbeddings(VIDEO, 3).outcome());
        assertEquals(
                EmbeddingsResult.Outcome.NOT_READY,
                client.videoEmbeddings(VIDEO, 3).outcome(),
                "a status before the data");
        assertEquals(
                EmbeddingsResult.Outcome.NOT_READY,
                client.videoEmbeddings(VIDEO, 3).outcome(),
                "a status after the data");
        EmbeddingsResult empty = client.videoEmbeddings(VIDEO, 3);
        assertEquals(EmbeddingsResult.Outcome.READY, empty.outcome());
        assertEquals(List.of(), empty.segments());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 413, 422})
    void anotherClientErrorRejectsTheOneVideo(int status) {
        server.on(EMBEDDINGS, json(status, "{}"));
        assertEquals(
                status,
                assertThrows(PlatformRejectedException.class, () -> client.videoEmbeddings(VIDEO, 3))
                        .status());
    }

    @Test
    void aWrongDimensionNamesTheVideoSegmentAndField() {
        server.on(EMBEDDINGS, json(200, Fixtures.READY));
        MalformedResponseException error =
                assertThrows(MalformedResponseException.class, () -> client.videoEmbeddings(VIDEO, 768));
        assertEquals(
                "embeddings of video " + VIDEO + ", segment 0: field 'embedding' has 3 values, expected 768",
                error.getMessage());
    }

    @Test
    void detailsAreAVideoOrEmptyWhenGone() {
        server.on(
                PlatformClient.DETAILS_PATH,
                json(
                        200,
                        "{\"video_id\":\"" + VIDEO.toUpperCase(Locale.ROOT) + "\",\"name\":\"Clip\","
                                + "\"search_process_status\":\"in_progress\",\"video_metadata\":{\"codec\":\"h264\"}}"),
                json(404, "{}"));
        Video video = client.videoDetails(VIDEO).orElseThrow();
        assertEquals(VIDEO, video.id());
        assertEquals(
                PlatformClient.DETAILS_PATH + "?video_id=" + VIDEO,
                server.seen().get(0).pathAndQuery());
        assertTrue(client.videoDetails(VIDEO).isEmpty());
    }

    @Test
    void theSearchProcessStatusIsDoneNotDoneOrGone() {
        server.on(
                PlatformClient.SEARCH_PROCESS_STATUS_PATH + VIDEO,
                json(200, "{\"video_id\":\"" + VIDEO + "\",\"status\":\"success\"}"),
                json(200, "{\"status\":\"in_progress\",\"percentage\":40}"),
                json(404, "{}"),
                json(403, "{}"));
        assertEquals(true, client.searchProcessDone(VIDEO).orElseThrow());
        assertEquals(false, client.searchProcessDone(VIDEO).orElseThrow());
        assertTrue(client.searchProcessDone(VIDEO).isEmpty());
        assertEquals(
                403,
                assertThrows(PlatformRejectedException.class, () -> client.searchProcessDone(VIDEO))
                        .status());
    }

    @Test
    void theListingAsksForWhatTheQuerySaysAndRefusesANonUuid() {
        server.on(PlatformClient.LIST_PATH, json(200, LISTING), json(200, "[{\"video_id\":\"clip-7\"}]"));
        Instant after = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(
                1,
                client.listVideos(new VideoQuery("processed", after, null, 500, 500, null, "desc"))
                        .size());
        assertEquals(
                PlatformClient.LIST_PATH
                        + "?status=processed&start_time=2026-01-01T00%3A00%3A00Z&skip=500&limit=500&sort_order=desc",
                server.seen().get(0).pathAndQuery());
        MalformedResponseException error = assertThrows(
                MalformedResponseException.class, () -> client.listVideos(VideoQuery.doneVideos(null, 0, 10)));
        assertEquals("the video listing, item 0: field 'video_id' is 'clip-7', not a UUID", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VideoQuery.doneVideos(null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> VideoQuery.doneVideos(null, 0, 501));
        assertThrows(IllegalArgumentException.class, () -> VideoQuery.doneVideos(null, -1, 10));
    }

    @Test
    void aCollectionPageCarriesItsMetadataAndAMissingCollectionIsRejected() {
        server.on(
                COLLECTION_PATH,
                json(
                        200,
                        "{\"data\":[{\"video_id\":\"" + VIDEO + "\",\"name\":\"Clip\"}],\"page\":2,"
                                + "\"page_size\":1,\"total\":5}"),
                json(200, "{\"data\":[],\"page\":1}"),
                json(404, "{\"detail\":\"Collection not found\"}"));
        assertEquals(new CollectionPage(List.of(VIDEO), 2, 1, 5), client.collectionVideos(COLLECTION, 2, 1));
        assertEquals(
                COLLECTION_PATH + "?page=2&page_size=1", server.seen().get(0).pathAndQuery());
        MalformedResponseException noTotal =
                assertThrows(MalformedResponseException.class, () -> client.collectionVideos(COLLECTION, 1, 1));
        assertTrue(noTotal.getMessage().contains("field 'page_size'"), noTotal.getMessage());
        assertEquals(
                404,
                assertThrows(PlatformRejectedException.class, () -> client.collectionVideos(COLLECTION, 1, 1))
                        .status());
        assertThrows(IllegalArgumentException.class, () -> client.collectionVideos(COLLECTION, 1, 101));
        assertThrows(IllegalArgumentException.class, () -> client.collectionVideos(COLLECTION, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> client.collectionVideos(COLLECTION, 0, 10));
        assertEquals(3, server.seen().size(), "invalid pages are not sent");
    }

    @Test
    void aTextIsPostedAndItsEmbeddingCheckedForTheDimension() {
        server.on(
                PlatformClient.TEXT_EMBEDDINGS_PATH,
                json(200, TEXT),
                json(200, TEXT),
                json(422, "{\"detail\":\"too long\"}"),
                json(200, TEXT));
        assertArrayEquals(new float[] {1, 0, 0}, client.textEmbedding("a \"quoted\" door", 3));
        LocalServer.Seen request = server.seen().get(0);
        assertEquals("POST", request.method());
        assertEquals("{\"text\":\"a \\\"quoted\\\" door\"}", request.body());
        MalformedResponseException wrong =
                assertThrows(MalformedResponseException.class, () -> client.textEmbedding("door", 4));
        assertEquals("the text embedding: field 'embedding' has 3 values, expected 4", wrong.getMessage());
        assertEquals(
                422,
                assertThrows(PlatformRejectedException.class, () -> client.textEmbedding("door", 3))
                        .status());
        assertThrows(IllegalArgumentException.class, () -> client.textEmbedding("", 3));
        assertThrows(IllegalArgumentException.class, () -> client.textEmbedding("x".repeat(4097), 3));
        assertEquals(3, client.textEmbedding("\uD83D\uDEAA".repeat(4096), 3).length, "characters, not UTF-16 units");
    }
}
