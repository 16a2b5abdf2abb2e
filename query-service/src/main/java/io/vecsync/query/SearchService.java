/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.core.SegmentIds;
import io.vecsync.platform.PlatformClient;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.SegmentFields;
import io.vecsync.search.VectorSearcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Validates a search request, embeds its text, asks the store, and turns hits into playable segments. */
final class SearchService {

    /** How long the page\'s segment count is reused before the store is asked again. */
    static final Duration COUNT_TTL = Duration.ofSeconds(30);

    static final int DEFAULT_TOP_K = 10;
    static final int MAX_TOP_K = 100;
    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final VectorSearcher searcher;
    private final PlatformTextEmbedder embedder;
    private final int dimension;
    private final MediaLinks media;
    private OptionalLong count = OptionalLong.empty();
    /** When {@link #count} was asked of the store (System.nanoTime); 0 before the first time. */
    private long countedAt;

    SearchService(VectorSearcher searcher, PlatformTextEmbedder embedder, int dimension, MediaLinks media) {
        this.searcher = searcher;
        this.embedder = embedder;
        this.dimension = dimension;
        this.media = media;
    }

    /**
     * The store's segment count, or empty when it does not tell or cannot be asked now: the page then omits it. Asked
     * of the store at most once every {@link #COUNT_TTL} whatever the page's traffic (a count can be a scan or a call
     * per tenant); concurrent callers share one call.
     */
    synchronized OptionalLong segmentCount() {
        long now = System.nanoTime();
        if (countedAt == 0 || now - countedAt >= COUNT_TTL.toNanos()) {
            try {
                count = searcher.segmentCount();
            } catch (RuntimeException e) {
                log.warn("counting the store's segments failed: {}", e.getMessage());
                count = OptionalLong.empty();
            }
            countedAt = Math.max(now, 1);
        }
        return count;
    }

    /**
     * The response body for a request body; hits' media links point at the service's proxy, relative to its origin
     * (a path), so that they hold whatever scheme and host the caller reached the service by.
     *
     * @throws BadRequestException naming the field
     * @throws UnavailableException when the text cannot be embedded or the store cannot be searched now
     */
    Map<String, Object> search(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body", "expected a JSON object with \"query\" or \"vector\"");
        }
        JsonNode query = body.get("query");
        JsonNode vector = body.get("vector");
        if ((query == null || query.isNull()) == (vector == null || vector.isNull())) {
            throw new BadRequestException(
                    "query", "give exactly one of \"query\" (text) and \"vector\" (" + dimension + " numbers)");
        }
        SearchRequest request = new SearchRequest(
                query != null && !query.isNull() ? embedder.embed(text(query)) : vector(vector),
                topK(body.get("top_k")),
                videoIds(body.get("video_ids")),
                minScore(body.get("min_score")));
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit hit : searcher.search(request)) {
            hits.add(hit(hit));
        }
        return Map.of("hits", hits);
    }

    private static String text(JsonNode query) {
        if (!query.isTextual() || query.asText().isBlank()) {
            throw new BadRequestException("query", "must be non-empty text");
        }
        String text = query.asText().trim();
        int length = text.codePointCount(0, text.length());
        if (length > PlatformClient.MAX_TEXT_CHARS) {
            throw new BadRequestException(
                    "query", "has " + length + " characters; at most " + PlatformClient.MAX_TEXT_CHARS);
        }
        return text;
    }

    private float[] vector(JsonNode node) {
        if (!node.isArray() || node.size() != dimension) {
            throw new BadRequestException(
                    "vector",
                    "must be an array of " + dimension + " numbers" + (node.isArray() ? ", got " + node.size() : ""));
        }
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            JsonNode value = node.get(i);
            // A double past float's range, such as 1e39, would become an infinite float element.
            float element = (float) value.asDouble();
            if (!value.isNumber() || !Float.isFinite(element)) {
                throw new BadRequestException(
                        "vector", "element " + i + " is not a number within float's range (±3.4e38)");
            }
            vector[i] = element;
        }
        return vector;
    }

    private static int topK(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_TOP_K;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > MAX_TOP_K) {
            throw new BadRequestException("top_k", "must be a whole number from 1 to " + MAX_TOP_K);
        }
        return node.asInt();
    }

    private static List<String> videoIds(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (!node.isArray()) {
            throw new BadRequestException("video_ids", "must be an array of video ids");
        }
        for (JsonNode id : node) {
            if (!id.isTextual() || !SegmentIds.isUuid(id.asText())) {
                throw new BadRequestException("video_ids", "'" + id.asText() + "' is not a UUID");
            }
            ids.add(id.asText().trim().toLowerCase(Locale.ROOT));
        }
        return ids;
    }

    private static Double minScore(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.asDouble() < -1 || node.asDouble() > 1) {
            throw new BadRequestException("min_score", "must be a number from -1 to 1 (cosine similarity)");
        }
        return node.asDouble();
    }

    private Map<String, Object> hit(SearchHit hit) {
        Map<String, Object> payload = hit.payload();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("segment_id", hit.segmentId());
        out.put("video_id", payload.get(SegmentFields.VIDEO_ID));
        out.put("start", payload.get(SegmentFields.START));
        out.put("end", payload.get(SegmentFields.END));
        out.put("score", hit.score());
        out.put("video_name", payload.get(SegmentFields.VIDEO_NAME));
        Object hls = payload.get(SegmentFields.HLS_PLAYLIST_URL);
        out.put("playable_url", hls == null ? null : link(hls) + "#t=" + payload.get(SegmentFields.START));
        Object thumbnail = payload.get(SegmentFields.THUMBNAIL_URL);
        out.put("thumbnail_url", thumbnail == null ? null : link(thumbnail));
        return out;
    }

    /** The proxy's link for the platform's media; any other URL as the store holds it. */
    private String link(Object stored) {
        String url = stored.toString();
        try {
            return media.proxyPath(new URI(url)).orElse(url);
        } catch (URISyntaxException notAUrl) {
            return url;
        }
    }
}
