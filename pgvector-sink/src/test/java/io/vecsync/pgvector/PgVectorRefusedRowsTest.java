/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.RecordingSinkTaskContext;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import io.vecsync.testing.StoreTestHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows the table refuses, through COPY (new ids) and through the upsert (ids already there): each one's record alone
 * goes to the dead-letter queue with PostgreSQL's reason, and every other row of the batch, deletes too, is written.
 */
class PgVectorRefusedRowsTest {

    private static final String TABLE = "refused_segments";

    private final StoreTestHarness<VectorSinkTask> tasks = new StoreTestHarness<>(PgVectorSinkTask::new);

    @BeforeEach
    void dropTable() {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @AfterEach
    void stopTasks() {
        tasks.close();
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void onlyTheRefusedRowsGoToTheDeadLetterQueueAndTheOthersAreWritten() {
        VectorSinkTask task = tasks.start(Map.of(
                PgVectorSinkConfig.URL,
                PostgresServer.jdbcUrl(),
                PgVectorSinkConfig.TABLE,
                TABLE,
                PgVectorSinkConfig.EMBEDDING_DIMENSION,
                "4",
                PgVectorSinkConfig.INDEX,
                "none",
                "errors.tolerance",
                "all"));
        RecordingSinkTaskContext context = tasks.lastContext();
        // A user's constraint the sink cannot know of: the segments from the 40th on start too late for it.
        PgTestDatabase.execute("ALTER TABLE " + TABLE + " ADD CONSTRAINT no_late_starts CHECK (start_ts < '"
                + SegmentRecords.start(40) + "')");
        SegmentRecords records = tasks.records();

        List<SinkRecord> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(records.record(i == 7 ? 47 : i));
        }
        SinkTasks.write(task, first);
        assertEquals(List.of(first.get(7)), context.errantRecords());
        String reason = context.errantReasons().get(0).getMessage();
        assertTrue(reason.contains("violates check constraint \"no_late_starts\"") && reason.contains("23514"), reason);
        assertEquals(39, PgTestDatabase.count(TABLE));

        List<SinkRecord> again = List.of(
                records.record(1), records.record(48), records.record(49), records.record(2), records.tombstone(3));
        SinkTasks.write(task, again);
        assertEquals(List.of(first.get(7), again.get(1), again.get(2)), context.errantRecords());
        assertEquals(38, PgTestDatabase.count(TABLE), "the delete went in with the rows the table took");
    }
}
