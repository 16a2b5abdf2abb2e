/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import com.pgvector.PGvector;
import io.vecsync.core.SegmentSchema;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Nearest segments by the table's HNSW cosine index: {@code ORDER BY embedding <=> ?}. pgvector returns a cosine
 * distance, so the score is {@code 1 - distance}. Concurrent searches each take a session of their own from a pool of
 * idle ones; a session that failed is closed, not returned. Searches run in autocommit: one round trip each. The
 * segment count is exact below {@value #EXACT_COUNT_BELOW} rows and PostgreSQL's planner estimate above.
 */
final class PgVectorSearcher implements VectorSearcher {

    /** Rows from which the segment count is the planner's estimate: count(*) reads every row, seconds at millions. */
    static final long EXACT_COUNT_BELOW = 1_000_000;

    private final PgVectorSinkConfig config;
    private final PgConnections connections;
    private final int minEfSearch;
    private final String searchSql;
    private final String filteredSearchSql;
    private final String countSql;
    private final Deque<SearchSession> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    PgVectorSearcher(PgVectorSinkConfig config) {
        this.config = config;
        this.connections = new PgConnections(config);
        this.minEfSearch = config.getInt(PgVectorSinkConfig.HNSW_EF_SEARCH);
        String select = "SELECT "
                + String.join(
                        ", ",
                        PgVectorTableLayout.SEGMENT_ID,
                        PgVectorTableLayout.EMBEDDING + " <=> ? AS distance",
                        PgVectorTableLayout.VIDEO_ID,
                        PgVectorTableLayout.START,
                        PgVectorTableLayout.END,
                        PgVectorTableLayout.START_SECONDS,
                        PgVectorTableLayout.END_SECONDS,
                        PgVectorTableLayout.EMBEDDING_OPTION,
                        PgVectorTableLayout.PAYLOAD + "::text")
                + " FROM " + config.qualifiedTable();
        String order = " ORDER BY " + PgVectorTableLayout.EMBEDDING + " <=> ? LIMIT ?";
        this.searchSql = select + order;
        this.filteredSearchSql = select + " WHERE " + PgVectorTableLayout.VIDEO_ID + " = ANY(?)" + order;
        // The planner's estimate: reltuples (from the last ANALYZE or VACUUM) scaled to the table's pages now. The
        // exact count, an InitPlan, runs only when the CASE asks for it.
        this.countSql = "SELECT CASE WHEN estimate >= " + EXACT_COUNT_BELOW + " THEN estimate::bigint"
                + " ELSE (SELECT count(*) FROM " + config.qualifiedTable() + ") END"
                + " FROM (SELECT CASE WHEN relpages > 0"
                + " THEN reltuples / relpages * (pg_relation_size(oid) / current_setting('block_size')::float8)"
                + " ELSE reltuples END AS estimate FROM pg_class WHERE oid = ?::regclass) AS planner";
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        String sql = request.videoIds().isEmpty() ? searchSql : filteredSearchSql;
        return inSession("searching", session -> {
            Connection db = session.connection();
            // Twice the hits asked for, and never below the configured breadth.
            session.efSearch(Math.max(minEfSearch, request.topK() * 2));
            List<SearchHit> hits = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement(sql)) {
                PGvector vector = new PGvector(request.vector());
                int index = 1;
                query.setObject(index++, vector);
                if (!request.videoIds().isEmpty()) {
                    query.setArray(
                            index++,
                            db.createArrayOf(
                                    "uuid",
                                    request.videoIds().stream()
                                            .map(UUID::fromString)
                                            .toArray()));
                }
                query.setObject(index++, vector);
                query.setInt(index, request.topK());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        double score = 1 - rows.getDouble(2);
                        if (request.minScore() == null || score >= request.minScore()) {
                            hits.add(new SearchHit(rows.getString(1), score, payload(rows)));
                        }
                    }
                }
            }
            return hits;
        });
    }

    private static Map<String, Object> payload(ResultSet rows) throws SQLException {
        Map<String, Object> payload = new LinkedHashMap<>(PayloadJson.decode(rows.getString(9)));
        payload.put(SegmentSchema.VIDEO_ID, rows.getString(3));
        payload.put(SegmentSchema.START, rows.getString(4));
        payload.put(SegmentSchema.END, rows.getString(5));
        putIfPresent(payload, SegmentSchema.START_SECONDS, rows.getObject(6));
        putIfPresent(payload, SegmentSchema.END_SECONDS, rows.getObject(7));
        putIfPresent(payload, SegmentSchema.EMBEDDING_OPTION, rows.getObject(8));
        return payload;
    }

    private static void putIfPresent(Map<String, Object> payload, String key, Object value) {
        if (value != null) {
            payload.put(key, value);
        }
    }

    /** Exact below {@value #EXACT_COUNT_BELOW} rows, where count(*) is quick; the planner's estimate above. */
    @Override
    public OptionalLong segmentCount() {
        return OptionalLong.of(inSession("counting the rows of", session -> {
            try (PreparedStatement query = session.connection().prepareStatement(countSql)) {
                query.setString(1, config.qualifiedTable());
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        }));
    }

    @Override
    public void checkReachable() {
        inSession("reaching", session -> {
            try (Statement statement = session.connection().createStatement();
                    ResultSet result = statement.executeQuery(
                            "SELECT count(*) FROM (SELECT 1 FROM " + config.qualifiedTable() + " LIMIT 1) t")) {
                result.next();
            }
            return null;
        });
    }

    /**
     * Runs the work on an idle session, or a new one, and returns the session to the pool; a session that failed is
     * closed instead, and the failure is a searcher's.
     */
    private <T> T inSession(String doing, SessionWork<T> work) {
        SearchSession session = null;
        try {
            session = take();
            T result = work.apply(session);
            release(session);
            return result;
        } catch (SQLException e) {
            discard(session);
            throw PgVectorErrors.INSTANCE.classifyForSearch(doing + " " + config.qualifiedTable(), e);
        }
    }

    /** Statements on a search session. */
    @FunctionalInterface
    private interface SessionWork<T> {
        T apply(SearchSession session) throws SQLException;
    }

    private SearchSession take() throws SQLException {
        SearchSession session = idle.pollFirst();
        return session != null ? session : SearchSession.open(connections);
    }

    private void release(SearchSession session) {
        idle.offerFirst(session);
        if (closed) {
            closeIdle();
        }
    }

    /** A session that failed may be broken: it is closed, and the next search opens a new one. */
    private static void discard(SearchSession session) {
        if (session != null) {
            session.close();
        }
    }

    private void closeIdle() {
        for (SearchSession session; (session = idle.pollFirst()) != null; ) {
            session.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }
}
