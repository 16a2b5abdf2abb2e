/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import com.sun.net.httpserver.HttpExchange;
import io.vecsync.platform.BodyTooLargeException;
import io.vecsync.platform.MalformedResponseException;
import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformException;
import io.vecsync.platform.PlatformMedia;
import io.vecsync.platform.PlatformRejectedException;
import io.vecsync.platform.PlatformUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
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
 * GET /v1/media/...: the platform's HLS playlists, segments and thumbnails, fetched through the platform client, whose
 * key so never reaches the browser. Only links the service issued are served ({@link MediaLinks}); the client follows
 * redirects within the platform's origin only. Bodies stream through under {@code media.timeout.ms} and
 * {@code media.max.bytes}; playlists are rewritten on the way so that what they name is fetched through here too.
 */
final class MediaProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaProxy.class);
    private static final Set<String> PLAYLIST_TYPES =
            Set.of("application/vnd.apple.mpegurl", "application/x-mpegurl", "audio/mpegurl", "audio/x-mpegurl");
    private static final String BINARY = "application/octet-stream";
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Retry-After for a platform that is slow or stopping, which said nothing itself. */
    private static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

    private final MediaLinks links;
    private final PlatformClient platform;
    private final long headersTimeoutMs;
    private final Duration transferTimeout;
    private final long maxBytes;
    /** Closes the platform's body at a transfer's deadline, which ends the read blocked on it. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "vecsync-media-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    MediaProxy(QueryServiceConfig config, MediaLinks links, PlatformClient platform) {
        this.links = links;
        this.platform = platform;
        this.headersTimeoutMs = config.getLong(QueryServiceConfig.PLATFORM_TIMEOUT_MS);
        this.transferTimeout = Duration.ofMillis(config.getLong(QueryServiceConfig.MEDIA_TIMEOUT_MS));
        this.maxBytes = config.getLong(QueryServiceConfig.MEDIA_MAX_BYTES);
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
        PlatformMedia media;
        try {
            // Players ask for byte ranges of segments (EXT-X-BYTERANGE) and of progressive files.
            media = platform.media(
                    target.get().getRawPath(),
                    target.get().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Range"),
                    maxBytes);
        } catch (PlatformException e) {
            refuse(exchange, e);
            return;
        }
        try (media) {
            relay(exchange, media, target.get());
        }
        exchange.close();
    }

    /** The service's own answer when the platform's cannot be passed on. */
    private void refuse(HttpExchange exchange, PlatformException e) throws IOException {
        if (e instanceof PlatformUnavailableException unavailable) {
            boolean slow = unavailable.reason() == PlatformUnavailableException.Reason.TIMED_OUT;
            boolean busy = slow
                    || unavailable.reason() == PlatformUnavailableException.Reason.RATE_LIMITED
                    || unavailable.reason() == PlatformUnavailableException.Reason.STOPPED;
            long retryAfter = unavailable
                    .retryAfter()
                    .map(UnavailableException::wholeSeconds)
                    .orElse(DEFAULT_RETRY_AFTER_SECONDS);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
            String error = slow
                    ? "the platform did not answer within " + headersTimeoutMs + " ms"
                    : busy ? "the platform is busy; try again later" : "the platform could not be reached";
            if (!busy) {
                log.warn("a media request to the platform failed: {}", e.getMessage());
            }
            HttpApi.sendJson(exchange, slow ? 504 : busy ? 503 : 502, Map.of("error", error));
        } else if (e instanceof PlatformRejectedException rejected
                && (rejected.status() == 404 || rejected.status() == 416)) {
            HttpApi.sendJson(
                    exchange,
                    rejected.status(),
                    Map.of("error", rejected.status() == 404 ? "not found" : "range not satisfiable"));
        } else if (e instanceof MalformedResponseException) {
            HttpApi.sendJson(
                    exchange,
                    502,
                    Map.of("error", "the platform's answer is larger than " + QueryServiceConfig.MEDIA_MAX_BYTES));
        } else {
            // A refused key (its message names the setting), a redirect away from the platform, an answer that is not
            // 2xx: the operator's to look at.
            log.warn("a media request to the platform failed: {}", e.getMessage());
            HttpApi.sendJson(exchange, 502, Map.of("error", "the platform did not serve the file"));
        }
    }

    private void relay(HttpExchange exchange, PlatformMedia media, URI target) throws IOException {
        String type = media.header("Content-Type").orElse(BINARY);
        boolean playlist =
                PLAYLIST_TYPES.contains(mediaType(type)) || target.getPath().endsWith(".m3u8");
        exchange.getResponseHeaders().set("Content-Type", playlist ? "application/vnd.apple.mpegurl" : safeType(type));
        // What the platform sends is shown as media, never run as a document of the service's origin.
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; sandbox");
        exchange.getResponseHeaders().set("Cache-Control", "private, max-age=300");
        media.header("Content-Range")
                .ifPresent(range -> exchange.getResponseHeaders().set("Content-Range", range));
        long length = playlist ? 0 : media.contentLength().orElse(0);
        exchange.sendResponseHeaders(media.status(), length);
        ScheduledFuture<?> deadline =
                deadlines.schedule(media::close, transferTimeout.toMillis(), TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        // Not closed on failure: closing would end a chunked answer as if it were complete.
        OutputStream out = exchange.getResponseBody();
        try {
            if (playlist) {
                rewrite(media.body(), out, new PlaylistRewriter(links, target));
            } else {
                stream(media.body(), out);
            }
        } catch (IOException e) {
            throw cut(e, started);
        } finally {
            deadline.cancel(false);
        }
    }

    /** Passes each part on as it arrives, so the player starts on a segment before the platform has sent all of it. */
    private static void stream(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            out.flush();
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
        String reason = e instanceof BodyTooLargeException
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

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
