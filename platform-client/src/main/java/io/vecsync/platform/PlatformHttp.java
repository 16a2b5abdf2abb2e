/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import io.vecsync.core.Backoff;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to the platform: retries on 408, 429, 5xx, I/O errors and timeouts; follows redirects itself, sending
 * the API key only to the platform's own origin; reads bodies up to the configured cap, or streams a media file's.
 * Thread-safe.
 */
final class PlatformHttp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformHttp.class);
    private static final String API_KEY_HEADER = "X-API-Key";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;
    private static final int EXCERPT_BYTES = 300;

    private final PlatformSettings settings;
    private final PlatformListener listener;
    private final Backoff backoff;
    private final URI base;
    private final HttpClient http;
    private final CountDownLatch closed = new CountDownLatch(1);

    PlatformHttp(PlatformSettings settings, PlatformListener listener) {
        this.settings = settings;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.backoff = new Backoff(settings.retryBackoffMs(), settings.retryBackoffMaxMs());
        this.base = URI.create(settings.baseUrl());
        // Redirect.NORMAL would re-send the API key to whatever host a redirect names.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * One request to the platform; a paid one costs a credit an attempt, unless the platform refunds it. A media call
     * goes to the platform's origin rather than under its base URL, may carry a Range, and is redirected only within
     * that origin.
     */
    record Call(
            String route,
            String method,
            String path,
            String query,
            byte[] jsonBody,
            boolean paid,
            boolean media,
            String range) {

        static Call get(String route, String path, String query) {
            return new Call(route, "GET", path, query, null, false, false, null);
        }

        static Call paidGet(String route, String path) {
            return new Call(route, "GET", path, "", null, true, false, null);
        }

        static Call paidPost(String route, String path, byte[] jsonBody) {
            return new Call(route, "POST", path, "", jsonBody, true, false, null);
        }

        /** A GET of a file the platform serves on its origin; {@code range} (or null) is passed on as it is. */
        static Call media(String path, String query, String range) {
            return new Call("media", "GET", path, query, null, false, true, range);
        }

        /** Method and path, for messages; the query is left out. */
        String name() {
            return method + " " + path;
        }
    }

    /** The platform's final answer: a status that is not retried, and the body unless it was over the cap. */
    record Response(int status, Optional<byte[]> body) {

        /** The body, or a {@link MalformedResponseException} naming {@code subject} when it was over the cap. */
        byte[] bodyOf(String subject, int cap) {
            return body.orElseThrow(
                    () -> new MalformedResponseException(subject + ": the answer is over " + cap + " bytes"));
        }

        /** The start of the body, for error messages. */
        String excerpt() {
            return body.map(bytes -> bytes.length <= EXCERPT_BYTES
                            ? new String(bytes, StandardCharsets.UTF_8)
                            : new String(bytes, 0, EXCERPT_BYTES, StandardCharsets.UTF_8) + "...")
                    .orElse("(a body over the size cap)");
        }
    }

    /**
     * Sends the call, retrying as the settings allow.
     *
     * @throws PlatformUnavailableException when the retries are used up, or the client is closed
     * @throws PlatformAuthException        on 401
     */
    Response send(Call call) {
        HttpResponse<Optional<byte[]>> response = send(call, info -> new CappedBodySubscriber(settings.maxBodyBytes()));
        return new Response(response.statusCode(), response.body());
    }

    /**
     * Sends a media call as {@link #send(Call)} does and returns once a final answer's headers arrived: a 2xx answer's
     * body streams, any other answer's is discarded.
     */
    HttpResponse<InputStream> stream(Call call) {
        return send(
                call,
                info -> info.statusCode() / 100 == 2
                        ? HttpResponse.BodySubscribers.ofInputStream()
                        : HttpResponse.BodySubscribers.replacing(InputStream.nullInputStream()));
    }

    private <T> HttpResponse<T> send(Call call, HttpResponse.BodyHandler<T> body) {
        for (int retry = 0; ; retry++) {
            if (closed.getCount() == 0) {
                throw new PlatformUnavailableException(
                        PlatformUnavailableException.Reason.STOPPED,
                        null,
                        "the platform client is closed; " + call.name() + " abandoned",
                        null);
            }
            Attempt<T> attempt = attempt(call, body);
            if (attempt.response != null) {
                return attempt.response;
            }
            if (retry >= settings.retryMax()) {
                String outcome = retry == 0 ? " failed: " : " still failing after " + retry + " retries: ";
                throw new PlatformUnavailableException(
                        attempt.reason, attempt.retryAfter, call.name() + outcome + attempt.failure, attempt.cause);
            }
            long waitMs = attempt.retryAfter != null ? attempt.retryAfter.toMillis() : backoff.delayMs(retry + 1);
            listener.retried();
            log.debug("{} failed ({}); retry {} in {} ms", call.name(), attempt.failure, retry + 1, waitMs);
            sleep(waitMs);
        }
    }

    /** One attempt's outcome: a final response, or why it failed and may be retried. */
    private record Attempt<T>(
            HttpResponse<T> response,
            PlatformUnavailableException.Reason reason,
            Duration retryAfter,
            String failure,
            Throwable cause) {

        static <T> Attempt<T> answered(HttpResponse<T> response) {
            return new Attempt<>(response, null, null, null, null);
        }

        static <T> Attempt<T> failed(
                PlatformUnavailableException.Reason reason, Duration retryAfter, String failure, Throwable cause) {
            return new Attempt<>(null, reason, retryAfter, failure, cause);
        }
    }

    private <T> Attempt<T> attempt(Call call, HttpResponse.BodyHandler<T> body) {
        listener.request(call.route());
        if (call.paid()) {
            listener.embeddingsCalled();
        }
        HttpResponse<T> response;
        try {
            response = exchange(call, body);
        } catch (HttpTimeoutException e) {
            return Attempt.failed(
                    PlatformUnavailableException.Reason.TIMED_OUT,
                    null,
                    "no answer within " + settings.requestTimeout().toMillis() + " ms",
                    e);
        } catch (IOException e) {
            return Attempt.failed(
                    PlatformUnavailableException.Reason.UNREACHABLE,
                    null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new PlatformAuthException("the platform rejected the API key (HTTP 401 on " + call.name()
                    + "); check " + settings.apiKeyConfigName());
        }
        if (status == 429) {
            listener.rateLimited();
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"), Instant.now())
                    .orElse(null);
            return Attempt.failed(PlatformUnavailableException.Reason.RATE_LIMITED, retryAfter, "HTTP 429", null);
        }
        if (status == 408 || status >= 500) {
            return Attempt.failed(PlatformUnavailableException.Reason.SERVER_ERROR, null, "HTTP " + status, null);
        }
        return Attempt.answered(response);
    }

    /** Sends the call and follows up to {@value #MAX_REDIRECTS} redirects. */
    private <T> HttpResponse<T> exchange(Call call, HttpResponse.BodyHandler<T> handler) throws IOException {
        // A media path is absolute on the platform's origin; an API path is under the base URL, which may have a path.
        URI uri = URI.create((call.media() ? base.getScheme() + "://" + base.getRawAuthority() : settings.baseUrl())
                + call.path()
                + call.query());
        String method = call.method();
        byte[] body = call.jsonBody();
        for (int hop = 0; ; hop++) {
            HttpResponse<T> response = sendOnce(request(call, uri, method, body), handler);
            if (!REDIRECTS.contains(response.statusCode())) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new PlatformException(call.name() + " was redirected more than " + MAX_REDIRECTS + " times");
            }
            uri = redirectTarget(call, uri, response.headers());
            if (call.media() && !sameOrigin(base, uri)) {
                // Passing on another origin's answer would make the proxy a fetcher of wherever the platform points.
                throw new PlatformException(
                        call.name() + " was redirected to another origin, which media is not fetched from");
            }
            if (response.statusCode() == 303) {
                method = "GET";
                body = null;
            }
        }
    }

    private static URI redirectTarget(Call call, URI from, HttpHeaders headers) {
        String location = headers.firstValue("Location")
                .orElseThrow(() -> new PlatformException(call.name() + " was redirected without a Location"));
        URI target;
        try {
            target = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new PlatformException(call.name() + " was redirected to an unreadable Location", e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
            throw new PlatformException(call.name() + " was redirected to a location that is not an http(s) URL");
        }
        return target;
    }

    private HttpRequest request(Call call, URI uri, String method, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", call.media() ? "*/*" : "application/json");
        if (sameOrigin(base, uri)) {
            request.header(API_KEY_HEADER, settings.apiKey());
        }
        if (call.range() != null) {
            request.header("Range", call.range());
        }
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Whether two URIs share scheme, host and port: only the platform's own origin may see the key. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /**
     * Sends one request; the request timeout bounds what the handler waits for: the whole body when it collects it,
     * the headers when it streams it.
     */
    private <T> HttpResponse<T> sendOnce(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        CompletableFuture<HttpResponse<T>> response = http.sendAsync(request, handler);
        try {
            return response.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new HttpTimeoutException("request timed out");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new PlatformUnavailableException(
                    PlatformUnavailableException.Reason.STOPPED,
                    null,
                    "interrupted during " + request.method() + " "
                            + request.uri().getPath(),
                    e);
        }
    }

    private void sleep(long ms) {
        try {
            closed.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wakes any backoff sleep; later calls fail fast. */
    @Override
    public void close() {
        closed.countDown();
    }
}
