/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.WriteBatch;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Searches through the HNSW index: filters that reject most candidates, and concurrent callers. */
class PgVectorSearcherTest {

    private static final String TABLE = "searcher_segments";
    private static final int VIDEO_SIZE = 2000;
    private static final String CROWD = "a249266f-052d-4148-bc2f-3efa76dc4269";
    private static final String RARE = "b349266f-052d-4148-bc2f-3efa76dc4269";
    private static final Map<String, String> PROPS = Map.of(
            PgVectorSinkConfig.URL,
            PostgresServer.jdbcUrl(),
            PgVectorSinkConfig.TABLE,
            TABLE,
            PgVectorSinkConfig.EMBEDDING_DIMENSION,
            "3");

    @BeforeEach
    void fillTable() {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
        try (PgVectorStore store = new PgVectorStore(new PgVectorSinkConfig(PROPS))) {
            store.admin().ensureTarget(3);
            List<VectorPoint> points = new ArrayList<>();
            // Half the segments close to the query, half of another video far from it: the planner expects the filter
            // to keep half the rows, so it searches through the index, whose first candidates are all of the wrong
            // video.
            for (int i = 0; i < VIDEO_SIZE; i++) {
                points.add(point(i, CROWD, new float[] {1, i / 40_000f, 0}));
                points.add(point(VIDEO_SIZE + i, RARE, new float[] {0, 1, i / 40_000f}));
            }
            store.writer().write(new WriteBatch(points, List.of(), null));
        }
        PgTestDatabase.execute("ANALYZE " + TABLE);
    }

    @AfterEach
    void dropTable() {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void aFilterThatRejectsMostCandidatesStillGetsItsTopK() {
        try (VectorSearcher searcher = new PgVectorSearcherProvider().open(PROPS)) {
            List<SearchHit> hits = searcher.search(new SearchRequest(new float[] {1, 0, 0}, 5, List.of(RARE), null));
            assertEquals(5, hits.size(), "the index's first ef_search candidates are all of the other video");
        }
    }

    @Test
    void concurrentSearchesEachGetTheirOwnAnswer() {
        try (VectorSearcher searcher = new PgVectorSearcherProvider().open(PROPS)) {
            List<CompletableFuture<List<SearchHit>>> searches = IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> searcher.search(
                            new SearchRequest(new float[] {1, (i % 5) / 40_000f, 0}, 1 + i % 3, List.of(), null))))
                    .toList();
            for (int i = 0; i < searches.size(); i++) {
                assertEquals(1 + i % 3, searches.get(i).join().size(), "search " + i);
            }
        }
    }

    private static VectorPoint point(int i, String video, float[] vector) {
        return new VectorPoint(
                String.format("00000000-0000-4000-8000-%012d", i),
                vector,
                Map.of("video_id", video, "start", "00:00:00", "end", "00:00:10"));
    }
}
