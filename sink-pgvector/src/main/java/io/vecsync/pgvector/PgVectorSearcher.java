package io.vecsync.pgvector;

import com.pgvector.PGvector;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.search.SearchHit;
import io.vecsync.core.search.SearchRequest;
import io.vecsync.core.search.VectorSearcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Nearest segments by the table's HNSW cosine index: {@code ORDER BY embedding <=> ?}. pgvector returns a cosine
 * distance, so the score is {@code 1 - distance}. One connection, reopened after a failure; calls are serialised.
 */
final class PgVectorSearcher implements VectorSearcher {

    /** HNSW search breadth: at least pgvector's default 40, and twice the hits asked for. */
    private static final int MIN_EF_SEARCH = 40;

    private final PgVectorSinkConfig config;
    private final PgConnections connections;
    private Connection connection;

    PgVectorSearcher(PgVectorSinkConfig config) {
        this.config = config;
        this.connections = new PgConnections(config);
    }

    @Override
    public synchronized List<SearchHit> search(SearchRequest request) {
        String filter = request.videoIds().isEmpty() ? "" : " WHERE video_id = ANY(?)";
        String sql = "SELECT segment_id, embedding <=> ? AS distance, video_id, start_ts, end_ts, start_seconds, end_seconds,"
                + " embedding_option, payload::text FROM " + config.qualifiedTable() + filter + " ORDER BY embedding <=> ? LIMIT ?";
        try {
            Connection db = connection();
            try (Statement statement = db.createStatement()) {
                statement.execute("SET LOCAL hnsw.ef_search = " + Math.max(MIN_EF_SEARCH, request.topK() * 2));
            }
            List<SearchHit> hits = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement(sql)) {
                PGvector vector = new PGvector(request.vector());
                int index = 1;
                query.setObject(index++, vector);
                if (!request.videoIds().isEmpty()) {
                    query.setArray(index++, db.createArrayOf("uuid", request.videoIds().stream().map(UUID::fromString).toArray()));
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
            db.commit();
            return hits;
        } catch (SQLException e) {
            discard();
            throw PgConnections.classify("searching " + config.qualifiedTable(), e);
        }
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

    @Override
    public synchronized void checkReachable() {
        try (Statement statement = connection().createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + config.qualifiedTable() + " LIMIT 1) t")) {
            result.next();
            connection.commit();
        } catch (SQLException e) {
            discard();
            throw PgConnections.classify("reaching " + config.qualifiedTable(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connections.open();
            PgConnections.registerVectorType(connection);
        }
        return connection;
    }

    private void discard() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The connection is being replaced because it failed.
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        discard();
    }
}
