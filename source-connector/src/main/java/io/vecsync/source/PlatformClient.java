package io.vecsync.source;

import io.vecsync.core.RetryPolicy;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The platform's HTTP API as the source needs it, with retries: 429 waits as Retry-After says; 408, 5xx and
 * timeouts back off exponentially with jitter; 401 and 403 fail with a message naming the API-key config key.
 */
public class PlatformClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformClient.class);
    /** The longest Retry-After honoured, so a broken header cannot stall a task for hours. */
    private static final long MAX_RETRY_AFTER_MS = 300_000L;

    static final String LIST_PATH = "/api/backend/v1/developer/videos/list";
    static final String DETAILS_PATH = "/api/backend/v1/developer/videos/get-video-details";
    static final String EMBEDDINGS_PATH = "/api/chat/v1/developer/embeddings/video/";
    static final String COLLECTION_VIDEOS_PATH = "/api/backend/v1/developer/collections/%s/videos";

    private final String baseUrl;
    private final String apiKey;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final SourceMetrics metrics;
    private final HttpClient http;
    private final CountDownLatch closed = new CountDownLatch(1);

    public PlatformClient(PlatformSourceConfig config, SourceMetrics metrics) {
        this.baseUrl = config.baseUrl();
        this.apiKey = config.apiKey().value();
        this.requestTimeout = Duration.ofMillis(config.getLong(PlatformSourceConfig.REQUEST_TIMEOUT_MS));
        this.retryPolicy = new RetryPolicy(config.getInt(PlatformSourceConfig.RETRY_MAX),
                config.getLong(PlatformSourceConfig.RETRY_BACKOFF_MS), config.getLong(PlatformSourceConfig.RETRY_BACKOFF_MAX_MS));
        this.metrics = metrics;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(config.getLong(PlatformSourceConfig.CONNECT_TIMEOUT_MS)))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** One page of done videos, oldest first. */
    public List<Video> listDoneVideos(int skip, int limit, VideoScope scope) {
        StringJoiner query = new StringJoiner("&", "?", "")
                .add("status=search_processed").add("sort_by=created_at").add("sort_order=asc")
                .add("skip=" + skip).add("limit=" + limit);
        if (scope.createdAfter() != null) {
            query.add("start_time=" + encode(scope.createdAfter().toString()));
        }
        return PlatformResponses.videos(require(get(LIST_PATH + query, false), "listing videos"));
    }

    /** Every video of a collection, walking its pages. */
    public Set<String> collectionVideoIds(String collectionId, int pageSize) {
        Set<String> ids = new LinkedHashSet<>();
        for (int page = 1; ; page++) {
            String path = String.format(COLLECTION_VIDEOS_PATH, encode(collectionId)) + "?page=" + page + "&page_size=" + pageSize;
            Response response = get(path, false);
            if (response.status() == 404) {
                throw new ConnectException("collection " + collectionId + " does not exist on the platform;"
                        + " check " + PlatformSourceConfig.FILTER_COLLECTION_ID);
            }
            List<String> pageIds = PlatformResponses.collectionVideoIds(require(response, "listing collection " + collectionId));
            if (!ids.addAll(pageIds) || pageIds.size() < pageSize) {
                return ids;
            }
        }
    }

    /** A video's details, or empty when the platform no longer has it. */
    public Optional<Video> videoDetails(String videoId) {
        Response response = get(DETAILS_PATH + "?video_id=" + encode(videoId), false);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(PlatformResponses.videoDetails(require(response, "reading video " + videoId)));
    }

    /** A video's segment embeddings; one credit a call. */
    public EmbeddingsResult videoEmbeddings(String videoId, int dimension) {
        Response response = get(EMBEDDINGS_PATH + encode(videoId), true);
        return switch (response.status()) {
            case 404 -> EmbeddingsResult.NOT_FOUND;
            case 409 -> EmbeddingsResult.NOT_READY;
            case 200, 201, 202, 203 -> EmbeddingsResult.ready(PlatformResponses.embeddings(videoId, response.body(), dimension));
            // Any other answer concerns this one video: it is retried on a later poll instead of failing the task.
            default -> throw new DataException("the platform answered HTTP " + response.status()
                    + " when fetching embeddings of video " + videoId + ": " + abbreviate(response.text()));
        };
    }

    /** Wakes any backoff sleep; later calls fail fast. */
    @Override
    public void close() {
        closed.countDown();
    }

    private Response get(String pathAndQuery, boolean embeddings) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(requestTimeout)
                .header("X-API-Key", apiKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        String what = "GET " + pathAndQuery;
        for (int retry = 0; ; retry++) {
            if (closed.getCount() == 0) {
                throw new RetriableException("the task is stopping; " + what + " abandoned");
            }
            if (embeddings) {
                metrics.embeddingsCalls.increment();
            }
            long waitMs;
            String failure;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 401 || status == 403) {
                    throw new ConnectException("the platform rejected the API key (HTTP " + status + " on " + what
                            + "); check " + PlatformSourceConfig.API_KEY);
                }
                if (status != 429 && status != 408 && status < 500) {
                    return new Response(status, response.body());
                }
                failure = "HTTP " + status;
                if (status == 429) {
                    metrics.rateLimited.increment();
                    waitMs = retryAfterMs(response.headers().map()).orElse(retryPolicy.backoffMs(retry + 1));
                } else {
                    waitMs = retryPolicy.backoffMs(retry + 1);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                waitMs = retryPolicy.backoffMs(retry + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("interrupted during " + what, e);
            }
            if (!retryPolicy.allows(retry + 1)) {
                throw new RetriableException(what + " still failing after " + retryPolicy.maxRetries()
                        + " retries (" + PlatformSourceConfig.RETRY_MAX + "): " + failure);
            }
            metrics.retries.increment();
            log.debug("{} failed ({}); retry {} in {} ms", what, failure, retry + 1, waitMs);
            sleep(waitMs);
        }
    }

    private void sleep(long ms) {
        try {
            closed.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Retry-After in seconds or as an HTTP date, bounded. */
    static Optional<Long> retryAfterMs(Map<String, List<String>> headers) {
        List<String> values = new ArrayList<>();
        headers.forEach((name, list) -> {
            if ("retry-after".equalsIgnoreCase(name)) {
                values.addAll(list);
            }
        });
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String value = values.get(0).trim();
        try {
            return Optional.of(Math.min(MAX_RETRY_AFTER_MS, Math.max(0, (long) (Double.parseDouble(value) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                long ms = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
                        - System.currentTimeMillis();
                return Optional.of(Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private static byte[] require(Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new ConnectException("the platform answered HTTP " + response.status() + " when " + what + ": "
                    + abbreviate(response.text()));
        }
        return response.body();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
