/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class VideoOffsetTest {

    @Test
    void roundTripsAndStaysSmallForOneVideo() {
        List<SegmentKey> segments = new ArrayList<>();
        Random random = new Random(3);
        int at = 0;
        for (int i = 0; i < 200; i++) {
            int length = 1 + random.nextInt(9);
            segments.add(new SegmentKey(Timecode.of(at), Timecode.of(at + length), i % 2 == 0 ? "visual" : null));
            at += length;
        }
        VideoOffset offset = new VideoOffset(SegmentIdScheme.OPTION_QUALIFIED, -42L, segments);
        Map<String, Object> map = offset.toMap();
        assertEquals(Optional.of(offset), VideoOffset.fromMap(map));
        int bytes = map.toString().length();
        assertTrue(bytes < 4_096, "200 irregular segments take " + bytes + " bytes");
    }

    @Test
    void absentIsEmptyAndAnotherVersionIsRefusedWithWhatToDo() {
        assertEquals(Optional.empty(), VideoOffset.fromMap(null));
        ConnectException refused = assertThrows(ConnectException.class, () -> VideoOffset.fromMap(Map.of("v", 3)));
        assertTrue(refused.getMessage().contains("offsets"), refused.getMessage());
        assertEquals(Map.of("video", "x"), VideoOffset.partition("x"));
    }

    @Test
    void indexOffsetsRoundTripAndStayUnder64KbAtTenMillionVideos() {
        IndexBucket bucket = new IndexBucket();
        Random random = new Random(5);
        int perBucket = 10_000_000 / (Shards.COUNT * IndexOffset.BUCKETS_PER_SHARD);
        for (int i = 0; i < perBucket; i++) {
            bucket.put(new UUID(random.nextLong(), random.nextLong()), IndexBucket.PENDING);
        }
        Map<String, Object> map = IndexOffset.toMap(bucket);
        assertTrue(map.toString().length() < 64 * 1024, map.toString().length() + " bytes");
        IndexBucket read = IndexOffset.fromMap(map);
        assertEquals(perBucket, read.size());
    }

    @Test
    void bucketsSpreadAShardsVideos() {
        int[] counts = new int[IndexOffset.BUCKETS_PER_SHARD];
        for (int i = 0; i < 64_000; i++) {
            counts[
                    IndexOffset.bucketOf(
                            UUID.nameUUIDFromBytes(Integer.toString(i).getBytes(UTF_8)))]++;
        }
        for (int count : counts) {
            assertTrue(count > 800 && count < 1_200, "bucket sizes " + java.util.Arrays.toString(counts));
        }
    }

    /** HH:MM:SS, as the platform writes boundaries. */
    private static final class Timecode {
        static String of(int seconds) {
            return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
    }
}
