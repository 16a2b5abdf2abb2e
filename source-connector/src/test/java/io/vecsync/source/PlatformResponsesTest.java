package io.vecsync.source;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformResponsesTest {

    private static final String ITEM = "{\"video_id\":\"A249266F-052D-4148-BC2F-3EFA76DC4269\",\"name\":\"Clip\","
            + "\"search_process_status\":\"SUCCESS\",\"created_at\":\"2026-01-01T00:01:00Z\",\"updated_at\":\"v7\","
            + "\"hls_playlist_path\":\"https://h/p.m3u8\",\"thumbnail_path\":\"https://h/t.jpg\","
            + "\"video_metadata\":{\"codec\":\"h264\",\"tags\":[1,2]},\"owner_tier\":\"gold\"}";

    @ParameterizedTest
    @ValueSource(strings = {"[" + ITEM + "]", "{\"data\":[" + ITEM + "],\"total\":1}", "{\"total\":1,\"videos\":[" + ITEM + "]}",
            "{\"meta\":{\"x\":[1]},\"items\":[" + ITEM + "]}"})
    void readsBareAndWrappedListingsIgnoringUnknownFields(String body) {
        List<Video> videos = PlatformResponses.videos(bytes(body));
        assertEquals(1, videos.size());
        Video video = videos.get(0);
        assertEquals("a249266f-052d-4148-bc2f-3efa76dc4269", video.id());
        assertEquals("Clip", video.name());
        assertTrue(video.searchDone());
        assertEquals(Instant.parse("2026-01-01T00:01:00Z"), video.createdAt());
        assertEquals("v7", video.version());
        assertEquals("https://h/p.m3u8", video.hlsPlaylistUrl());
        assertEquals("https://h/t.jpg", video.thumbnailUrl());
    }

    @Test
    void aListingItemInProgressIsNotDoneAndOneWithoutStatusTrustsTheFilter() {
        List<Video> videos = PlatformResponses.videos(bytes("[{\"video_id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\","
                + "\"search_process_status\":\"in_progress\"},{\"video_id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa7\"}]"));
        assertFalse(videos.get(0).searchDone());
        assertTrue(videos.get(1).searchDone());
        assertEquals("", videos.get(1).version());
    }

    @Test
    void readsANaiveTimestampAsUtc() {
        Video video = PlatformResponses.videoDetails(bytes("{\"video_id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\","
                + "\"created_at\":\"2026-03-01T10:00:00.123456\"}"));
        assertEquals(Instant.parse("2026-03-01T10:00:00.123456Z"), video.createdAt());
    }

    @Test
    void rejectsAListingWithoutAList() {
        DataException error = assertThrows(DataException.class, () -> PlatformResponses.videos(bytes("{\"detail\":\"x\"}")));
        assertTrue(error.getMessage().contains("without a list"), error.getMessage());
        assertThrows(DataException.class, () -> PlatformResponses.videos(bytes("[{\"video_id\":")));
        assertThrows(DataException.class, () -> PlatformResponses.videos(bytes("[{\"name\":\"no id\"}]")));
    }

    @Test
    void readsSegmentsWithWholeNumbersAsFloats() {
        String body = "{\"id\":\"v\",\"status\":\"ready\",\"extra\":{\"a\":[1]},\"data\":["
                + "{\"embedding\":[1,0.5,-2e-3],\"embedding_option\":\"visual\",\"embedding_scope\":\"clip\",\"start\":\"00:00:00\",\"end\":\"00:00:10\",\"new\":[1]},"
                + "{\"start\":\"00:00:10\",\"end\":\"00:00:17\",\"embedding\":[0,0,1],\"embedding_option\":null}]}";
        List<SegmentEmbedding> segments = PlatformResponses.embeddings("v", bytes(body), 3);
        assertEquals(2, segments.size());
        assertArrayEquals(new float[]{1f, 0.5f, -0.002f}, segments.get(0).embedding());
        assertEquals("visual", segments.get(0).option());
        assertEquals("clip", segments.get(0).scope());
        assertEquals("00:00:10", segments.get(1).start());
        assertNull(segments.get(1).option());
    }

    @Test
    void aWrongDimensionNamesVideoSegmentAndConfigKey() {
        String body = "{\"data\":[{\"embedding\":[1,2,3],\"start\":\"00:00:00\",\"end\":\"00:00:10\"},"
                + "{\"embedding\":[1,2],\"start\":\"00:00:10\",\"end\":\"00:00:20\"}]}";
        DataException error = assertThrows(DataException.class, () -> PlatformResponses.embeddings("vid-1", bytes(body), 3));
        assertEquals("embeddings of video vid-1, segment 1: field 'embedding' has 2 values, expected 3 (embedding.dimension)",
                error.getMessage());
    }

    @Test
    void malformedSegmentsAreRejectedWithTheFieldNamed() {
        assertMessage("{\"data\":[{\"start\":\"00:00:00\",\"end\":\"00:00:10\"}]}", "field 'embedding' is missing");
        assertMessage("{\"data\":[{\"embedding\":[1,\"x\",3],\"start\":\"00:00:00\",\"end\":\"00:00:10\"}]}", "non-number at position 1");
        assertMessage("{\"data\":[{\"embedding\":[1,2,3],\"start\":\"soon\",\"end\":\"00:00:10\"}]}", "field 'start'");
        assertMessage("{\"data\":[{\"embedding\":[1,2,3],\"start\":\"00:00:00\"}]}", "field 'end'");
        assertMessage("{\"data\":[{\"embedding\":[1,2,3],\"start\":\"00:00:00\",\"end\":\"00:00:10\"}", "not valid JSON");
        assertMessage("{\"status\":\"ready\"}", "expected an object with a 'data' list");
    }

    private static void assertMessage(String body, String expected) {
        DataException error = assertThrows(DataException.class, () -> PlatformResponses.embeddings("v", bytes(body), 3));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        assertTrue(error.getMessage().startsWith("embeddings of video v"), error.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
