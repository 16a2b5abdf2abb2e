/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vecsync.core.SegmentIds;
import io.vecsync.core.Timecodes;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the platform's JSON with a streaming parser. The docs give SDK shapes, not wire shapes, so lists may come
 * bare or wrapped in an object, and unknown fields are ignored.
 */
final class PlatformResponses {

    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** Keys under which a wrapping object may carry the list. */
    private static final List<String> LIST_KEYS = List.of("data", "videos", "items", "results");
    /** HH:MM:SS, also MM:SS and SS, the last field maybe with a fraction. */
    private PlatformResponses() {}

    /** The videos of one listing page, bare or wrapped under one of {@link #LIST_KEYS}. */
    static List<Video> videos(byte[] body) {
        String where = "the video listing";
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT && !seekList(parser)) {
                throw new MalformedResponseException(where + " is an object without a list under any of " + LIST_KEYS);
            } else if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new MalformedResponseException(where + " is neither a list nor an object wrapping one");
            }
            return videoList(parser, where);
        } catch (IOException e) {
            throw notJson(where, e);
        }
    }

    /** One video from the details endpoint. */
    static Video videoDetails(String videoId, byte[] body) {
        String where = "the details of video " + videoId;
        return readObject(body, where, parser -> video(readFlatObject(parser), where));
    }

    /** Whether a pipeline-status answer, {@code {video_id, status, percentage, error}}, says the pipeline is done. */
    static boolean pipelineDone(String where, byte[] body) {
        return readObject(body, where, parser -> {
            if (!seekField(parser, "status")) {
                throw new MalformedResponseException(where + ": field 'status' is missing");
            }
            return SearchProcessStatus.isDone(text(parser, parser.currentToken()));
        });
    }

    /** A page of a collection's videos: {@code {data, page, page_size, total}}. */
    static CollectionPage collectionPage(String collectionId, byte[] body) {
        String where = "the videos of collection " + collectionId;
        return readObject(body, where, parser -> {
            List<Video> videos = null;
            Map<String, Long> numbers = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("data") && value == JsonToken.START_ARRAY) {
                    videos = videoList(parser, where);
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    numbers.put(field, parser.getLongValue());
                } else {
                    parser.skipChildren();
                }
            }
            if (videos == null) {
                throw new MalformedResponseException(where + ": field 'data' is missing or not a list");
            }
            return new CollectionPage(
                    videos.stream().map(Video::id).toList(),
                    (int) number(numbers, "page", where),
                    (int) number(numbers, "page_size", where),
                    number(numbers, "total", where));
        });
    }

    /**
     * A video's embeddings: its segments, each checked for its dimension and timestamps, or NOT_READY when the
     * response carries a status other than "ready".
     */
    static EmbeddingsResult embeddings(String videoId, byte[] body, int dimension) {
        String where = "embeddings of video " + videoId;
        return readObject(body, where, parser -> {
            String status = null;
            List<SegmentEmbedding> segments = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("status")) {
                    status = text(parser, value);
                } else if (field.equals("data") && value == JsonToken.START_ARRAY && isReady(status)) {
                    segments = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        segments.add(segment(parser, where + ", segment " + segments.size(), dimension));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!isReady(status)) {
                return EmbeddingsResult.NOT_READY;
            }
            if (segments == null) {
                throw new MalformedResponseException(where + ": expected an object with a 'data' list");
            }
            return EmbeddingsResult.ready(segments);
        });
    }

    /** The vector of a text-embedding response, {@code data[0].embedding}. */
    static float[] textEmbedding(byte[] body, int dimension) {
        String where = "the text embedding";
        return readObject(body, where, parser -> {
            if (!seekField(parser, "data")
                    || parser.currentToken() != JsonToken.START_ARRAY
                    || parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedResponseException(where + ": expected an object with a non-empty 'data' list");
            }
            float[] embedding = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("embedding")) {
                    embedding = floats(parser, value, where, dimension);
                } else {
                    parser.skipChildren();
                }
            }
            return checkedVector(embedding, where, dimension);
        });
    }

    /** Reads the inside of a JSON object. */
    @FunctionalInterface
    private interface ObjectReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** Parses a body that must be one JSON object; {@code reader} starts inside it. */
    private static <T> T readObject(byte[] body, String where, ObjectReader<T> reader) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedResponseException(where + ": expected a JSON object");
            }
            return reader.read(parser);
        } catch (IOException e) {
            throw notJson(where, e);
        }
    }

    /** A status absent (the docs' shape always says "ready", but older answers may not carry it) or "ready". */
    private static boolean isReady(String status) {
        return status == null || status.trim().toLowerCase(Locale.ROOT).equals("ready");
    }

    private static MalformedResponseException notJson(String where, IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new MalformedResponseException(where + " is not valid JSON: " + message, e);
    }

    private static long number(Map<String, Long> numbers, String field, String where) {
        Long value = numbers.get(field);
        if (value == null) {
            throw new MalformedResponseException(where + ": field '" + field + "' is missing or not a whole number");
        }
        return value;
    }

    /** The video objects of the list the parser is at the start of. */
    private static List<Video> videoList(JsonParser parser, String where) throws IOException {
        List<Video> videos = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            videos.add(video(readFlatObject(parser), where + ", item " + videos.size()));
        }
        return videos;
    }

    private static SegmentEmbedding segment(JsonParser parser, String where, int dimension) throws IOException {
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
                case "embedding" -> embedding = floats(parser, value, where, dimension);
                default -> parser.skipChildren();
            }
        }
        checkedVector(embedding, where, dimension);
        checkTimecode(where, "start", start);
        checkTimecode(where, "end", end);
        return new SegmentEmbedding(start, end, option, scope, embedding);
    }

    private static float[] checkedVector(float[] embedding, String where, int dimension) {
        if (embedding == null) {
            throw new MalformedResponseException(where + ": field 'embedding' is missing");
        }
        if (embedding.length != dimension) {
            throw new MalformedResponseException(
                    where + ": field 'embedding' has " + embedding.length + " values, expected " + dimension);
        }
        return embedding;
    }

    private static void checkTimecode(String where, String field, String value) {
        if (value == null) {
            throw new MalformedResponseException(where + ": field '" + field + "' is missing, expected HH:MM:SS");
        }
        try {
            Timecodes.toSeconds(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(
                    where + ": field '" + field + "' is '" + value + "', expected HH:MM:SS");
        }
    }

    private static float[] floats(JsonParser parser, JsonToken token, String where, int dimension) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw new MalformedResponseException(where + ": field 'embedding' is not a list");
        }
        float[] values = new float[dimension];
        int size = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw new MalformedResponseException(
                        where + ": field 'embedding' holds a non-number at position " + size);
            }
            float value = parser.getFloatValue();
            if (!Float.isFinite(value)) {
                throw new MalformedResponseException(
                        where + ": field 'embedding' holds a non-finite value at position " + size);
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
        return size == values.length ? values : Arrays.copyOf(values, size);
    }

    private static Video video(Map<String, String> fields, String where) {
        String rawId = fields.get("video_id") != null ? fields.get("video_id") : fields.get("id");
        if (rawId == null || !SegmentIds.isUuid(rawId)) {
            throw new MalformedResponseException(
                    where + ": field 'video_id' is " + (rawId == null ? "missing" : "'" + rawId + "', not a UUID"));
        }
        String createdAt = fields.get("created_at");
        return new Video(
                rawId.trim().toLowerCase(Locale.ROOT),
                fields.get("name"),
                instant(createdAt),
                createdAt,
                fields.get("hls_playlist_path"),
                fields.get("thumbnail_path"));
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
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
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
