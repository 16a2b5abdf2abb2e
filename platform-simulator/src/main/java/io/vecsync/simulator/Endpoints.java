/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/** The documented endpoints, answering from the catalog with the faults that concern content applied. */
final class Endpoints {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_TEXT_LENGTH = 4096;
    private static final int MAX_PAGE = 1_000_000;
    private static final List<String> SORT_KEYS = List.of("created_at", "name");

    private final Catalog catalog;
    private final Faults faults;
    private final VideoFaults videoFaults;
    private final SimulatedTextEmbeddings embedder;
    private final VideoJson videoJson;
    private final Meter meter;
    private final VideoMedia media = new VideoMedia();

    Endpoints(
            Catalog catalog,
            Faults faults,
            VideoFaults videoFaults,
            SimulatedTextEmbeddings embedder,
            VideoJson videoJson,
            Meter meter) {
        this.catalog = catalog;
        this.faults = faults;
        this.videoFaults = videoFaults;
        this.embedder = embedder;
        this.videoJson = videoJson;
        this.meter = meter;
    }

    Response listVideos(Request request) {
        String status =
                request.choice("status", "uploaded", List.of("uploaded", "analysed", "search_processed", "processed"));
        Instant from = request.instant("start_time").orElse(Instant.MIN);
        if (request.instant("start_time").isEmpty()) {
            meter.wholeListingPage();
        }
        Instant to = request.instant("end_time").orElse(Instant.MAX);
        int skip = request.integer("skip", 0, 0, Integer.MAX_VALUE);
        int limit = request.integer("limit", 50, 1, 500);
        // Every video is uploaded and analysed here; only the search-process may still be running.
        boolean doneOnly = status.equals("search_processed") || status.equals("processed");
        boolean byCreation = request.choice("sort_by", "created_at", SORT_KEYS).equals("created_at");
        faults.listPageRequested(skip);
        ListingPage page = byCreation
                ? catalog.byCreation(doneOnly, from, to, descending(request), skip, limit)
                : scanned(request, doneOnly, from, to, skip, limit);
        return skipLimitPage(page, skip, limit);
    }

    Response videoDetails(Request request) {
        Video video = video(Route.VIDEO_DETAILS, request.required("video_id"));
        return Response.ok(videoJson.details(video, faults.extraVideoFields()));
    }

    Response searchProcessStatus(Request request) {
        Video video = video(request.pathId());
        return pipelineStatus(video, video.searchProcessStatus(), video.searchDone() ? 100 : 50);
    }

    Response analyseStatus(Request request) {
        // Analysis is always done here: only the search-process decides whether embeddings exist.
        return pipelineStatus(video(request.pathId()), "done", 100);
    }

    Response videoEmbeddings(Request request) {
        Video video = video(Route.VIDEO_EMBEDDINGS, request.pathId());
        if (!video.searchDone() || videoFaults.notReady(video.id())) {
            throw new HttpError(409, "The search-process pipeline has not finished for this video");
        }
        return Response.ok(videoFaults.answer(video.id()).body(video.id(), embeddingsBody(video)));
    }

    Response textEmbedding(Request request) {
        String text = textField(request.body());
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > MAX_TEXT_LENGTH) {
            throw new HttpError(422, "text must be 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        return Response.ok(EmbeddingsJson.text(embedder.embed(text)));
    }

    Response listCollections(Request request) {
        int page = request.integer("page", 1, 1, MAX_PAGE);
        int pageSize = request.integer("page_size", 10, 1, 100);
        List<VideoCollection> collections = catalog.collections();
        List<VideoCollection> shown = page(collections, (page - 1) * pageSize, pageSize);
        return numberedPage(page, pageSize, collections.size(), json -> {
            json.writeStartArray();
            for (VideoCollection collection : shown) {
                json.writeStartObject();
                json.writeStringField("collection_id", collection.id());
                json.writeStringField("name", collection.name());
                json.writeNullField("description");
                json.writeStringField("parent_type", "user");
                json.writeNumberField(
                        "video_count", catalog.existing(collection.videoIds()).size());
                json.writeStringField("created_at", collection.createdAt().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    Response collectionVideos(Request request) {
        int page = request.integer("page", 1, 1, MAX_PAGE);
        int pageSize = request.integer("page_size", 10, 1, 100);
        faults.collectionPageRequested(page);
        VideoCollection collection =
                catalog.collection(request.pathId()).orElseThrow(() -> new HttpError(404, "Collection not found"));
        List<Video> videos = catalog.existing(collection.videoIds()).stream()
                .sorted(order(request))
                .toList();
        return numberedPage(page, pageSize, videos.size(), items(page(videos, (page - 1) * pageSize, pageSize)));
    }

    /** The video's playlist, or one of the segments it lists. */
    Response hls(Request request) {
        Video video = video(request.pathId());
        return request.file().equals(VideoMedia.PLAYLIST_FILE)
                ? Response.ok(
                        "application/vnd.apple.mpegurl", media.playlist(video).getBytes(StandardCharsets.UTF_8))
                : Response.ok("video/mp2t", media.segment(video, request.file()));
    }

    Response thumbnail(Request request) {
        Video video = video(request.pathId());
        if (!request.file().equals(VideoMedia.THUMBNAIL_FILE)) {
            throw new HttpError(404, "Not Found");
        }
        return Response.ok("image/png", media.thumbnail(video));
    }

    private Video video(String videoId) {
        return catalog.find(videoId).orElseThrow(() -> new HttpError(404, "Video not found"));
    }

    /** The video, unless a fault set on it fails the request to this route first, as if it existed or not. */
    private Video video(Route route, String videoId) {
        OptionalInt failure = videoFaults.failure(route, videoId);
        if (failure.isPresent()) {
            throw new HttpError(failure.getAsInt(), "Simulated failure for this video");
        }
        return video(videoId);
    }

    private byte[] embeddingsBody(Video video) {
        Rendition rendition = video.version().rendition();
        Corruption corruption = videoFaults.corruption(video.id());
        if (corruption == null) {
            return rendition.json();
        }
        return switch (corruption) {
            case MALFORMED_JSON -> Arrays.copyOf(rendition.json(), rendition.json().length / 2);
            case WRONG_DIMENSION ->
                EmbeddingsJson.video(
                        video.id(), rendition.segments(), rendition.segments().size() / 2);
        };
    }

    /** Writes the videos as an array of listing items. */
    private Json.Body items(List<Video> videos) {
        boolean extraFields = faults.extraVideoFields();
        return json -> {
            json.writeStartArray();
            for (Video video : videos) {
                videoJson.item(json, video, extraFields);
            }
            json.writeEndArray();
        };
    }

    private static Response pipelineStatus(Video video, String status, int percentage) {
        return Response.ok(NODES.objectNode()
                .put("video_id", video.id())
                .put("status", status)
                .put("percentage", percentage)
                .putNull("error"));
    }

    /** A listing in an order no index keeps: the whole catalog is filtered and sorted, O(n log n) a page. */
    private ListingPage scanned(Request request, boolean doneOnly, Instant from, Instant to, int skip, int limit) {
        List<Video> matching = catalog.videos().stream()
                .filter(video -> video.searchDone() || !doneOnly)
                .filter(video ->
                        !video.createdAt().isBefore(from) && !video.createdAt().isAfter(to))
                .sorted(order(request))
                .toList();
        return new ListingPage(page(matching, skip, limit), matching.size());
    }

    private static Comparator<Video> order(Request request) {
        Comparator<Video> byCreation = Comparator.comparing(Video::createdAt);
        Comparator<Video> order =
                request.choice("sort_by", "created_at", SORT_KEYS).equals("name")
                        ? Comparator.comparing(Video::name).thenComparing(byCreation)
                        : byCreation;
        return descending(request) ? order.reversed() : order;
    }

    private static boolean descending(Request request) {
        return request.choice("sort_order", "desc", List.of("asc", "desc")).equals("desc");
    }

    private static <T> List<T> page(List<T> all, int offset, int size) {
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min((long) from + size, all.size()));
    }

    /** The listing's envelope: the shape scenarios choose, with skip/limit paging. */
    private Response skipLimitPage(ListingPage page, int skip, int limit) {
        Json.Body items = items(page.videos());
        ListShape shape = faults.listShape();
        return Response.ok(Json.write(page.videos().size() * VideoJson.ITEM_BYTES, json -> {
            if (shape == ListShape.BARE_ARRAY) {
                items.writeTo(json);
                return;
            }
            json.writeStartObject();
            json.writeFieldName(shape == ListShape.WRAPPED_VIDEOS ? "videos" : "data");
            items.writeTo(json);
            json.writeNumberField("total", page.total());
            json.writeNumberField("skip", skip);
            json.writeNumberField("limit", limit);
            json.writeEndObject();
        }));
    }

    /** The collections' envelope: page/page_size paging. */
    private static Response numberedPage(int page, int pageSize, int total, Json.Body data) {
        return Response.ok(Json.write(pageSize * VideoJson.ITEM_BYTES, json -> {
            json.writeStartObject();
            json.writeFieldName("data");
            data.writeTo(json);
            json.writeNumberField("page", page);
            json.writeNumberField("page_size", pageSize);
            json.writeNumberField("total", total);
            json.writeEndObject();
        }));
    }

    private static String textField(byte[] body) {
        JsonNode text;
        try {
            text = BodyReader.MAPPER.readTree(body).path("text");
        } catch (IOException e) {
            throw new HttpError(422, "The body must be a JSON object");
        }
        if (!text.isTextual()) {
            throw new HttpError(422, "Field 'text' is required and must be a string");
        }
        return text.asText();
    }

    /** Holds the mapper, created on first use: initializing one takes long enough to slow down start(). */
    private static final class BodyReader {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
