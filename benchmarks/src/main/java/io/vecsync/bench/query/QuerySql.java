/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import com.pgvector.PGvector;
import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.Stopwatch;
import io.vecsync.bench.pgvector.PgDatabase;
import io.vecsync.pgvector.PgVectorTableLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Top-10 lists straight from PostgreSQL, bypassing the service: exact by a full scan, or through the HNSW index. */
final class QuerySql implements AutoCloseable {

    private final PgDatabase db;
    /** For the HNSW searches; the exact ones have their own, whose cached plans would scan the table. */
    private final Connection hnswSession;

    private final String sql;

    QuerySql(PgDatabase db, String table) throws SQLException {
        this.db = db;
        this.hnswSession = db.openSession();
        this.sql = "SELECT " + PgVectorTableLayout.SEGMENT_ID + " FROM " + table + " ORDER BY "
                + PgVectorTableLayout.EMBEDDING + " <=> ? LIMIT " + QueryClient.TOP_K;
        // Seq scans off for the HNSW session, so that it measures the index whatever the planner would rather do.
        execute(hnswSession, "SET enable_seqscan = off");
    }

    /** The scan the planner picks for the SQL on its own, at the default settings: e.g. "Index Scan using t_hnsw on t". */
    String plannedScan(float[] query) throws SQLException {
        try (Connection session = db.openSession()) {
            return scan(session, query);
        }
    }

    /** The true top-10s: with index scans off, PostgreSQL computes every row's distance. */
    List<List<String>> exact(List<float[]> queries) throws SQLException {
        try (Connection scan = db.openSession()) {
            execute(scan, "SET enable_indexscan = off");
            requireScan(scan, queries.get(0), "Seq Scan");
            List<List<String>> hits = new ArrayList<>();
            for (float[] query : queries) {
                hits.add(search(scan, query));
            }
            return hits;
        }
    }

    /** Through the HNSW index at this ef_search, each query timed from execute to the last row read. */
    QueryEfSearch hnsw(List<float[]> queries, int efSearch, List<List<String>> exact) throws SQLException {
        execute(hnswSession, "SET hnsw.ef_search = " + efSearch);
        requireScan(hnswSession, queries.get(0), "Index Scan");
        List<List<String>> hits = new ArrayList<>();
        long[] nanos = new long[queries.size()];
        Cost.Meter meter = Cost.start(db);
        Stopwatch wall = Stopwatch.start();
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            hits.add(search(hnswSession, queries.get(i)));
            nanos[i] = System.nanoTime() - start;
        }
        QueryLatencies latencies = QueryLatencies.of(nanos, wall.seconds());
        return new QueryEfSearch(efSearch, QueryEfSearch.recall(hits, exact), latencies, meter.stop());
    }

    private List<String> search(Connection session, float[] query) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setObject(1, new PGvector(query));
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** Fails unless the session's plan scans as expected: a comparison of the wrong plans would measure nothing. */
    private void requireScan(Connection session, float[] query, String expected) throws SQLException {
        String scan = scan(session, query);
        if (!scan.contains(expected)) {
            throw new IllegalStateException("expected a plan with " + expected + ", got " + scan);
        }
    }

    /** The plan's scan node, without its costs. */
    private String scan(Connection session, float[] query) throws SQLException {
        try (PreparedStatement explain = session.prepareStatement("EXPLAIN (COSTS OFF) " + sql)) {
            explain.setObject(1, new PGvector(query));
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    String line = lines.getString(1).trim();
                    if (line.contains("Scan")) {
                        return line.replaceFirst("^->\\s*", "");
                    }
                }
            }
        }
        throw new IllegalStateException("no scan in the plan of " + sql);
    }

    private static void execute(Connection session, String command) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute(command);
        }
    }

    @Override
    public void close() throws SQLException {
        hnswSession.close();
    }
}
