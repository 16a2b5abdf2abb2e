package io.vecsync.bench;

import io.vecsync.core.SegmentSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vector store under test: its protocol-level fake, the sink's config pointing at it, and its official client
 * writing one point per request.
 */
interface StoreSinkTarget extends AutoCloseable {

    /** e.g. "Qdrant". */
    String name();

    /** The sink connector's class and store keys, writing into the run's target (collection or index), which the sink creates. */
    Map<String, String> sinkConfig(String run);

    /** Points the run's target holds; cheap enough to poll while a sink writes. */
    int pointCount(String run);

    /** Creates the run's target with the official client, as the platform docs' script does, and opens a writer into it. */
    PointWriter openDirect(String run) throws Exception;

    @Override
    void close();

    /** The official client writing one point per request; the target closes the client. */
    interface PointWriter {

        void upsert(SegmentRow row) throws Exception;
    }

    /** The payload every vecsync sink writes for a segment record: its fields but the id and the vector, in record order. */
    static Map<String, Object> payload(SegmentRow row) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(SegmentSchema.VIDEO_ID, row.videoId().toString());
        payload.put(SegmentSchema.START, row.start());
        payload.put(SegmentSchema.END, row.end());
        payload.put(SegmentSchema.START_SECONDS, row.startSeconds());
        payload.put(SegmentSchema.END_SECONDS, row.endSeconds());
        payload.put(SegmentSchema.EMBEDDING_OPTION, SegmentRows.EMBEDDING_OPTION);
        return payload;
    }
}
