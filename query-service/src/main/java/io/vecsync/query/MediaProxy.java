/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /v1/media/...: the platform's HLS playlists, segments and thumbnails, fetched with the platform's key, which so
 * never reaches the browser. Only links the service issued are served ({@link MediaLinks}); redirects are not
 * followed, so the key goes to the platform's host alone. Bodies stream through under {@code media.timeout.ms} and
 * {@code media.max.bytes}; playlists are rewritten on the way so that what they name is fetched through here too.
 */
final class MediaProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaProxy.class);
    private static final String API_KEY_HEADER = "X-API-Key";
    private static final Set<String> PLAYLIST_TYPES =
            Set.of("application/vnd.apple.mpegurl", "application/x-mpegurl", "audio/mpegurl", "audio/x-mpegurl");
    private static final String BINARY = "application/octet-stream";
    private static final int BUFFER_BYTES = 64 * 1024;

    private final MediaLinks links;
    private final String apiKey;
    private final Duration headersTimeout;
    private final Duration transferTimeout;
    private final long maxBytes;
    private final HttpClient http;
    /** Closes the platform's body at a transfer's deadline, which ends the read blocked on it. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "vecsync-media-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    MediaProxy(QueryServiceConfig config, MediaLinks links) {
        this.links = links;
        this.apiKey = config.getSecret(QueryServiceConfig.PLATFORM_API_KEY).value();
        this.headersTimeout = Duration.ofMillis(config.getLong(QueryServiceConfig.PLATFORM_TIMEOUT_MS));
        this.transferTimeout = Duration.ofMillis(config.getLong(QueryServiceConfig.MEDIA_TIMEOUT_MS));
        this.maxBytes = config.getLong(QueryServiceConfig.MEDIA_MAX_BYTES);
        this.http = HttpClient.newBuilder()
                .connectTimeout(headersTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Answers the exchange. A transfer cut at its deadline or size limit ends with an IOException instead of closing
     * the exchange, so that the server drops the connection and the player sees a failed request, not a short one.
     */
    void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            HttpApi.sendJson(exchange, 405, Map.of("error", "use GET"));
            return;
        }
        URI requested = exchange.getRequestURI();
        Optional<URI> target =
                links.platformUrl(requested.getRawPath().substring(MediaLinks.ROUTE.length()), requested.getRawQuery());
        if (target.isEmpty()) {
            HttpApi.sendJson(exchange, 404, Map.of("error", "not found"));
            return;
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request(exchange, target.get()), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            HttpApi.sendJson(
                    exchange,
                    504,
                    Map.of("error", "the platform did not answer within " + headersTimeout.toMillis() + " ms"));
            return;
        } catch (IOException e) {
            log.warn("a media request to the platform failed: {}", e.toString());
            HttpApi.sendJson(exchange, 502, Map.of("error", "the platform could not be reached"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the service is stopping", e);
        }
        try (InputStream body = response.body()) {
            if (relayable(exchange, response)) {
                relay(exchange, response, body, target.get());
            }
        }
        exchange.close();
    }

    private HttpRequest request(HttpExchange exchange, URI target) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target).timeout(headersTimeout).header(API_KEY_HEADER, apiKey);
        // Players ask for byte ranges of segments (EXT-X-BYTERANGE) and of progressive files.
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null) {
            request.header("Range", range);
        }
        return request.build();
    }

    /** Whether the platform's answer is passed on; if not, the exchange has the service's own answer. */
    private boolean relayable(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        int status = response.statusCode();
        if (status == 404 || status == 416) {
            HttpApi.sendJson(exchange, status, Map.of("error", status == 404 ? "not found" : "range not satisfiable"));
            return false;
        }
        if (status == 401 || status == 403) {
            log.warn(
                    "the platform refused the service's key for media (HTTP {}); check {}",
                    status,
                    QueryServiceConfig.PLATFORM_API_KEY);
        } else if (status >= 300 && status < 400) {
            log.warn(
                    "the platform redirected a media request (HTTP {}); redirects are not followed, so the key stays on its host",
                    status);
        }
        if (status != 200 && status != 206) {
            HttpApi.sendJson(exchange, 502, Map.of("error", "the platform answered HTTP " + status));
            return false;
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length > maxBytes) {
            HttpApi.sendJson(
                    exchange,
                    502,
                    Map.of("error", "the platform's answer is larger than " + QueryServiceConfig.MEDIA_MAX_BYTES));
            return false;
        }
        return true;
    }

    private void relay(HttpExchange exchange, HttpResponse<InputStream> response, InputStream body, URI target)
            throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse(BINARY);
        boolean playlist =
                PLAYLIST_TYPES.contains(mediaType(type)) || target.getPath().endsWith(".m3u8");
        exchange.getResponseHeaders().set("Content-Type", playlist ? "application/vnd.apple.mpegurl" : safeType(type));
        // What the platform sends is shown as media, never run as a document of the service's origin.
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; sandbox");
        exchange.getResponseHeaders().set("Cache-Control", "private, max-age=300");
        response.headers()
                .firstValue("Content-Range")
                .ifPresent(range -> exchange.getResponseHeaders().set("Content-Range", range));
        long length = playlist
                ? 0
                : response.headers().firstValueAsLong("Content-Length").orElse(0);
        exchange.sendResponseHeaders(response.statusCode(), length);
        ScheduledFuture<?> deadline =
                deadlines.schedule(() -> closeQuietly(body), transferTimeout.toMillis(), TimeUnit.MILLISECONDS);
        CappedStream capped = new CappedStream(body, maxBytes);
        long started = System.nanoTime();
        // Not closed on failure: closing would end a chunked answer as if it were complete.
        OutputStream out = exchange.getResponseBody();
        try {
            if (playlist) {
                rewrite(capped, out, new PlaylistRewriter(links, target));
            } else {
                capped.transferTo(out);
            }
        } catch (IOException e) {
            throw cut(e, started);
        } finally {
            deadline.cancel(false);
        }
    }

    private static void rewrite(InputStream playlist, OutputStream out, PlaylistRewriter rewriter) throws IOException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(playlist, StandardCharsets.UTF_8), BUFFER_BYTES);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            out.write((rewriter.line(line) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Why a transfer under way stopped, in words for the log; the player just sees its request fail. */
    private IOException cut(IOException e, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        String reason = e instanceof CappedStream.TooLargeException
                ? "it passed " + QueryServiceConfig.MEDIA_MAX_BYTES
                : took.compareTo(transferTimeout) >= 0
                        ? "it took longer than " + QueryServiceConfig.MEDIA_TIMEOUT_MS
                        : "of " + e;
        log.info("a media transfer was cut because {}", reason);
        return e;
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Media types pass; anything a browser could run (HTML, SVG, scripts) goes out as opaque bytes. */
    private static String safeType(String contentType) {
        String type = mediaType(contentType);
        boolean media = (type.startsWith("video/") || type.startsWith("audio/") || type.startsWith("image/"))
                && !type.equals("image/svg+xml");
        return media ? type : BINARY;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // The transfer fails either way; its reader reports it.
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
