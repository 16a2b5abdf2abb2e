/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vecsync.core.Float32Codec;
import io.vecsync.core.sink.VectorPoint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * A point as the JSON values of its place in an upsert's three arrays — id, embedding, metadata — encoded once, so
 * that requests are cut by their exact size and the body is put together from the pieces.
 */
record EncodedRecord(String id, byte[] idJson, byte[] embeddingJson, byte[] metadataJson) {

    private static final byte[] IDS = bytes("{\"ids\":[");
    private static final byte[] EMBEDDINGS = bytes("],\"embeddings\":[");
    private static final byte[] METADATAS = bytes("],\"metadatas\":[");
    private static final byte[] END = bytes("]}");
    /** What an upsert body holds besides its records. */
    static final int ENVELOPE_BYTES = IDS.length + EMBEDDINGS.length + METADATAS.length + END.length;

    /**
     * @param base64 the embedding as base64 little-endian float32, as Chroma's own client sends it where the server
     *               reads it: exact, and half the bytes of decimal text
     */
    static EncodedRecord of(VectorPoint point, boolean base64) {
        try {
            byte[] embedding = base64
                    ? bytes('"' + Base64.getEncoder().encodeToString(Float32Codec.encode(point.vector())) + '"')
                    : ChromaClient.JSON.writeValueAsBytes(point.vector());
            return new EncodedRecord(
                    point.id(),
                    ChromaClient.JSON.writeValueAsBytes(point.id()),
                    embedding,
                    ChromaClient.JSON.writeValueAsBytes(point.payload()));
        } catch (JsonProcessingException e) {
            throw new ConnectException("cannot write point " + point.id() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The record's share of an upsert body: its three values and their separators. */
    long bytes() {
        return idJson.length + embeddingJson.length + metadataJson.length + 3L;
    }

    /** {@code {"ids": [...], "embeddings": [...], "metadatas": [...]}} of the records, in order. */
    static byte[] upsertBody(List<EncodedRecord> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(ENVELOPE_BYTES
                + (int) records.stream().mapToLong(EncodedRecord::bytes).sum());
        body.writeBytes(IDS);
        join(body, records.stream().map(EncodedRecord::idJson).toList());
        body.writeBytes(EMBEDDINGS);
        join(body, records.stream().map(EncodedRecord::embeddingJson).toList());
        body.writeBytes(METADATAS);
        join(body, records.stream().map(EncodedRecord::metadataJson).toList());
        body.writeBytes(END);
        return body.toByteArray();
    }

    private static void join(ByteArrayOutputStream body, List<byte[]> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(values.get(i));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
