/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.DocsLoopScript;
import io.vecsync.bench.common.SegmentRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * (a) The platform docs' pgvector loop, their Python code itself: per row an INSERT ... ON CONFLICT (segment_id) DO
 * UPDATE with psycopg and pgvector's adapter, a commit a video, into the docs' table with the HNSW index they create.
 * That table is the docs' own: their code makes it with their SQL (benchmarks/python/docs_loops.py), in their five
 * columns, which the sink's layout keeps as its first five.
 */
public final class DocsLoop {

    static final String KEY = "docs-loop";
    private static final String TABLE = "bench_docs_loop";

    private DocsLoop() {}

    public static PgRun run(Path python, PgDatabase db, List<SegmentRow> rows) throws Exception {
        db.drop(TABLE);
        // libpq reads the JDBC URL's own form once "jdbc:" is gone: postgresql://host:port/db?user=...
        List<String> target = List.of("--name", TABLE, "--pg-dsn", db.url().substring("jdbc:".length()));
        try (DocsLoopScript loop = DocsLoopScript.prepare(python, "pgvector", rows, target)) {
            Cost.Meter meter = Cost.start(db);
            loop.run();
            Cost cost = meter.stop();
            db.verify(TABLE, rows);
            return new PgRun(
                    KEY,
                    "(a) docs' loop: their Python, per-row INSERT..ON CONFLICT, a commit a video, HNSW index",
                    rows.size(),
                    cost,
                    Optional.empty());
        } finally {
            db.drop(TABLE);
        }
    }
}
