/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.core.SegmentIds;
import io.vecsync.core.SegmentSchema;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.pgvector.PgVectorSinkConfig;
import io.vecsync.pgvector.PgVectorSinkConnector;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Route;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.PostgresServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The query service over a pgvector table the real pipeline filled from the simulator, and its page on hits it cannot play. */
@Tag("slow")
class QueryServiceIT {

    private static final String TABLE = "query_segments";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PlatformSimulator simulator;
    private static QueryService service;

    @BeforeAll
    static void syncAndStart() throws Exception {
        simulator = PlatformSimulator.builder().seed(41).videos(8).build().start();
        try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl());
                Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
        EmbeddedConnectCluster connect = ConnectClusters.start("query-it", 1);
        try {
            connect.kafka().createTopic("query-segments", 1, 1, Map.of("cleanup.policy", "compact"));
            connect.configureConnector(
                    "query-source",
                    ConnectorConfigs.platformSource(simulator.baseUrl(), simulator.apiKey(), "query-segments"));
            Map<String, String> sink = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
            sink.put("connector.class", PgVectorSinkConnector.class.getName());
            sink.put("topics", "query-segments");
            sink.put(PgVectorSinkConfig.URL, PostgresServer.jdbcUrl());
            sink.put(PgVectorSinkConfig.TABLE, TABLE);
            connect.configureConnector("query-sink", sink);
            int expected = simulator.liveSegments().size();
            Eventually.await(
                    Duration.ofSeconds(120),
                    expected + " rows in " + TABLE,
                    () -> rows() == expected,
                    () -> rows() + " rows");
        } finally {
            connect.stop();
        }
        service = QueryService.start(props(Map.of()));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        simulator.close();
    }

    private static Map<String, String> props(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put(QueryServiceConfig.STORE, "pgvector");
        props.put(PgVectorSinkConfig.URL, PostgresServer.jdbcUrl());
        props.put(PgVectorSinkConfig.TABLE, TABLE);
        props.put(QueryServiceConfig.PLATFORM_BASE_URL, simulator.baseUrl());
        props.put(QueryServiceConfig.PLATFORM_API_KEY, simulator.apiKey());
        props.put(QueryServiceConfig.PLATFORM_TIMEOUT_MS, "1000");
        props.put(QueryServiceConfig.HTTP_HOST, "127.0.0.1");
        props.put(QueryServiceConfig.HTTP_PORT, "0");
        // The tests search more often than a client may by default.
        props.put(QueryServiceConfig.HTTP_RATE_LIMIT, "0");
        props.putAll(overrides);
        return props;
    }

    private static long rows() {
        try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl());
                Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
            result.next();
            return result.getLong(1);
        } catch (Exception notYet) {
            return -1;
        }
    }

    private static JsonNode search(String body) throws Exception {
        HttpResponse<String> response = ServiceClient.post(service, body, Map.of());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("hits");
    }

    private static String idOf(Segment segment) {
        return SegmentIds.documented(segment.videoId(), segment.start(), segment.end())
                .toString();
    }

    @Test
    void aQueryOfASegmentsCaptionWordsFindsThatSegmentFirst() throws Exception {
        for (int i : new int[] {0, 9, 23}) {
            Segment target = simulator.liveSegments().get(i);
            JsonNode hits = search(JSON.writeValueAsString(Map.of("query", target.caption(), "top_k", 5)));
            assertEquals(5, hits.size());
            JsonNode first = hits.get(0);
            assertEquals(idOf(target), first.get("segment_id").asText(), "query '" + target.caption() + "'");
            assertEquals(target.videoId(), first.get("video_id").asText());
            assertEquals(target.start(), first.get("start").asText());
            assertEquals(target.end(), first.get("end").asText());
            String playlistPath =
                    URI.create(simulator.hlsPlaylistUrl(target.videoId())).getPath();
            String playable = first.get("playable_url").asText();
            assertTrue(
                    playable.startsWith("/v1/media/") && playable.endsWith(playlistPath + "#t=" + target.start()),
                    "a link to the service's proxy: " + playable);
            double score = first.get("score").asDouble();
            assertTrue(
                    score > 0.5
                            && score <= 1.0
                            && score >= hits.get(1).get("score").asDouble(),
                    "scores best first: " + hits);
        }
    }

    @Test
    void aRepeatedQueryCostsNoSecondCredit() throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", "a query asked twice about the door"));
        int before = simulator.textEmbeddingCalls();
        search(body);
        search(body);
        assertEquals(before + 1, simulator.textEmbeddingCalls());
    }

    @Test
    void aRawVectorAndTheFiltersWork() throws Exception {
        Segment target = simulator.liveSegments().get(4);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("vector", target.embedding());
        request.put("top_k", 3);
        JsonNode hits = search(JSON.writeValueAsString(request));
        assertEquals(idOf(target), hits.get(0).get("segment_id").asText());
        assertEquals(1.0, hits.get(0).get("score").asDouble(), 1e-4);

        String otherVideo = simulator.videoIds().get(5);
        request.put("video_ids", List.of(otherVideo));
        request.put("top_k", 100);
        JsonNode filtered = search(JSON.writeValueAsString(request));
        assertEquals(simulator.segments(otherVideo).size(), filtered.size());
        filtered.forEach(hit -> assertEquals(otherVideo, hit.get("video_id").asText()));

        request.remove("video_ids");
        request.put("min_score", 0.99);
        assertEquals(1, search(JSON.writeValueAsString(request)).size());
    }

    @Test
    void badRequestsAre400sNamingTheField() throws Exception {
        assertBadRequest("{\"query\": \"  \"}", "query");
        assertBadRequest(JSON.writeValueAsString(Map.of("query", "x".repeat(4097))), "query");
        assertBadRequest("{\"vector\": [1, 2, 3]}", "vector");
        assertBadRequest("{\"query\": \"door\", \"top_k\": 0}", "top_k");
        assertBadRequest("{\"query\": \"door\", \"top_k\": 101}", "top_k");
        assertBadRequest("{\"query\": \"door\", \"vector\": [1]}", "query");
        assertBadRequest("{\"query\": \"door\", \"video_ids\": [\"nope\"]}", "video_ids");
        assertBadRequest("{\"query\": \"door\", \"min_score\": 2}", "min_score");
        assertBadRequest("{not json", "body");
    }

    private static void assertBadRequest(String body, String field) throws Exception {
        HttpResponse<String> response = ServiceClient.post(service, body, Map.of());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(field, JSON.readTree(response.body()).get("field").asText(), response.body());
    }

    @Test
    void aPlatformOutageIsA502Or503WithRetryAfterNeverAHang() throws Exception {
        simulator.failNext(Route.TEXT_EMBEDDINGS, 503, 1);
        HttpResponse<String> down = ServiceClient.post(service, "{\"query\": \"platform outage one\"}", Map.of());
        assertEquals(502, down.statusCode(), down.body());
        assertTrue(down.headers().firstValue("Retry-After").isPresent());

        simulator.failNext(Route.TEXT_EMBEDDINGS, 429, 1);
        HttpResponse<String> limited = ServiceClient.post(service, "{\"query\": \"platform outage two\"}", Map.of());
        assertEquals(503, limited.statusCode(), limited.body());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());

        simulator.latency(Duration.ofMillis(1_500));
        try {
            HttpResponse<String> slow = ServiceClient.post(service, "{\"query\": \"platform outage three\"}", Map.of());
            assertEquals(503, slow.statusCode(), slow.body());
            assertTrue(slow.body().contains("within 1000 ms"), slow.body());
        } finally {
            simulator.latency(Duration.ZERO);
        }
    }

    @Test
    void healthAndMetricsReport() throws Exception {
        HttpResponse<String> health = ServiceClient.get(service, "/healthz");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("ok", JSON.readTree(health.body()).get("store").asText());
        search("{\"query\": \"metrics please\"}");
        String metrics = ServiceClient.get(service, "/metrics").body();
        assertTrue(metrics.matches("(?s).*vecsync_search_requests_total\\{status=\"200\"} [1-9].*"), metrics);
        assertTrue(metrics.matches("(?s).*vecsync_platform_credits_spent_total [1-9].*"), metrics);
        assertTrue(metrics.contains("vecsync_search_latency_seconds_bucket{le=\"+Inf\"}"), metrics);
    }

    @Test
    void anApiKeyAndCorsGuardTheApi() throws Exception {
        try (QueryService guarded = QueryService.start(props(Map.of(
                QueryServiceConfig.HTTP_API_KEY,
                "svc-key",
                QueryServiceConfig.HTTP_CORS_ORIGINS,
                "https://app.example.com")))) {
            assertEquals(
                    401,
                    ServiceClient.post(guarded, "{\"query\": \"door\"}", Map.of())
                            .statusCode());
            assertEquals(
                    401,
                    ServiceClient.post(guarded, "{\"query\": \"door\"}", Map.of("X-API-Key", "wrong"))
                            .statusCode());
            HttpResponse<String> allowed = ServiceClient.post(
                    guarded,
                    "{\"query\": \"door\"}",
                    Map.of("Authorization", "Bearer svc-key", "Origin", "https://app.example.com"));
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertEquals(
                    "https://app.example.com",
                    allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            HttpResponse<String> foreign = ServiceClient.post(
                    guarded, "{\"query\": \"door\"}", Map.of("X-API-Key", "svc-key", "Origin", "https://evil.example"));
            assertFalse(
                    foreign.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        }
    }

    @Test
    void startFailsNamingTheKeyToFix() {
        InvalidConfigException unknown = assertThrows(
                InvalidConfigException.class,
                () -> QueryService.start(props(Map.of(QueryServiceConfig.STORE, "milvus"))));
        assertTrue(
                unknown.getMessage().contains("store") && unknown.getMessage().contains("pgvector"),
                unknown.getMessage());
        InvalidConfigException unreachable = assertThrows(
                InvalidConfigException.class,
                () -> QueryService.start(
                        props(Map.of(PgVectorSinkConfig.URL, "jdbc:postgresql://127.0.0.1:1/nowhere"))));
        assertTrue(unreachable.getMessage().contains("pgvector.url"), unreachable.getMessage());
        InvalidConfigException noKey = assertThrows(
                InvalidConfigException.class,
                () -> QueryService.start(props(Map.of(QueryServiceConfig.PLATFORM_API_KEY, ""))));
        assertTrue(noKey.getMessage().contains(QueryServiceConfig.PLATFORM_API_KEY), noKey.getMessage());
    }

    /** A hit whose stored URLs are javascript: ones: the page shows it, but links and loads neither. */
    @Test
    void thePageLinksOnlyHttpUrls() throws Exception {
        String query = "a segment whose links are scripts";
        String segmentId = UUID.randomUUID().toString();
        try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl());
                PreparedStatement insert = db.prepareStatement("INSERT INTO " + TABLE
                        + " (segment_id, video_id, start_ts, end_ts, embedding, payload) VALUES (?::uuid, ?::uuid, '00:00:01', '00:00:02',"
                        + " ?::vector, ?::jsonb)")) {
            insert.setString(1, segmentId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, Arrays.toString(simulator.textEmbedding(query)));
            insert.setString(
                    4,
                    JSON.writeValueAsString(Map.of(
                            SegmentSchema.HLS_PLAYLIST_URL,
                            "javascript:alert(1)",
                            SegmentSchema.THUMBNAIL_URL,
                            "javascript:alert(2)")));
            insert.executeUpdate();
        }
        try {
            assertEquals(
                    segmentId,
                    search(JSON.writeValueAsString(Map.of("query", query)))
                            .get(0)
                            .get("segment_id")
                            .asText());
            String dom;
            try (HeadlessChromium chromium = HeadlessChromium.start()) {
                chromium.open("http://127.0.0.1:" + service.port() + "/?q="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8));
                chromium.await(
                        "document.querySelectorAll('.segment').length",
                        count -> count.asInt() > 0,
                        Duration.ofSeconds(20),
                        "hits shown");
                dom = chromium.evaluate("document.documentElement.outerHTML").asText();
            }
            assertTrue(
                    dom.contains(
                            "<button class=\"segment\" type=\"button\" disabled=\"\"><span class=\"time\">00:00:01 – 00:00:02</span>"),
                    "the hit is shown, not playable: " + dom);
            assertFalse(dom.contains("javascript:alert"), dom);
        } finally {
            try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl());
                    PreparedStatement delete =
                            db.prepareStatement("DELETE FROM " + TABLE + " WHERE segment_id = ?::uuid")) {
                delete.setString(1, segmentId);
                delete.executeUpdate();
            }
        }
    }
}
