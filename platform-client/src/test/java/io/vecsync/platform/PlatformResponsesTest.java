/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformResponsesTest {

    private static final String ITEM = "{\"video_id\":\"A249266F-052D-4148-BC2F-3EFA76DC4269\",\"name\":\"Clip\","
            + "\"search_process_status\":\"SUCCESS\",\"created_at\":\"2026-01-01T00:01:00Z\","
            + "\"hls_playlist_path\":\"https://h/p.m3u8\",\"thumbnail_path\":\"https://h/t.jpg\","
            + "\"video_metadata\":{\"codec\":\"h264\",\"tags\":[1,2]},\"owner_tier\":\"gold\"}";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[" + ITEM + "]",
                "{\"data\":[" + ITEM + "],\"total\":1}",
                "{\"total\":1,\"videos\":[" + ITEM + "]}",
                "{\"meta\":{\"x\":[1]},\"items\":[" + ITEM + "]}",
                "{\"results\":[" + ITEM + "]}"
            })
    void readsBareAndWrappedListingsIgnoringUnknownFields(String body) {
        List<Video> videos = PlatformResponses.videos(bytes(body));
        assertEquals(1, videos.size());
        assertEquals(
                new Video(
                        "a249266f-052d-4148-bc2f-3efa76dc4269",
                        "Clip",
                        Instant.parse("2026-01-01T00:01:00Z"),
                        "2026-01-01T00:01:00Z",
                        "https://h/p.m3u8",
                        "https://h/t.jpg"),
                videos.get(0));
    }

    @Test
    void readsANaiveTimestampAsUtcAndKeepsAnUnreadableOneAsText() {
        Video video = PlatformResponses.videoDetails(
                "v",
                bytes("{\"video_id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\","
                        + "\"created_at\":\"2026-03-01T10:00:00.123456\"}"));
        assertEquals(Instant.parse("2026-03-01T10:00:00.123456Z"), video.createdAt());
        Video odd = PlatformResponses.videoDetails(
                "v", bytes("{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"created_at\":\"yesterday\"}"));
        assertNull(odd.createdAt());
        assertEquals("yesterday", odd.createdAtText());
    }

    @Test
    void rejectsAListingWithoutAListOrWithoutIds() {
        assertMalformed(() -> PlatformResponses.videos(bytes("{\"detail\":\"x\"}")), "without a list");
        assertMalformed(() -> PlatformResponses.videos(bytes("[{\"video_id\":")), "not valid JSON");
        assertMalformed(
                () -> PlatformResponses.videos(bytes("[{\"name\":\"no id\"}]")), "item 0: field 'video_id' is missing");
        assertMalformed(() -> PlatformResponses.videos(bytes("\"text\"")), "neither a list");
    }

    @Test
    void readsSegmentsWithWholeNumbersAsFloats() {
        String body = "{\"id\":\"v\",\"status\":\"ready\",\"extra\":{\"a\":[1]},\"data\":["
                + "{\"embedding\":[1,0.5,-2e-3],\"embedding_option\":\"visual\",\"embedding_scope\":\"clip\",\"start\":\"00:00:00\",\"end\":\"00:00:10\",\"new\":[1]},"
                + "{\"start\":\"00:00:10\",\"end\":\"00:00:17.5\",\"embedding\":[0,0,1],\"embedding_option\":null}]}";
        List<SegmentEmbedding> segments =
                PlatformResponses.embeddings("v", bytes(body), 3).segments();
        assertEquals(2, segments.size());
        assertArrayEquals(new float[] {1f, 0.5f, -0.002f}, segments.get(0).embedding());
        assertEquals("visual", segments.get(0).option());
        assertEquals("clip", segments.get(0).scope());
        assertEquals("00:00:10", segments.get(1).start());
        assertNull(segments.get(1).option());
    }

    @Test
    void malformedSegmentsAreRejectedWithTheVideoSegmentAndFieldNamed() {
        assertSegmentError(
                "{\"data\":[{\"start\":\"00:00:00\",\"end\":\"00:00:10\"}]}",
                "segment 0: field 'embedding' is missing");
        assertSegmentError(
                "{\"data\":[{\"embedding\":[1,2,3],\"start\":\"00:00:00\",\"end\":\"00:00:10\"},{\"embedding\":[1,\"x\",3]}]}",
                "segment 1: field 'embedding' holds a non-number at position 1");
        assertSegmentError(
                "{\"data\":[{\"embedding\":[1,2,3],\"start\":\"soon\",\"end\":\"00:00:10\"}]}",
                "segment 0: field 'start' is 'soon'");
        assertSegmentError(
                "{\"data\":[{\"embedding\":[1,2,3],\"start\":\"00:61:00\",\"end\":\"00:00:10\"}]}", "field 'start'");
        assertSegmentError("{\"data\":[{\"embedding\":[1,2,3],\"start\":\"00:00:00\"}]}", "field 'end' is missing");
        assertSegmentError(
                "{\"data\":[{\"embedding\":[1,2,3],\"start\":\"00:00:00\",\"end\":\"00:00:10\"}", "not valid JSON");
        assertSegmentError("{\"status\":\"ready\"}", "expected an object with a 'data' list");
    }

    @Test
    void theTextEmbeddingIsTheFirstItemsVector() {
        assertArrayEquals(
                new float[] {1, 2},
                PlatformResponses.textEmbedding(bytes("{\"data\":[{\"embedding\":[1,2]},{\"embedding\":[3]}]}"), 2));
        assertMalformed(() -> PlatformResponses.textEmbedding(bytes("{\"data\":[]}"), 2), "non-empty 'data' list");
        assertMalformed(
                () -> PlatformResponses.textEmbedding(bytes("{\"data\":[{}]}"), 2), "field 'embedding' is missing");
    }

    @Test
    void aPipelineStatusIsReadInEitherVocabulary() {
        assertTrue(PlatformResponses.pipelineDone(
                "s", bytes("{\"video_id\":\"v\",\"status\":\"DONE\",\"percentage\":null}")));
        assertFalse(PlatformResponses.pipelineDone("s", bytes("{\"status\":\"failed\",\"error\":\"x\"}")));
        assertMalformed(
                () -> PlatformResponses.pipelineDone("s", bytes("{\"percentage\":100}")),
                "s: field 'status' is missing");
    }

    private static void assertSegmentError(String body, String expected) {
        MalformedResponseException error =
                assertMalformed(() -> PlatformResponses.embeddings("v", bytes(body), 3), expected);
        assertTrue(error.getMessage().startsWith("embeddings of video v"), error.getMessage());
    }

    private static MalformedResponseException assertMalformed(Runnable parse, String expected) {
        MalformedResponseException error = assertThrows(MalformedResponseException.class, parse::run);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        return error;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
