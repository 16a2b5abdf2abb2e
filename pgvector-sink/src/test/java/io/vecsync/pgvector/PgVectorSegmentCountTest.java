/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.PostgresServer;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The segment count of a table the planner knows as large: its estimate, not a scan of every row. */
class PgVectorSegmentCountTest {

    private static final String TABLE = "large_segments";
    private static final Map<String, String> PROPS =
            Map.of(PgVectorSinkConfig.URL, PostgresServer.jdbcUrl(), PgVectorSinkConfig.TABLE, TABLE);

    @AfterEach
    void dropTable() {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void aLargeTableIsCountedByThePlannersEstimate() {
        long rows = PgVectorSearcher.EXACT_COUNT_BELOW;
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
        // Only the row count matters here; no autovacuum, so that only the ANALYZE below sets the estimate.
        PgTestDatabase.execute("CREATE TABLE " + TABLE + " (n int) WITH (autovacuum_enabled = false)");
        PgTestDatabase.execute("INSERT INTO " + TABLE + " SELECT generate_series(1, " + rows + ")");
        // ANALYZE reads every page of a table this size (under 30,000): its estimate is then the exact count.
        PgTestDatabase.execute("ANALYZE " + TABLE);
        PgTestDatabase.execute("DELETE FROM " + TABLE + " WHERE n <= 100");

        try (VectorSearcher searcher = new PgVectorSearcherProvider().open(PROPS)) {
            assertEquals(
                    OptionalLong.of(rows),
                    searcher.segmentCount(),
                    "the estimate of the last ANALYZE; an exact count would see the 100 rows deleted since");
        }
    }
}
