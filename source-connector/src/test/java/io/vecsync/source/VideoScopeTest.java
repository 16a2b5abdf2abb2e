/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.platform.Video;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VideoScopeTest {

    private static final String A = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final String B = "a249266f-052d-4148-bc2f-3efa76dc4269";

    private static Video video(String id, String createdAt) {
        return new Video(id, "n", createdAt == null ? null : Instant.parse(createdAt), createdAt, null, null);
    }

    @Test
    void everyFilterMustMatch() {
        VideoScope scope = new VideoScope(List.of(A, B), "c1", Instant.parse("2026-02-01T00:00:00Z"));
        Set<String> members = Set.of(A);
        assertTrue(scope.includes(video(A, "2026-02-01T00:00:00Z"), members), "created-after is inclusive");
        assertFalse(scope.includes(video(A, "2026-01-31T23:59:59Z"), members));
        assertFalse(scope.includes(video(B, "2026-03-01T00:00:00Z"), members), "not in the collection");
        assertFalse(new VideoScope(List.of(B), null, null).includes(video(A, null), Set.of()), "not in the id list");
    }

    @Test
    void noFiltersIncludeEverything() {
        assertTrue(VideoScope.all().includes(video(A, "2020-01-01T00:00:00Z"), Set.of()));
        assertTrue(
                new VideoScope(List.of(), " ", null).includes(video(B, null), Set.of()), "a blank collection is none");
    }
}
