/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.RefusedPointsException;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.VectorWriter;
import io.vecsync.core.sink.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.DataException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Applies a batch to the shared IndexWriter: deletes by id term for the tombstones, updateDocument (delete and add
 * by id, atomically) for the rest. Nothing is committed here: the index commits on its timer, and the task commits
 * before Connect commits offsets, so a put() costs no fsync and segments are not cut per batch. Lucene refuses a
 * document it cannot index alone, leaving the index as it was for that id; such points are reported refused once the
 * rest of the batch is applied. Requests have no size here: documents go to the writer one by one.
 */
final class LuceneWriter implements VectorWriter {

    private final Supplier<LuceneIndex> index;

    /** @param index the task's share of the index, open once the target is ready */
    LuceneWriter(Supplier<LuceneIndex> index) {
        this.index = index;
    }

    /** A payload field named like the document's own fields, or a video_id too long for an indexed term, goes to the DLQ. */
    @Override
    public void check(VectorPoint point) {
        for (String reserved : List.of(LuceneDocuments.ID, LuceneDocuments.EMBEDDING)) {
            if (point.payload().containsKey(reserved)) {
                throw new DataException(
                        "field '" + reserved + "': the Lucene document has a field of its own by that name;"
                                + " leave it out of " + CommonSinkConfig.PAYLOAD_FIELDS);
            }
        }
        Object videoId = point.payload().get(LuceneDocuments.VIDEO_ID);
        if (videoId != null
                && videoId.toString().getBytes(StandardCharsets.UTF_8).length > IndexWriter.MAX_TERM_LENGTH) {
            throw new DataException("field '" + LuceneDocuments.VIDEO_ID + "': longer than the "
                    + IndexWriter.MAX_TERM_LENGTH + " bytes Lucene indexes");
        }
    }

    @Override
    public void write(WriteBatch batch) {
        LuceneIndex target = index.get();
        IndexWriter writer = target.writer();
        Map<String, String> refused = new LinkedHashMap<>();
        try {
            if (!batch.deletes().isEmpty()) {
                writer.deleteDocuments(batch.deletes().stream()
                        .map(id -> new Term(LuceneDocuments.ID, id))
                        .toArray(Term[]::new));
            }
            for (VectorPoint point : batch.upserts()) {
                try {
                    writer.updateDocument(new Term(LuceneDocuments.ID, point.id()), LuceneDocuments.document(point));
                } catch (IllegalArgumentException unfit) {
                    // Lucene's refusal of one document, which leaves the writer open (a tragic error closes it
                    // instead).
                    if (!writer.isOpen()) {
                        throw unfit;
                    }
                    refused.put(point.id(), "Lucene refused the document: " + unfit.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw target.failure("writing " + batch.size() + " points to", e);
        }
        if (!refused.isEmpty()) {
            throw new RefusedPointsException(
                    "Lucene refused " + refused.size() + " of "
                            + batch.upserts().size() + " documents",
                    refused);
        }
    }

    @Override
    public void close() {
        // The index admin holds the task's share of the index.
    }
}
