/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** Writes the embeddings responses with a streaming generator, since they are large and benchmarks fetch many. */
final class EmbeddingsJson {

    /** Roughly what one written float takes, to size the buffer once. */
    private static final int BYTES_PER_VALUE = 12;

    private EmbeddingsJson() {}

    /**
     * The video embeddings response.
     *
     * @param shortSegment index of a segment to write with its last value missing, or -1 for a correct response
     */
    static byte[] video(String videoId, List<Segment> segments, int shortSegment) {
        return video(videoId, "ready", segments, shortSegment);
    }

    /** A video embeddings response with no segments and the given status. */
    static byte[] withoutData(String videoId, String status) {
        return video(videoId, status, List.of(), -1);
    }

    private static byte[] video(String videoId, String status, List<Segment> segments, int shortSegment) {
        int values = segments.isEmpty() ? 0 : segments.size() * segments.get(0).embedding().length;
        return write(values, generator -> {
            generator.writeStartObject();
            generator.writeStringField("id", videoId);
            generator.writeStringField("status", status);
            generator.writeArrayFieldStart("data");
            for (int i = 0; i < segments.size(); i++) {
                Segment segment = segments.get(i);
                generator.writeStartObject();
                int length = segment.embedding().length - (i == shortSegment ? 1 : 0);
                writeEmbedding(generator, segment.embedding(), length);
                generator.writeStringField("embedding_option", segment.option());
                generator.writeStringField("embedding_scope", segment.scope());
                generator.writeStringField("start", segment.start());
                generator.writeStringField("end", segment.end());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        });
    }

    static byte[] text(float[] embedding) {
        return write(embedding.length, generator -> {
            generator.writeStartObject();
            generator.writeStringField("status", "ready");
            generator.writeArrayFieldStart("data");
            generator.writeStartObject();
            writeEmbedding(generator, embedding, embedding.length);
            generator.writeEndObject();
            generator.writeEndArray();
            generator.writeEndObject();
        });
    }

    private static void writeEmbedding(JsonGenerator generator, float[] embedding, int length) throws IOException {
        generator.writeArrayFieldStart("embedding");
        for (int i = 0; i < length; i++) {
            generator.writeNumber(embedding[i]);
        }
        generator.writeEndArray();
    }

    private static byte[] write(int values, Json.Body body) {
        return Json.write(256 + values * BYTES_PER_VALUE, body);
    }
}
