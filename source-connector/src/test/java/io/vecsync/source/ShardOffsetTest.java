package io.vecsync.source;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardOffsetTest {

    @Test
    void roundTripsThroughTheMapForm() {
        Map<String, VideoState> videos = new HashMap<>();
        videos.put("3fa85f64-5717-4562-b3fc-2c963f66afa6", new VideoState("2026-01-01T00:00:00Z", SegmentIdScheme.AUTO, false,
                List.of(new SegmentKey("00:00:00", "00:00:10", "visual"), new SegmentKey("00:00:00", "00:00:10", null))));
        videos.put("a249266f-052d-4148-bc2f-3efa76dc4269", new VideoState("", SegmentIdScheme.OPTION_QUALIFIED, true, List.of()));
        ShardOffset offset = new ShardOffset(videos);

        Map<String, Object> map = offset.toMap();
        assertEquals(ShardOffset.VERSION, map.get(ShardOffset.VERSION_KEY));
        assertEquals(2, map.get(ShardOffset.VIDEOS_KEY));
        // Connect's JSON offset store gives integers back as longs.
        Map<String, Object> stored = new HashMap<>(map);
        stored.put(ShardOffset.VERSION_KEY, 1L);
        assertEquals(videos, ShardOffset.fromMap(stored).videos());
    }

    @Test
    void nothingCommittedIsAnEmptyShard() {
        assertTrue(ShardOffset.fromMap(null).videos().isEmpty());
    }

    @Test
    void aThousandSegmentVideoStaysSmall() {
        List<SegmentKey> segments = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            segments.add(new SegmentKey(String.format("%02d:%02d:%02d", i * 10 / 3600, i * 10 / 60 % 60, i * 10 % 60),
                    String.format("%02d:%02d:%02d", (i + 1) * 10 / 3600, (i + 1) * 10 / 60 % 60, (i + 1) * 10 % 60), "visual"));
        }
        Map<String, Object> map = new ShardOffset(Map.of("3fa85f64-5717-4562-b3fc-2c963f66afa6",
                new VideoState("v1", SegmentIdScheme.AUTO, false, segments))).toMap();
        int size = ((String) map.get(ShardOffset.STATE_KEY)).length();
        assertTrue(size < 8_000, "1000 segments took " + size + " characters");
    }

    @Test
    void anOffsetOfAnotherVersionFailsClearly() {
        ConnectException error = assertThrows(ConnectException.class,
                () -> ShardOffset.fromMap(Map.of(ShardOffset.VERSION_KEY, 2L, ShardOffset.STATE_KEY, "")));
        assertTrue(error.getMessage().contains("version 2"), error.getMessage());
        assertThrows(ConnectException.class,
                () -> ShardOffset.fromMap(Map.of(ShardOffset.VERSION_KEY, 1L, ShardOffset.STATE_KEY, "bm90IGRlZmxhdGVk")));
    }
}
