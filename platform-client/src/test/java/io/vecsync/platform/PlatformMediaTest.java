/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import static io.vecsync.platform.Fixtures.KEY;
import static io.vecsync.platform.Fixtures.settings;
import static io.vecsync.platform.LocalServer.endless;
import static io.vecsync.platform.LocalServer.json;
import static io.vecsync.platform.LocalServer.redirect;
import static io.vecsync.platform.LocalServer.slow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Media files streamed from a local platform: the key, ranges, redirects, the client's exceptions and the size cap. */
class PlatformMediaTest {

    private static final String SEGMENT = "/media/hls/v1/seg-0.ts";
    private static final byte[] BYTES = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);

    private final LocalServer server = LocalServer.start();
    private final List<String> ranges = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A client with no retries, as the query service has, whose base URL has a path of its own. */
    private PlatformClient client() {
        return new PlatformClient(
                settings(server.baseUrl() + "/api/backend", 0, Duration.ofSeconds(5), 1 << 20), PlatformListener.NONE);
    }

    private LocalServer.Answer segment(int status) {
        return exchange -> {
            ranges.add(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
            exchange.getResponseHeaders().set("Content-Type", "video/mp2t");
            exchange.getResponseHeaders().set("Content-Range", "bytes 0-999/5000");
            exchange.sendResponseHeaders(status, BYTES.length);
            exchange.getResponseBody().write(BYTES);
        };
    }

    @Test
    void aFileStreamsFromThePlatformsOriginWithTheKeyAndTheRange() throws IOException {
        server.on(SEGMENT, segment(206));
        try (PlatformMedia media = client().media(SEGMENT, "sig=1", "bytes=0-999", 1 << 20)) {
            assertEquals(206, media.status());
            assertEquals("video/mp2t", media.header("Content-Type").orElseThrow());
            assertEquals("bytes 0-999/5000", media.header("Content-Range").orElseThrow());
            assertEquals(BYTES.length, media.contentLength().orElseThrow());
            assertArrayEquals(BYTES, media.body().readAllBytes());
        }
        LocalServer.Seen seen = server.seen().get(0);
        assertEquals(SEGMENT + "?sig=1", seen.pathAndQuery(), "on the origin, not under the base URL's path");
        assertEquals(KEY, seen.apiKey());
        assertEquals(List.of("bytes=0-999"), ranges);
    }

    @Test
    void redirectsAreFollowedWithinThePlatformOnlyAndNeverCarryTheKeyElsewhere() {
        server.on("/media/hls/v1/old.ts", redirect(302, SEGMENT));
        server.on(SEGMENT, segment(200));
        try (PlatformMedia media = client().media("/media/hls/v1/old.ts", null, null, 1 << 20)) {
            assertEquals(200, media.status());
        }
        assertEquals(KEY, server.seen().get(1).apiKey(), "the platform's own redirect keeps the key");

        try (LocalServer elsewhere = LocalServer.start()) {
            elsewhere.on("/x.ts", segment(200));
            server.on("/media/hls/v1/moved.ts", redirect(307, elsewhere.baseUrl() + "/x.ts"));
            PlatformException moved = assertThrows(
                    PlatformException.class, () -> client().media("/media/hls/v1/moved.ts", null, null, 1 << 20));
            assertTrue(moved.getMessage().contains("another origin"), moved.getMessage());
            assertEquals(List.of(), elsewhere.seen(), "nothing was fetched from another origin");
        }
    }

    @Test
    void aRateLimitCarriesItsRetryAfterInSecondsOrAsADate() {
        server.on(SEGMENT, json(429, "{}", Map.of("Retry-After", "7")));
        PlatformUnavailableException seconds =
                assertThrows(PlatformUnavailableException.class, () -> client().media(SEGMENT, null, null, 1 << 20));
        assertEquals(PlatformUnavailableException.Reason.RATE_LIMITED, seconds.reason());
        assertEquals(Duration.ofSeconds(7), seconds.retryAfter().orElseThrow());

        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        server.on(SEGMENT, json(429, "{}", Map.of("Retry-After", inAMinute)));
        Duration wait = assertThrows(
                        PlatformUnavailableException.class, () -> client().media(SEGMENT, null, null, 1 << 20))
                .retryAfter()
                .orElseThrow();
        assertTrue(
                wait.compareTo(Duration.ofSeconds(50)) > 0 && wait.compareTo(Duration.ofSeconds(60)) <= 0,
                wait::toString);
    }

    @Test
    void failuresAreTheClientsExceptions() {
        server.on(SEGMENT, json(404, "{}"));
        assertEquals(
                404,
                assertThrows(PlatformRejectedException.class, () -> client().media(SEGMENT, null, null, 1 << 20))
                        .status());
        server.on(SEGMENT, json(401, "{}"));
        PlatformAuthException auth =
                assertThrows(PlatformAuthException.class, () -> client().media(SEGMENT, null, null, 1 << 20));
        assertTrue(auth.getMessage().contains(Fixtures.KEY_CONFIG)
                && !auth.getMessage().contains(KEY));
        server.on(SEGMENT, json(503, "{}"));
        assertEquals(
                PlatformUnavailableException.Reason.SERVER_ERROR,
                assertThrows(PlatformUnavailableException.class, () -> client().media(SEGMENT, null, null, 1 << 20))
                        .reason());
        server.on(SEGMENT, slow(Duration.ofSeconds(3), segment(200)));
        PlatformClient impatient = new PlatformClient(
                settings(server.baseUrl(), 0, Duration.ofMillis(200), 1 << 20), PlatformListener.NONE);
        assertEquals(
                PlatformUnavailableException.Reason.TIMED_OUT,
                assertThrows(PlatformUnavailableException.class, () -> impatient.media(SEGMENT, null, null, 1 << 20))
                        .reason());
        assertThrows(IllegalArgumentException.class, () -> client().media("//elsewhere.example/x", null, null, 1));
    }

    @Test
    void theSizeCapHoldsWhetherAnnouncedOrWhileStreaming() throws IOException {
        server.on(SEGMENT, segment(200));
        assertThrows(MalformedResponseException.class, () -> client().media(SEGMENT, null, null, BYTES.length - 1));

        server.on(SEGMENT, endless());
        try (PlatformMedia media = client().media(SEGMENT, null, null, 64 * 1024)) {
            InputStream body = media.body();
            assertThrows(BodyTooLargeException.class, () -> body.transferTo(OutputStream.nullOutputStream()));
        }
    }

    @Test
    void aBodyClosedMidTransferFailsRatherThanEnds() throws IOException {
        server.on(SEGMENT, endless());
        PlatformMedia media = client().media(SEGMENT, null, null, Long.MAX_VALUE);
        InputStream body = media.body();
        assertTrue(body.read(new byte[1024]) > 0);
        media.close();
        assertThrows(IOException.class, () -> body.read(new byte[1024]));
    }
}
