/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vecsync.search.SearchHit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The media proxy between a browser and a local platform: what it adds, rewrites, streams, cuts and refuses. */
class MediaProxyTest {

    private static final String KEY = "sk-media-secret";
    private static final String HLS = "/api/backend/v1/developer/videos/hls/";
    private static final String VIDEO = HLS + "v1/";
    private static final int MAX_BYTES = 1 << 20;
    private static final byte[] SEGMENT = pattern(3 * MAX_BYTES / 4);
    private static final String PLAYLIST =
            "#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI=\"key.bin\"\n#EXTINF:10.000,\nseg-0.ts\n"
                    + "#EXTINF:10.000,\nhttps://cdn.example.com/x.ts\n#EXT-X-STREAM-INF:BANDWIDTH=1\n720p/index.m3u8\n#EXT-X-ENDLIST\n";

    private final HttpClient browser = HttpClient.newHttpClient();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<String> keysReceived = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outsideRequests = new AtomicInteger();
    private final AtomicInteger otherHostRequests = new AtomicInteger();
    private HttpServer platform;
    private HttpServer otherHost;
    private QueryService service;

    @BeforeEach
    void start() throws IOException {
        otherHost = server();
        otherHost.createContext("/", exchange -> {
            otherHostRequests.incrementAndGet();
            send(exchange, 200, "video/mp2t", SEGMENT, true);
        });
        platform = server();
        platform.createContext("/", exchange -> {
            keysReceived.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-API-Key")));
            String path = exchange.getRequestURI().getPath();
            switch (path.startsWith(VIDEO) ? path.substring(VIDEO.length()) : "outside") {
                case "playlist.m3u8" ->
                    send(
                            exchange,
                            200,
                            "application/vnd.apple.mpegurl",
                            PLAYLIST.getBytes(StandardCharsets.UTF_8),
                            false);
                case "seg-0.ts", "key.bin" -> send(exchange, 200, "video/mp2t", SEGMENT, true);
                case "720p/index.m3u8" ->
                    send(
                            exchange,
                            200,
                            "application/x-mpegURL",
                            "#EXTM3U\nseg-0.ts\n".getBytes(StandardCharsets.UTF_8),
                            true);
                case "thumbnail.png" -> send(exchange, 200, "image/png", new byte[] {1, 2, 3}, false);
                case "page.html" ->
                    send(
                            exchange,
                            200,
                            "text/html",
                            "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                            false);
                case "big.ts" -> send(exchange, 200, "video/mp2t", pattern(2 * MAX_BYTES), true);
                case "huge.ts" -> send(exchange, 200, "video/mp2t", pattern(MAX_BYTES + 1), false);
                case "moved.ts" -> {
                    exchange.getResponseHeaders()
                            .set(
                                    "Location",
                                    "http://127.0.0.1:" + otherHost.getAddress().getPort() + "/x.ts");
                    send(exchange, 302, "text/plain", new byte[0], false);
                }
                case "slow.ts" -> {
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write(SEGMENT, 0, 1000);
                    exchange.getResponseBody().flush();
                    sleep(Duration.ofSeconds(20));
                    exchange.close();
                }
                default -> {
                    outsideRequests.incrementAndGet();
                    send(exchange, 404, "text/plain", new byte[0], false);
                }
            }
        });
        Map<String, String> props = new HashMap<>(Map.of(
                QueryServiceConfig.STORE,
                "pgvector",
                QueryServiceConfig.PLATFORM_BASE_URL,
                "http://127.0.0.1:" + platform.getAddress().getPort(),
                QueryServiceConfig.PLATFORM_API_KEY,
                KEY,
                QueryServiceConfig.DIMENSION,
                "2",
                QueryServiceConfig.HTTP_PORT,
                "0",
                QueryServiceConfig.MEDIA_MAX_BYTES,
                Integer.toString(MAX_BYTES),
                QueryServiceConfig.MEDIA_TIMEOUT_MS,
                "1000"));
        QueryServiceConfig config = new QueryServiceConfig(props);
        StubStore store = new StubStore();
        String platformUrl = "http://127.0.0.1:" + platform.getAddress().getPort();
        store.answer = () -> List.of(new SearchHit(
                "0b5e7a4e-9a51-5d1f-8f5e-2f0c8a1e4b11",
                0.9,
                Map.of(
                        "video_id",
                        "v1",
                        "start",
                        "00:00:20",
                        "end",
                        "00:00:30",
                        "hls_playlist_url",
                        platformUrl + VIDEO + "playlist.m3u8",
                        "thumbnail_url",
                        platformUrl + VIDEO + "thumbnail.png")));
        ServiceMetrics metrics = new ServiceMetrics();
        service = QueryService.start(config, new GuardedSearcher(store, config.storeTimeout(), metrics), metrics);
    }

    @AfterEach
    void stop() {
        service.close();
        platform.stop(0);
        otherHost.stop(0);
        executor.shutdownNow();
    }

    /** The hit's links, as the page gets them. */
    private JsonNode hit() throws Exception {
        HttpResponse<String> response = ServiceClient.post(service, "{\"vector\": [0.6, 0.8]}", Map.of());
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains(KEY), response.body());
        return Json.MAPPER.readTree(response.body()).get("hits").get(0);
    }

    /** The proxy's link for another file in the directory of the hit's playlist. */
    private String sibling(String file) throws Exception {
        String playlist = hit().get("playable_url").asText().split("#")[0];
        return playlist.substring(0, playlist.lastIndexOf('/') + 1) + file;
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void hitsLinkToTheProxyWhichAddsTheKeyAndRewritesPlaylists() throws Exception {
        String origin = "http://127.0.0.1:" + service.port();
        JsonNode hit = hit();
        String playable = hit.get("playable_url").asText();
        assertTrue(
                playable.startsWith(origin + "/v1/media/") && playable.endsWith(VIDEO + "playlist.m3u8#t=00:00:20"),
                playable);
        assertEquals(200, get(hit.get("thumbnail_url").asText()).statusCode());

        HttpResponse<byte[]> playlist = get(playable.split("#")[0]);
        assertEquals(200, playlist.statusCode());
        assertEquals(
                "application/vnd.apple.mpegurl",
                playlist.headers().firstValue("Content-Type").orElseThrow());
        String rewritten = new String(playlist.body(), StandardCharsets.UTF_8);
        assertTrue(
                rewritten.contains("\nhttps://cdn.example.com/x.ts\n"),
                "another host's segment is left to the player: " + rewritten);
        Matcher links = Pattern.compile("(/v1/media/[^\\s\"]+)").matcher(rewritten);
        int proxied = 0;
        while (links.find()) {
            HttpResponse<byte[]> named = get(origin + links.group(1));
            assertEquals(200, named.statusCode(), links.group(1));
            if (links.group(1).endsWith(".m3u8")) {
                assertEquals(
                        "#EXTM3U\n" + links.group(1).replace("index.m3u8", "seg-0.ts") + "\n",
                        new String(named.body(), StandardCharsets.UTF_8));
            } else {
                assertArrayEquals(SEGMENT, named.body(), "streamed whole: " + links.group(1));
            }
            proxied++;
        }
        assertEquals(3, proxied, "the key, the segment and the variant playlist: " + rewritten);
        assertTrue(
                keysReceived.stream().allMatch(KEY::equals), "every platform request carried the key: " + keysReceived);
    }

    @Test
    void onlyTheLinksItIssuedAreServed() throws Exception {
        String link = sibling("seg-0.ts");
        String token = link.split("/v1/media/")[1].split("/")[0];
        String origin = link.substring(0, link.indexOf("/v1/media/"));
        String otherFirst = token.startsWith("A") ? "B" : "A";
        for (String forged : List.of(
                link.replace(token, otherFirst + token.substring(1)),
                origin + "/v1/media/" + token + "/api/backend/v1/developer/videos/list",
                origin + "/v1/media/" + token + VIDEO + "../../list",
                origin + "/v1/media/" + token + VIDEO + "%2e%2e/%2e%2e/list",
                origin + "/v1/media/" + token,
                origin + "/v1/media/")) {
            assertEquals(404, get(forged).statusCode(), forged);
        }
        assertEquals(0, outsideRequests.get(), "no request left the prefixes");
        assertEquals(
                405,
                browser.send(
                                HttpRequest.newBuilder(URI.create(link))
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyStaysWithThePlatform() throws Exception {
        assertEquals(502, get(sibling("moved.ts")).statusCode());
        assertEquals(0, otherHostRequests.get());
    }

    @Test
    void transfersPastTheSizeLimitOrTheDeadlineFail() throws Exception {
        assertEquals(502, get(sibling("huge.ts")).statusCode(), "announced too large");
        assertThrows(
                IOException.class, () -> get(sibling("big.ts")), "cut once past the limit, not ended as if complete");
        long started = System.nanoTime();
        assertThrows(IOException.class, () -> get(sibling("slow.ts")), "cut at the deadline");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 5_000, "cut after " + tookMillis + " ms; the deadline is 1000 ms");
    }

    @Test
    void whatThePlatformSendsIsNeverRunAsAPageOfTheService() throws Exception {
        HttpResponse<byte[]> page = get(sibling("page.html"));
        assertEquals(
                "application/octet-stream",
                page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(page.headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow()
                .contains("sandbox"));
    }

    private HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
        return server;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean chunked)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }
}
