package io.vecsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** The documented endpoints, answering from the catalog with the faults that concern content applied. */
final class Endpoints {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_TEXT_LENGTH = 4096;
    private static final int MAX_PAGE = 1_000_000;

    private final Catalog catalog;
    private final Faults faults;
    private final TextEmbedder embedder;
    private final VideoJson videoJson;

    Endpoints(Catalog catalog, Faults faults, TextEmbedder embedder, VideoJson videoJson) {
        this.catalog = catalog;
        this.faults = faults;
        this.embedder = embedder;
        this.videoJson = videoJson;
    }

    Response listVideos(Request request) {
        String status = request.choice("status", "uploaded",
                List.of("uploaded", "analysed", "search_processed", "processed"));
        Instant from = request.instant("start_time").orElse(Instant.MIN);
        Instant to = request.instant("end_time").orElse(Instant.MAX);
        int skip = request.integer("skip", 0, 0, Integer.MAX_VALUE);
        int limit = request.integer("limit", 50, 1, 500);
        faults.listPageRequested(skip);
        List<Video> matching = catalog.videos().stream()
                .filter(statusFilter(status))
                .filter(video -> !video.createdAt().isBefore(from) && !video.createdAt().isAfter(to))
                .sorted(order(request))
                .toList();
        ArrayNode items = items(page(matching, skip, limit));
        return Response.ok(switch (faults.listShape()) {
            case BARE_ARRAY -> items;
            case WRAPPED_DATA -> skipLimitPage("data", items, matching.size(), skip, limit);
            case WRAPPED_VIDEOS -> skipLimitPage("videos", items, matching.size(), skip, limit);
        });
    }

    Response videoDetails(Request request) {
        return Response.ok(videoJson.details(video(request.required("video_id"))));
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
        Video video = video(request.pathId());
        if (!video.searchDone() || faults.notReady(video.id())) {
            throw new HttpError(409, "The search-process pipeline has not finished for this video");
        }
        Rendition rendition = video.version().rendition();
        Corruption corruption = faults.corruption(video.id());
        if (corruption == null) {
            return Response.ok(rendition.json());
        }
        return Response.ok(switch (corruption) {
            case MALFORMED_JSON -> Arrays.copyOf(rendition.json(), rendition.json().length / 2);
            case WRONG_DIMENSION -> EmbeddingsJson.video(video.id(), rendition.segments(),
                    rendition.segments().size() / 2);
        });
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
        ArrayNode data = NODES.arrayNode();
        for (VideoCollection collection : page(collections, (page - 1) * pageSize, pageSize)) {
            data.addObject()
                    .put("collection_id", collection.id())
                    .put("name", collection.name())
                    .putNull("description")
                    .put("parent_type", "user")
                    .put("video_count", catalog.existing(collection.videoIds()).size())
                    .put("created_at", collection.createdAt().toString());
        }
        return Response.ok(numberedPage(data, page, pageSize, collections.size()));
    }

    Response collectionVideos(Request request) {
        VideoCollection collection = catalog.collection(request.pathId())
                .orElseThrow(() -> new HttpError(404, "Collection not found"));
        int page = request.integer("page", 1, 1, MAX_PAGE);
        int pageSize = request.integer("page_size", 10, 1, 100);
        List<Video> videos = catalog.existing(collection.videoIds()).stream().sorted(order(request)).toList();
        return Response.ok(numberedPage(items(page(videos, (page - 1) * pageSize, pageSize)), page, pageSize,
                videos.size()));
    }

    private Video video(String videoId) {
        return catalog.find(videoId).orElseThrow(() -> new HttpError(404, "Video not found"));
    }

    private ArrayNode items(List<Video> videos) {
        ArrayNode items = NODES.arrayNode();
        videos.forEach(video -> items.add(videoJson.item(video)));
        return items;
    }

    private static Response pipelineStatus(Video video, String status, int percentage) {
        return Response.ok(NODES.objectNode()
                .put("video_id", video.id())
                .put("status", status)
                .put("percentage", percentage)
                .putNull("error"));
    }

    private static Predicate<Video> statusFilter(String status) {
        return switch (status) {
            case "search_processed", "processed" -> Video::searchDone;
            default -> video -> true; // every video is uploaded and analysed
        };
    }

    private static Comparator<Video> order(Request request) {
        String sortBy = request.choice("sort_by", "created_at", List.of("created_at", "name"));
        String sortOrder = request.choice("sort_order", "desc", List.of("asc", "desc"));
        Comparator<Video> byCreation = Comparator.comparing(Video::createdAt);
        Comparator<Video> order = sortBy.equals("name")
                ? Comparator.comparing(Video::name).thenComparing(byCreation)
                : byCreation;
        return sortOrder.equals("asc") ? order : order.reversed();
    }

    private static <T> List<T> page(List<T> all, int offset, int size) {
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min((long) from + size, all.size()));
    }

    private static ObjectNode skipLimitPage(String itemsKey, ArrayNode items, int total, int skip, int limit) {
        ObjectNode page = NODES.objectNode();
        page.set(itemsKey, items);
        return page.put("total", total).put("skip", skip).put("limit", limit);
    }

    private static ObjectNode numberedPage(ArrayNode data, int page, int pageSize, int total) {
        ObjectNode result = NODES.objectNode();
        result.set("data", data);
        return result.put("page", page).put("page_size", pageSize).put("total", total);
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
