/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vecsync.platform.PlatformHttp.Call;
import io.vecsync.platform.PlatformHttp.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The platform's HTTP API: the video listing, a video's details and search-process status, collection pages, video
 * and text embeddings, and the media files (HLS playlists and segments, thumbnails) it serves behind its key. The API
 * key goes only in the X-API-Key header, and only to the platform's own origin. Thread-safe.
 *
 * <p>Every call may throw {@link PlatformUnavailableException} (retries used up, or closed), {@link PlatformAuthException}
 * (401 anywhere) and {@link MalformedResponseException}; each method says what else it throws.
 */
public final class PlatformClient implements AutoCloseable {

    /** The longest query text the platform embeds, in characters (code points). */
    public static final int MAX_TEXT_CHARS = 4096;
    /** The largest collection page the platform serves. */
    public static final int MAX_PAGE_SIZE = 100;

    static final String LIST_PATH = "/api/backend/v1/developer/videos/list";
    static final String DETAILS_PATH = "/api/backend/v1/developer/videos/get-video-details";
    static final String EMBEDDINGS_PATH = "/api/chat/v1/developer/embeddings/video/";
    static final String COLLECTION_VIDEOS_PATH = "/api/backend/v1/developer/collections/%s/videos";
    static final String TEXT_EMBEDDINGS_PATH = "/api/chat/v1/developer/embeddings/text";
    static final String SEARCH_PROCESS_STATUS_PATH = "/api/backend/v1/developer/videos/search-process/status/";

    private final PlatformSettings settings;
    private final PlatformHttp http;

    public PlatformClient(PlatformSettings settings, PlatformListener listener) {
        this.settings = settings;
        this.http = new PlatformHttp(settings, listener);
    }

    /**
     * One page of the video listing.
     *
     * @throws PlatformAuthException on 403: the key may not list videos
     * @throws PlatformException     on any other answer but 2xx
     */
    public List<Video> listVideos(VideoQuery query) {
        Call call = Call.get("list-videos", LIST_PATH, query.queryString());
        Response response = http.send(call);
        if (response.status() == 403) {
            throw forbiddenKey(call);
        }
        return PlatformResponses.videos(success(call, response, call.name()));
    }

    /**
     * A video's details; empty on 404.
     *
     * @throws PlatformRejectedException on any other 4xx, such as 403 for a video of another account
     */
    public Optional<Video> videoDetails(String videoId) {
        Call call = Call.get("video-details", DETAILS_PATH, "?video_id=" + encode(videoId));
        Response response = http.send(call);
        if (response.status() == 404) {
            return Optional.empty();
        }
        String subject = "the details of video " + videoId;
        return Optional.of(PlatformResponses.videoDetails(
                videoId, success(call, rejectedIfClientError(response, subject), subject)));
    }

    /**
     * A video's segment embeddings: READY (segments, maybe none), NOT_READY (409, or a 200 whose "status" is present
     * and not "ready"), NOT_FOUND (404). One credit a call.
     *
     * @throws PlatformRejectedException on any other 4xx, such as 403 for a video of another account
     * @throws MalformedResponseException naming the video, and the segment and field where there is one
     */
    public EmbeddingsResult videoEmbeddings(String videoId, int dimension) {
        requirePositive(dimension);
        Call call = Call.paidGet("video-embeddings", EMBEDDINGS_PATH + encode(videoId));
        Response response = http.send(call);
        String subject = "embeddings of video " + videoId;
        return switch (response.status()) {
            case 404 -> EmbeddingsResult.NOT_FOUND;
            case 409 -> EmbeddingsResult.NOT_READY;
            default ->
                PlatformResponses.embeddings(
                        videoId, success(call, rejectedIfClientError(response, subject), subject), dimension);
        };
    }

    /**
     * Whether the video's search-process pipeline is done, from its documented status endpoint; empty on 404.
     *
     * @throws PlatformRejectedException on any other 4xx, such as 403 for a video of another account
     */
    public Optional<Boolean> searchProcessDone(String videoId) {
        Call call = Call.get("search-process-status", SEARCH_PROCESS_STATUS_PATH + encode(videoId), "");
        Response response = http.send(call);
        if (response.status() == 404) {
            return Optional.empty();
        }
        String subject = "the search-process status of video " + videoId;
        return Optional.of(PlatformResponses.pipelineDone(
                subject, success(call, rejectedIfClientError(response, subject), subject)));
    }

    /**
     * One page of a collection's videos with the documented page metadata.
     *
     * @param page     1-based
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @throws PlatformRejectedException on 4xx, 404 included: the collection does not exist
     */
    public CollectionPage collectionVideos(String collectionId, int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be at least 1 and pageSize 1 to " + MAX_PAGE_SIZE + ", got "
                    + page + " and " + pageSize);
        }
        Call call = Call.get(
                "collection-videos",
                String.format(COLLECTION_VIDEOS_PATH, encode(collectionId)),
                "?page=" + page + "&page_size=" + pageSize);
        String subject = "the videos of collection " + collectionId;
        Response response = rejectedIfClientError(http.send(call), subject);
        return PlatformResponses.collectionPage(collectionId, success(call, response, subject));
    }

    /**
     * The embedding of a query text, checked for the dimension.
     *
     * @param text 1 to {@value #MAX_TEXT_CHARS} characters
     * @throws PlatformAuthException     on 403: the key may not embed text
     * @throws PlatformRejectedException on any other 4xx: the platform refuses this text
     */
    public float[] textEmbedding(String text, int dimension) {
        requirePositive(dimension);
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        if (length < 1 || length > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException(
                    "the text must have 1 to " + MAX_TEXT_CHARS + " characters, got " + length);
        }
        Call call = Call.paidPost("text-embedding", TEXT_EMBEDDINGS_PATH, textBody(text));
        Response response = http.send(call);
        if (response.status() == 403) {
            throw forbiddenKey(call);
        }
        return PlatformResponses.textEmbedding(
                success(call, rejectedIfClientError(response, "the query text"), call.name()), dimension);
    }

    /**
     * Opens a media file the platform serves on its own origin (an HLS playlist or segment, a thumbnail) and returns
     * once its headers arrived, within the request timeout; the body streams, capped at {@code maxBytes}. Redirects are
     * followed within the platform's origin only; one to elsewhere is an error, so nothing is fetched from there.
     *
     * @param path     an absolute path on the platform's origin, as sent (percent-encoded)
     * @param rawQuery the query as sent, or null
     * @param range    a Range header to pass on (players ask for byte ranges), or null
     * @throws PlatformRejectedException on 4xx but 401: 404 not found, 416 range not satisfiable, 403 not this key's
     * @throws MalformedResponseException when the announced length is over {@code maxBytes}
     * @throws PlatformException         on a redirect to another origin, or any other answer but 2xx
     */
    public PlatformMedia media(String path, String rawQuery, String range, long maxBytes) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("a media path must be absolute on the platform's origin");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        Call call = Call.media(path, rawQuery == null ? "" : "?" + rawQuery, range);
        HttpResponse<InputStream> response = http.stream(call);
        int status = response.statusCode();
        if (status / 100 == 4) {
            throw new PlatformRejectedException(
                    status, "the platform refused the media file " + path + " (HTTP " + status + ")");
        }
        if (status / 100 != 2) {
            throw new PlatformException("the platform answered HTTP " + status + " on " + call.name());
        }
        PlatformMedia media = new PlatformMedia(response, maxBytes);
        if (media.contentLength().orElse(0) > maxBytes) {
            media.close();
            throw new MalformedResponseException(call.name() + ": the answer is over " + maxBytes + " bytes");
        }
        return media;
    }

    /** Wakes any backoff sleep; later calls fail fast with {@link PlatformUnavailableException}. */
    @Override
    public void close() {
        http.close();
    }

    private PlatformAuthException forbiddenKey(Call call) {
        return new PlatformAuthException("the platform refused the API key (HTTP 403 on " + call.name() + "); check "
                + settings.apiKeyConfigName());
    }

    /** A 4xx here concerns the one item asked about, so the caller can carry on with others. */
    private static Response rejectedIfClientError(Response response, String subject) {
        if (response.status() / 100 == 4) {
            throw new PlatformRejectedException(
                    response.status(),
                    "the platform refused " + subject + " (HTTP " + response.status() + "): " + response.excerpt());
        }
        return response;
    }

    /** The body of a 2xx answer; anything else (an unfollowed 3xx, a 4xx no caller expects) is an error. */
    private byte[] success(Call call, Response response, String subject) {
        if (response.status() / 100 != 2) {
            throw new PlatformException("the platform answered HTTP " + response.status() + " on " + call.name() + ": "
                    + response.excerpt());
        }
        return response.bodyOf(subject, settings.maxBodyBytes());
    }

    private static byte[] textBody(String text) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator json = PlatformResponses.JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField("text", text);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return body.toByteArray();
    }

    private static void requirePositive(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("the dimension must be positive, got " + dimension);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
