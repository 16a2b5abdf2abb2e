package io.vecsync.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedder against a local platform that answers as told: the cache, and what each failure becomes for the caller. */
class TextEmbedderTest {

    private static final String EMBEDDING = "{\"status\":\"ready\",\"data\":[{\"embedding\":[0.6,0.8]}]}";

    private final HttpServer platform;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status = 200;
    private volatile String retryAfter;
    private volatile long delayMs;
    private final TextEmbedder embedder;

    TextEmbedderTest() throws IOException {
        platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        platform.setExecutor(Executors.newCachedThreadPool());
        platform.createContext("/api/chat/v1/developer/embeddings/text", this::answer);
        platform.createContext("/api/backend/v1/developer/videos/list", exchange -> send(exchange, status, "[]"));
        platform.start();
        QueryServiceConfig config = new QueryServiceConfig(Map.of(QueryServiceConfig.STORE, "pgvector",
                QueryServiceConfig.PLATFORM_BASE_URL, "http://127.0.0.1:" + platform.getAddress().getPort(),
                QueryServiceConfig.PLATFORM_API_KEY, "sk-query", QueryServiceConfig.PLATFORM_TIMEOUT_MS, "300",
                QueryServiceConfig.DIMENSION, "2"));
        embedder = new TextEmbedder(config, new ServiceMetrics());
    }

    @AfterEach
    void stop() {
        embedder.close();
        platform.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        send(exchange, status, status == 200 ? EMBEDDING : "{\"detail\":\"no\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void aRepeatedQueryIsEmbeddedOnce() {
        assertArrayEquals(new float[]{0.6f, 0.8f}, embedder.embed("door"));
        assertArrayEquals(new float[]{0.6f, 0.8f}, embedder.embed("door"));
        assertEquals(1, calls.get());
    }

    @Test
    void aFailingPlatformIsA502AndABusyOrSlowOneA503WithoutRetrying() {
        status = 503;
        EmbeddingUnavailableException down = assertThrows(EmbeddingUnavailableException.class, () -> embedder.embed("one"));
        assertEquals(502, down.status());
        assertEquals(1, calls.get(), "a search does not wait for retries");

        status = 429;
        retryAfter = "2";
        EmbeddingUnavailableException limited = assertThrows(EmbeddingUnavailableException.class, () -> embedder.embed("two"));
        assertEquals(503, limited.status());
        assertEquals(2, limited.retryAfterSeconds());

        status = 200;
        delayMs = 1_000;
        EmbeddingUnavailableException slow = assertThrows(EmbeddingUnavailableException.class, () -> embedder.embed("three"));
        assertEquals(503, slow.status());
        assertTrue(slow.getMessage().contains("within 300 ms"), slow.getMessage());
    }

    @Test
    void aRejectedKeyNamesItsSettingAndARefusedTextIsTheCallersMistake() {
        status = 401;
        EmbeddingUnavailableException key = assertThrows(EmbeddingUnavailableException.class, () -> embedder.embed("one"));
        assertEquals(502, key.status());
        assertTrue(key.getMessage().contains(QueryServiceConfig.PLATFORM_API_KEY) && !key.getMessage().contains("sk-query"),
                key.getMessage());

        status = 422;
        assertEquals("query", assertThrows(BadRequestException.class, () -> embedder.embed("two")).field());
    }

    @Test
    void theHealthCheckListsOneVideo() {
        assertTrue(embedder.reachable());
        status = 500;
        assertFalse(embedder.reachable());
    }
}
