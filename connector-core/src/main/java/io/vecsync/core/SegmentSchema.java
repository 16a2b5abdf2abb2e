/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import io.vecsync.search.SegmentFields;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** The record contract between the source and the sinks: a string key (the segment id) and a VideoSegment struct value. */
public final class SegmentSchema {

    public static final String NAME = "io.vecsync.VideoSegment";
    public static final int VERSION = 1;

    public static final String ID = "id";
    public static final String VIDEO_ID = SegmentFields.VIDEO_ID;
    public static final String START = SegmentFields.START;
    public static final String END = SegmentFields.END;
    public static final String START_SECONDS = "start_seconds";
    public static final String END_SECONDS = "end_seconds";
    public static final String EMBEDDING = "embedding";
    public static final String EMBEDDING_OPTION = "embedding_option";
    public static final String EMBEDDING_SCOPE = "embedding_scope";
    public static final String VIDEO_NAME = SegmentFields.VIDEO_NAME;
    public static final String CREATED_AT = "created_at";
    public static final String HLS_PLAYLIST_URL = SegmentFields.HLS_PLAYLIST_URL;
    public static final String THUMBNAIL_URL = SegmentFields.THUMBNAIL_URL;

    /** The key: the segment id as a canonical UUID string. */
    public static final Schema KEY = Schema.STRING_SCHEMA;

    private static final Schema FLOAT_ARRAY_VALUE =
            build(SchemaBuilder.array(Schema.FLOAT32_SCHEMA).build());
    private static final Schema FLOAT32_LE_VALUE = build(Schema.BYTES_SCHEMA);

    private SegmentSchema() {}

    /** The value schema; only the embedding field's type depends on the encoding. */
    public static Schema value(VectorEncoding encoding) {
        return encoding == VectorEncoding.FLOAT32_LE ? FLOAT32_LE_VALUE : FLOAT_ARRAY_VALUE;
    }

    private static Schema build(Schema embedding) {
        return SchemaBuilder.struct()
                .name(NAME)
                .version(VERSION)
                .doc("One clip of a video with its embedding; the key is the same id")
                .field(ID, Schema.STRING_SCHEMA)
                .field(VIDEO_ID, Schema.STRING_SCHEMA)
                .field(START, Schema.STRING_SCHEMA)
                .field(END, Schema.STRING_SCHEMA)
                .field(START_SECONDS, Schema.FLOAT64_SCHEMA)
                .field(END_SECONDS, Schema.FLOAT64_SCHEMA)
                .field(EMBEDDING, embedding)
                .field(EMBEDDING_OPTION, Schema.OPTIONAL_STRING_SCHEMA)
                .field(EMBEDDING_SCOPE, Schema.OPTIONAL_STRING_SCHEMA)
                .field(VIDEO_NAME, Schema.OPTIONAL_STRING_SCHEMA)
                .field(CREATED_AT, Schema.OPTIONAL_STRING_SCHEMA)
                .field(HLS_PLAYLIST_URL, Schema.OPTIONAL_STRING_SCHEMA)
                .field(THUMBNAIL_URL, Schema.OPTIONAL_STRING_SCHEMA)
                .build();
    }
}
