package io.vecsync.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Embeds query text through the platform (one credit a call), keeping recent embeddings so repeats are free. */
final class TextEmbedder {

    static final String PATH = "/api/chat/v1/developer/embeddings/text";
    /** The platform's limit on query text. */
    static final int MAX_CHARS = 4096;
    private static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

    /** A free platform call for the health check: one video of the listing. */
    static final String HEALTH_PATH = "/api/backend/v1/developer/videos/list?limit=1";

    private final URI endpoint;
    private final URI healthEndpoint;
    private final String apiKey;
    private final Duration timeout;
    private final int dimension;
    private final ServiceMetrics metrics;
    private final HttpClient http;
    private final Map<String, float[]> cache;

    TextEmbedder(QueryServiceConfig config, ServiceMetrics metrics) {
        String base = config.getString(QueryServiceConfig.PLATFORM_BASE_URL).trim().replaceAll("/+$", "");
        this.endpoint = URI.create(base + PATH);
        this.healthEndpoint = URI.create(base + HEALTH_PATH);
        this.apiKey = config.getPassword(QueryServiceConfig.PLATFORM_API_KEY).value();
        this.timeout = Duration.ofMillis(config.getLong(QueryServiceConfig.PLATFORM_TIMEOUT_MS));
        this.dimension = config.dimension();
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
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
        HttpResponse<byte[]> response;
        try {
            String body = Json.MAPPER.writeValueAsString(Map.of("text", text));
            response = http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new PlatformUnavailableException(503, DEFAULT_RETRY_AFTER_SECONDS,
                    "the platform did not embed the query within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new PlatformUnavailableException(502, DEFAULT_RETRY_AFTER_SECONDS, "the platform is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformUnavailableException(503, DEFAULT_RETRY_AFTER_SECONDS, "interrupted while embedding", e);
        }
        int status = response.statusCode();
        if (status == 429) {
            long retryAfter = response.headers().firstValue("Retry-After").flatMap(TextEmbedder::seconds).orElse(DEFAULT_RETRY_AFTER_SECONDS);
            throw new PlatformUnavailableException(503, retryAfter, "the platform is rate limiting query embeddings", null);
        }
        if (status == 401 || status == 403) {
            throw new PlatformUnavailableException(502, DEFAULT_RETRY_AFTER_SECONDS, "the platform rejected the service's key (HTTP "
                    + status + "); check " + QueryServiceConfig.PLATFORM_API_KEY, null);
        }
        if (status == 422 || status == 400) {
            throw new BadRequestException("query", "the platform refused to embed it (HTTP " + status + ")");
        }
        if (status != 200) {
            throw new PlatformUnavailableException(502, DEFAULT_RETRY_AFTER_SECONDS, "the platform answered HTTP " + status, null);
        }
        metrics.creditSpent();
        return parse(response.body());
    }

    private float[] parse(byte[] body) {
        try {
            JsonNode embedding = Json.MAPPER.readTree(body).path("data").path(0).path("embedding");
            if (!embedding.isArray() || embedding.size() != dimension) {
                throw new PlatformUnavailableException(502, DEFAULT_RETRY_AFTER_SECONDS, "the platform's query embedding has "
                        + embedding.size() + " values, expected " + dimension + " (" + QueryServiceConfig.DIMENSION + ")", null);
            }
            float[] vector = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                vector[i] = (float) embedding.get(i).asDouble();
            }
            return vector;
        } catch (IOException e) {
            throw new PlatformUnavailableException(502, DEFAULT_RETRY_AFTER_SECONDS, "the platform's answer is not JSON", e);
        }
    }

    private static Optional<Long> seconds(String header) {
        try {
            return Optional.of(Math.max(1, (long) Math.ceil(Double.parseDouble(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the platform answers at all, for the health check; costs no credit. */
    boolean reachable() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(healthEndpoint).timeout(timeout).header("X-API-Key", apiKey)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
