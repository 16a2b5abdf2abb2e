/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.core.SegmentSchema;
import io.vecsync.core.sink.VectorPoint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * A segment as a Lucene document: {@code id} (indexed, stored), the {@code embedding} vector (HNSW, cosine),
 * {@code video_id} (indexed for filters, stored) and every other payload field as a stored field of its own name.
 */
final class LuceneDocuments {

    static final String ID = "id";
    static final String EMBEDDING = "embedding";
    static final String VIDEO_ID = SegmentSchema.VIDEO_ID;

    private LuceneDocuments() {}

    static Document document(VectorPoint point) {
        Document document = new Document();
        document.add(new StringField(ID, point.id(), Store.YES));
        document.add(new KnnFloatVectorField(EMBEDDING, point.vector(), VectorSimilarityFunction.COSINE));
        point.payload()
                .forEach((name, value) -> document.add(
                        name.equals(VIDEO_ID)
                                ? new StringField(VIDEO_ID, value.toString(), Store.YES)
                                : stored(name, value)));
        return document;
    }

    /** Lucene stores no booleans: they are stored as ints, which nothing else is, so they read back as booleans. */
    private static StoredField stored(String name, Object value) {
        if (value instanceof Boolean bool) {
            return new StoredField(name, bool ? 1 : 0);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return new StoredField(name, ((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return new StoredField(name, number.doubleValue());
        }
        return new StoredField(name, value.toString());
    }

    /** The stored fields but the id, in the order they were written: what the sink got as the point's payload. */
    static Map<String, Object> payload(Document stored) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (IndexableField field : stored) {
            if (field.name().equals(ID)) {
                continue;
            }
            Number number = field.numericValue();
            if (number instanceof Integer bool) {
                payload.put(field.name(), bool != 0);
            } else {
                payload.put(field.name(), number != null ? number : field.stringValue());
            }
        }
        return payload;
    }
}
