/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.core.Float32Codec;
import io.vecsync.core.SegmentSchema;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A segment's record value as the source connector writes it with vector.encoding=float32_le and schemaless JSON. */
public final class SegmentJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentJson() {}

    public static byte[] encode(SegmentRow row) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put(SegmentSchema.ID, row.id().toString());
        value.put(SegmentSchema.VIDEO_ID, row.videoId().toString());
        value.put(SegmentSchema.START, row.start());
        value.put(SegmentSchema.END, row.end());
        value.put(SegmentSchema.START_SECONDS, row.startSeconds());
        value.put(SegmentSchema.END_SECONDS, row.endSeconds());
        // Jackson writes byte[] as base64, as the JsonConverter does a BYTES field.
        value.put(SegmentSchema.EMBEDDING, Float32Codec.encode(row.embedding()));
        value.put(SegmentSchema.EMBEDDING_OPTION, SegmentRows.EMBEDDING_OPTION);
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
