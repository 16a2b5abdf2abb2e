package io.vecsync.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vecsync.core.SegmentIds;
import io.vecsync.core.Timecodes;
import org.apache.kafka.connect.errors.DataException;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the platform's JSON with a streaming parser. The docs give SDK shapes, not wire shapes, so lists may come
 * bare or wrapped in an object, and unknown fields are ignored.
 */
public final class PlatformResponses {

    /** Keys under which a wrapping object may carry the list. */
    private static final List<String> LIST_KEYS = List.of("data", "videos", "items", "results");
    /** Fields that change when a video is re-processed, most specific first. */
    private static final List<String> VERSION_FIELDS =
            List.of("search_process_updated_at", "search_processed_at", "search_process_completed_at", "updated_at");

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private PlatformResponses() {
    }

    /**
     * The videos of one listing page.
     *
     * @throws DataException when the body is not a list of video objects
     */
    public static List<Video> videos(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT && !seekList(parser)) {
                throw new DataException("the video listing is an object without a list under any of " + LIST_KEYS);
            } else if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new DataException("the video listing is neither a list nor an object wrapping one");
            }
            List<Video> videos = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                videos.add(video(readFlatObject(parser)));
            }
            return videos;
        } catch (IOException e) {
            throw new DataException("the video listing is not valid JSON: " + message(e), e);
        }
    }

    /** One video from the details endpoint. */
    public static Video videoDetails(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DataException("the video details are not a JSON object");
            }
            return video(readFlatObject(parser));
        } catch (IOException e) {
            throw new DataException("the video details are not valid JSON: " + message(e), e);
        }
    }

    /** The ids of one page of a collection's videos. */
    public static List<String> collectionVideoIds(byte[] body) {
        return videos(body).stream().map(Video::id).toList();
    }

    /**
     * The segments of a video's embeddings response, each checked for its dimension and timestamps.
     *
     * @throws DataException naming the video, the segment and the field when anything is malformed
     */
    public static List<SegmentEmbedding> embeddings(String videoId, byte[] body, int dimension) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !seekField(parser, "data")
                    || parser.currentToken() != JsonToken.START_ARRAY) {
                throw new DataException("embeddings of video " + videoId + ": expected an object with a 'data' list");
            }
            List<SegmentEmbedding> segments = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                segments.add(segment(parser, videoId, segments.size(), dimension));
            }
            return segments;
        } catch (IOException e) {
            throw new DataException("embeddings of video " + videoId + " are not valid JSON: " + message(e), e);
        }
    }

    private static String message(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static SegmentEmbedding segment(JsonParser parser, String videoId, int index, int dimension) throws IOException {
        String start = null;
        String end = null;
        String option = null;
        String scope = null;
        float[] embedding = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "start" -> start = text(parser, value);
                case "end" -> end = text(parser, value);
                case "embedding_option" -> option = text(parser, value);
                case "embedding_scope" -> scope = text(parser, value);
                case "embedding" -> embedding = floats(parser, value, videoId, index, dimension);
                default -> parser.skipChildren();
            }
        }
        String where = "embeddings of video " + videoId + ", segment " + index;
        if (embedding == null) {
            throw new DataException(where + ": field 'embedding' is missing");
        }
        if (embedding.length != dimension) {
            throw new DataException(where + ": field 'embedding' has " + embedding.length
                    + " values, expected " + dimension + " (embedding.dimension)");
        }
        checkTimecode(where, "start", start);
        checkTimecode(where, "end", end);
        return new SegmentEmbedding(start, end, option, scope, embedding);
    }

    private static void checkTimecode(String where, String field, String value) {
        try {
            Timecodes.toSeconds(value);
        } catch (IllegalArgumentException e) {
            throw new DataException(where + ": field '" + field + "': " + e.getMessage());
        }
    }

    private static float[] floats(JsonParser parser, JsonToken token, String videoId, int index, int dimension)
            throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw new DataException("embeddings of video " + videoId + ", segment " + index + ": field 'embedding' is not a list");
        }
        float[] values = new float[dimension];
        int size = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw new DataException("embeddings of video " + videoId + ", segment " + index
                        + ": field 'embedding' holds a non-number at position " + size);
            }
            float value = parser.getFloatValue();
            if (!Float.isFinite(value)) {
                throw new DataException("embeddings of video " + videoId + ", segment " + index
                        + ": field 'embedding' holds a non-finite value at position " + size);
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
        return size == values.length ? values : Arrays.copyOf(values, size);
    }

    private static Video video(Map<String, String> fields) {
        String rawId = fields.get("video_id") != null ? fields.get("video_id") : fields.get("id");
        if (rawId == null || rawId.isBlank()) {
            throw new DataException("a video item has no 'video_id'");
        }
        String id = SegmentIds.canonicalVideoId(rawId);
        String status = fields.get("search_process_status");
        String version = VERSION_FIELDS.stream().map(fields::get).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse("");
        String createdAt = fields.get("created_at");
        return new Video(id, fields.get("name"), !fields.containsKey("search_process_status") || SearchProcessStatus.isDone(status),
                instant(createdAt), createdAt, version, fields.get("hls_playlist_path"), fields.get("thumbnail_path"));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                // Python's isoformat() of a naive UTC datetime carries no offset.
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** The scalar fields of the object the parser is in, as text; nested values are skipped. */
    private static Map<String, String> readFlatObject(JsonParser parser) throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isScalarValue()) {
                fields.put(name, value == JsonToken.VALUE_NULL ? null : parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return fields;
    }

    private static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            parser.skipChildren();
            return null;
        }
        return parser.getText();
    }

    /** Moves to the first list under one of the known wrapper keys; the parser is inside the top-level object. */
    private static boolean seekList(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY && LIST_KEYS.contains(name)) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static boolean seekField(JsonParser parser, String field) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals(field)) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }
}
