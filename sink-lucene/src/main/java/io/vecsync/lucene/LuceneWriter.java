package io.vecsync.lucene;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.VectorWriter;
import io.vecsync.core.sink.WriteBatch;
import org.apache.kafka.connect.errors.DataException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Applies a batch to the shared IndexWriter: deletes by id term for the tombstones, updateDocument (delete and add
 * by id, atomically) for the rest. Nothing is committed here: the index commits on its timer, and the task commits
 * before Connect commits offsets, so a put() costs no fsync and segments are not cut per batch.
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
                throw new DataException("field '" + reserved + "': the Lucene document has a field of its own by that name;"
                        + " leave it out of " + CommonSinkConfig.PAYLOAD_FIELDS);
            }
        }
        Object videoId = point.payload().get(LuceneDocuments.VIDEO_ID);
        if (videoId != null && videoId.toString().getBytes(StandardCharsets.UTF_8).length > IndexWriter.MAX_TERM_LENGTH) {
            throw new DataException("field '" + LuceneDocuments.VIDEO_ID + "': longer than the " + IndexWriter.MAX_TERM_LENGTH
                    + " bytes Lucene indexes");
        }
    }

    @Override
    public void write(WriteBatch batch) {
        LuceneIndex target = index.get();
        IndexWriter writer = target.writer();
        try {
            if (!batch.deletes().isEmpty()) {
                writer.deleteDocuments(batch.deletes().stream().map(id -> new Term(LuceneDocuments.ID, id)).toArray(Term[]::new));
            }
            for (VectorPoint point : batch.upserts()) {
                writer.updateDocument(new Term(LuceneDocuments.ID, point.id()), LuceneDocuments.document(point));
            }
        } catch (IOException | RuntimeException e) {
            throw target.failure("writing " + batch.size() + " points to", e);
        }
    }

    @Override
    public void close() {
        // The index admin holds the task's share of the index.
    }
}
