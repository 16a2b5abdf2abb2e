/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformException;
import io.vecsync.platform.PlatformRejectedException;
import io.vecsync.platform.PlatformUnavailableException;
import io.vecsync.platform.VideoQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Embeds query text through the platform (one credit a call), keeping recent embeddings so repeats are free, and
 * embedding a text asked again while its first call is still out only once.
 */
final class PlatformTextEmbedder {

    private static final long DEFAULT_RETRY_AFTER_SECONDS = 5;
    /** A free platform call for the health check: one video of the listing. */
    private static final VideoQuery ONE_VIDEO = new VideoQuery(null, null, null, 0, 1, null, null);

    private final PlatformClient platform;
    private final long timeoutMs;
    private final int dimension;
    private final ServiceMetrics metrics;
    private final Map<String, float[]> cache;
    /** Texts being embedded now, so an identical query arriving meanwhile waits for that call instead of paying again. */
    private final Map<String, CompletableFuture<float[]>> inFlight = new ConcurrentHashMap<>();

    /** @param platform a client with {@link QueryServiceConfig#platformSettings()}, which its owner closes */
    PlatformTextEmbedder(QueryServiceConfig config, PlatformClient platform, ServiceMetrics metrics) {
        this.platform = platform;
        this.timeoutMs = config.getLong(QueryServiceConfig.PLATFORM_TIMEOUT_MS);
        this.dimension = config.dimension();
        this.metrics = metrics;
        int capacity = config.getInt(QueryServiceConfig.EMBEDDING_CACHE_SIZE);
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The query's embedding: from the cache, from the same text's call already out, or from the platform. */
    float[] embed(String text) {
        Optional<float[]> cached = cached(text);
        if (cached.isPresent()) {
            metrics.cacheHit();
            return cached.get();
        }
        CompletableFuture<float[]> mine = new CompletableFuture<>();
        CompletableFuture<float[]> running = inFlight.putIfAbsent(text, mine);
        if (running != null) {
            metrics.embeddingShared();
            return await(running);
        }
        try {
            // A call for this text may have finished between the cache miss and taking the slot: it is cached by now.
            float[] vector = cached(text).orElseGet(() -> fetch(text));
            synchronized (cache) {
                cache.put(text, vector);
            }
            mine.complete(vector);
            return vector;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(text, mine);
        }
    }

    private Optional<float[]> cached(String text) {
        synchronized (cache) {
            return Optional.ofNullable(cache.get(text));
        }
    }

    /** Another request's call for the same text, waited for no longer than a call of our own would take. */
    private float[] await(CompletableFuture<float[]> running) {
        try {
            return running.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw timedOut(DEFAULT_RETRY_AFTER_SECONDS, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(503, DEFAULT_RETRY_AFTER_SECONDS, "the service is stopping", e);
        }
    }

    private float[] fetch(String text) {
        try {
            float[] vector = platform.textEmbedding(text, dimension);
            metrics.creditSpent();
            return vector;
        } catch (PlatformUnavailableException e) {
            throw unavailable(e);
        } catch (PlatformRejectedException e) {
            if (e.status() == 400 || e.status() == 422) {
                throw new BadRequestException("query", "the platform refused to embed it (HTTP " + e.status() + ")");
            }
            throw new UnavailableException(502, DEFAULT_RETRY_AFTER_SECONDS, e.getMessage(), e);
        } catch (PlatformException e) {
            // A rejected key or a malformed answer: the operator has to act, but the caller may try later.
            throw new UnavailableException(502, DEFAULT_RETRY_AFTER_SECONDS, e.getMessage(), e);
        }
    }

    /** A busy or slow platform (or a stopping service) is a 503 with its Retry-After; one that failed or could not be reached is a 502. */
    private UnavailableException unavailable(PlatformUnavailableException e) {
        long retryAfter = e.retryAfter().map(UnavailableException::wholeSeconds).orElse(DEFAULT_RETRY_AFTER_SECONDS);
        return switch (e.reason()) {
            case RATE_LIMITED ->
                new UnavailableException(503, retryAfter, "the platform is rate limiting query embeddings", e);
            case TIMED_OUT -> timedOut(retryAfter, e);
            case STOPPED -> new UnavailableException(503, retryAfter, e.getMessage(), e);
            case SERVER_ERROR, UNREACHABLE -> new UnavailableException(502, retryAfter, e.getMessage(), e);
        };
    }

    private UnavailableException timedOut(long retryAfter, Exception cause) {
        return new UnavailableException(
                503, retryAfter, "the platform did not embed the query within " + timeoutMs + " ms", cause);
    }

    /** Whether the platform answers at all, for the health check; costs no credit. */
    boolean reachable() {
        try {
            platform.listVideos(ONE_VIDEO);
            return true;
        } catch (PlatformException e) {
            return false;
        }
    }
}
