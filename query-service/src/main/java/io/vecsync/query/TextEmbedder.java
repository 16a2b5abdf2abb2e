package io.vecsync.query;

import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformException;
import io.vecsync.platform.PlatformListener;
import io.vecsync.platform.PlatformRejectedException;
import io.vecsync.platform.PlatformUnavailableException;
import io.vecsync.platform.VideoQuery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Embeds query text through the platform (one credit a call), keeping recent embeddings so repeats are free. */
final class TextEmbedder implements AutoCloseable {

    private static final long DEFAULT_RETRY_AFTER_SECONDS = 5;
    /** A free platform call for the health check: one video of the listing. */
    private static final VideoQuery ONE_VIDEO = new VideoQuery(null, null, null, 0, 1, null, null);

    private final PlatformClient platform;
    private final long timeoutMs;
    private final int dimension;
    private final ServiceMetrics metrics;
    private final Map<String, float[]> cache;

    TextEmbedder(QueryServiceConfig config, ServiceMetrics metrics) {
        this.platform = new PlatformClient(config.platformSettings(), PlatformListener.NONE);
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

    /** The query's embedding, from the cache or the platform. */
    float[] embed(String text) {
        Optional<float[]> cached = cached(text);
        if (cached.isPresent()) {
            metrics.cacheHit();
            return cached.get();
        }
        float[] vector = fetch(text);
        synchronized (cache) {
            cache.put(text, vector);
        }
        return vector;
    }

    private Optional<float[]> cached(String text) {
        synchronized (cache) {
            return Optional.ofNullable(cache.get(text));
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
            throw new EmbeddingUnavailableException(502, DEFAULT_RETRY_AFTER_SECONDS, e.getMessage(), e);
        } catch (PlatformException e) {
            // A rejected key or a malformed answer: the operator has to act, but the caller may try later.
            throw new EmbeddingUnavailableException(502, DEFAULT_RETRY_AFTER_SECONDS, e.getMessage(), e);
        }
    }

    /** A busy or slow platform (or a stopping service) is a 503 with its Retry-After; one that failed or could not be reached is a 502. */
    private EmbeddingUnavailableException unavailable(PlatformUnavailableException e) {
        long retryAfter = e.retryAfter().map(TextEmbedder::wholeSeconds).orElse(DEFAULT_RETRY_AFTER_SECONDS);
        return switch (e.reason()) {
            case RATE_LIMITED -> new EmbeddingUnavailableException(503, retryAfter, "the platform is rate limiting query embeddings", e);
            case TIMED_OUT -> new EmbeddingUnavailableException(503, retryAfter,
                    "the platform did not embed the query within " + timeoutMs + " ms", e);
            case STOPPED -> new EmbeddingUnavailableException(503, retryAfter, e.getMessage(), e);
            case SERVER_ERROR, UNREACHABLE -> new EmbeddingUnavailableException(502, retryAfter, e.getMessage(), e);
        };
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
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

    @Override
    public void close() {
        platform.close();
    }
}
