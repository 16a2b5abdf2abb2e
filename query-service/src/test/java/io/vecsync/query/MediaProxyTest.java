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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    /** The platform's header deadline (platform.timeout.ms). */
    private static final long HEADERS_TIMEOUT_MS = 2_000;
    /** What a stalling platform sends of a segment before it stalls. */
    private static final int FIRST_PART = 256 * 1024;

    private static final byte[] SEGMENT = pattern(3 * MAX_BYTES / 4);
    private static final String PLAYLIST =
            "#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI=\"key.bin\"\n#EXTINF:10.000,\nseg-0.ts\n"
                    + "#EXTINF:10.000,\nhttps://cdn.example.com/x.ts\n#EXT-X-STREAM-INF:BANDWIDTH=1\n720p/index.m3u8\n#EXT-X-ENDLIST\n";

    private final HttpClient browser = HttpClient.newHttpClient();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<String> keysReceived = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outsideRequests = new AtomicInteger();
    private final AtomicInteger otherHostRequests = new AtomicInteger();
    /** Held by the platform's stalling answers until the test releases it. */
    private final CountDownLatch stall = new CountDownLatch(1);

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
                case "renamed.ts" -> {
                    exchange.getResponseHeaders().set("Location", VIDEO + "seg-0.ts");
                    send(exchange, 301, "text/plain", new byte[0], false);
                }
                case "stalling.ts" -> {
                    byte[] whole = pattern(MAX_BYTES);
                    exchange.getResponseHeaders().set("Content-Type", "video/mp2t");
                    exchange.sendResponseHeaders(200, whole.length);
                    exchange.getResponseBody().write(whole, 0, FIRST_PART);
                    exchange.getResponseBody().flush();
                    await(stall);
                    exchange.getResponseBody().write(whole, FIRST_PART, whole.length - FIRST_PART);
                    exchange.close();
                }
                case "late.ts" -> {
                    await(stall);
                    send(exchange, 200, "video/mp2t", SEGMENT, false);
                }
                case "limited.ts" -> {
                    exchange.getResponseHeaders().set("Retry-After", "7");
                    send(exchange, 429, "application/json", "{}".getBytes(StandardCharsets.UTF_8), false);
                }
                case "limited-until.ts" -> {
                    exchange.getResponseHeaders()
                            .set(
                                    "Retry-After",
                                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30)));
                    send(exchange, 429, "application/json", "{}".getBytes(StandardCharsets.UTF_8), false);
                }
                case "failing.ts" -> send(exchange, 500, "text/plain", new byte[0], false);
                case "refused.ts" -> send(exchange, 401, "application/json", new byte[0], false);
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
        props.put(QueryServiceConfig.PLATFORM_TIMEOUT_MS, Long.toString(HEADERS_TIMEOUT_MS));
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
        stall.countDown();
        service.close();
        platform.stop(0);
        otherHost.stop(0);
        executor.shutdownNow();
    }

    /** The hit's links, as the page gets them through a TLS proxy. */
    private JsonNode hit() throws Exception {
        HttpResponse<String> response = ServiceClient.post(
                service,
                "{\"vector\": [0.6, 0.8]}",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "search.example.com"));
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains(KEY), response.body());
        return Json.MAPPER.readTree(response.body()).get("hits").get(0);
    }

    /** The proxy's link for another file in the directory of the hit's playlist. */
    private String sibling(String file) throws Exception {
        String playlist = hit().get("playable_url").asText().split("#")[0];
        return playlist.substring(0, playlist.lastIndexOf('/') + 1) + file;
    }

    /** A link of the service's (a path) at the service, as sent: dot segments are left for the service to refuse. */
    private URI resolve(String link) {
        return URI.create("http://127.0.0.1:" + service.port() + link);
    }

    private HttpResponse<byte[]> get(String link) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(resolve(link))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void hitsLinkToTheProxyWhichAddsTheKeyAndRewritesPlaylists() throws Exception {
        JsonNode hit = hit();
        String playable = hit.get("playable_url").asText();
        assertTrue(
                playable.startsWith("/v1/media/") && playable.endsWith(VIDEO + "playlist.m3u8#t=00:00:20"),
                "a path, which keeps the scheme and host the page was reached by (https behind a TLS proxy): "
                        + playable);
        assertTrue(hit.get("thumbnail_url").asText().startsWith("/v1/media/"), hit.toString());
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
            HttpResponse<byte[]> named = get(links.group(1));
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
        String otherFirst = token.startsWith("A") ? "B" : "A";
        for (String forged : List.of(
                link.replace(token, otherFirst + token.substring(1)),
                "/v1/media/" + token + "/api/backend/v1/developer/videos/list",
                "/v1/media/" + token + VIDEO + "../../list",
                "/v1/media/" + token + VIDEO + "%2e%2e/%2e%2e/list",
                "/v1/media/" + token,
                "/v1/media/")) {
            assertEquals(404, get(forged).statusCode(), forged);
        }
        assertEquals(0, outsideRequests.get(), "no request left the prefixes");
        assertEquals(
                405,
                browser.send(
                                HttpRequest.newBuilder(resolve(link)).DELETE().build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
    }

    @Test
    void aRedirectIsFollowedWithinThePlatformOnlySoTheKeyStaysWithIt() throws Exception {
        assertEquals(502, get(sibling("moved.ts")).statusCode());
        assertEquals(0, otherHostRequests.get());
        HttpResponse<byte[]> renamed = get(sibling("renamed.ts"));
        assertEquals(200, renamed.statusCode());
        assertArrayEquals(SEGMENT, renamed.body());
    }

    @Test
    void aSegmentStreamsThroughBeforeThePlatformHasSentAllOfIt() throws Exception {
        HttpResponse<InputStream> response = browser.send(
                HttpRequest.newBuilder(resolve(sibling("stalling.ts")))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (InputStream body = response.body()) {
            // A bound so that a proxy buffering the whole segment fails the test instead of hanging it.
            byte[] first = executor.submit(() -> body.readNBytes(FIRST_PART)).get(30, TimeUnit.SECONDS);
            assertEquals(1, stall.getCount(), "the platform was still holding the rest");
            byte[] whole = pattern(MAX_BYTES);
            assertArrayEquals(Arrays.copyOf(whole, FIRST_PART), first);
            stall.countDown();
            assertArrayEquals(Arrays.copyOfRange(whole, FIRST_PART, whole.length), body.readAllBytes());
        }
    }

    @Test
    void aPlatformSlowToAnswerIsA504AtThePlatformDeadline() throws Exception {
        long started = System.nanoTime();
        HttpResponse<byte[]> late = get(sibling("late.ts"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(504, late.statusCode(), new String(late.body(), StandardCharsets.UTF_8));
        assertEquals(1, stall.getCount(), "answered while the platform was still silent");
        assertTrue(tookMillis >= HEADERS_TIMEOUT_MS - 50, "gave up after " + tookMillis + " ms, before the deadline");
        assertTrue(late.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void aRateLimitedPlatformIsA503WithItsRetryAfterAndOtherFailuresA502() throws Exception {
        HttpResponse<byte[]> limited = get(sibling("limited.ts"));
        assertEquals(503, limited.statusCode());
        assertEquals("7", limited.headers().firstValue("Retry-After").orElseThrow());

        long until = Long.parseLong(get(sibling("limited-until.ts"))
                .headers()
                .firstValue("Retry-After")
                .orElseThrow());
        assertTrue(until > 20 && until <= 30, "an HTTP-date 30 s ahead, as seconds: " + until);

        assertEquals(502, get(sibling("failing.ts")).statusCode());
        HttpResponse<byte[]> refused = get(sibling("refused.ts"));
        assertEquals(502, refused.statusCode());
        assertFalse(new String(refused.body(), StandardCharsets.UTF_8).contains(KEY));
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
