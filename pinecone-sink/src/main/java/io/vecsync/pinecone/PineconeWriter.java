/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.pinecone.clients.Index;
import io.pinecone.unsigned_indices_model.VectorWithUnsignedIndices;
import io.vecsync.core.FloatListView;
import io.vecsync.core.sink.RefusedBatchException;
import io.vecsync.core.sink.Requests;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.VectorWriter;
import io.vecsync.core.sink.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes a batch over the index's gRPC data plane: upserts in requests within Pinecone's limits (1,000 vectors and
 * 2 MB each), and deletes by id in requests of at most 1,000 ids. Both are idempotent, so a retried batch is safe. An
 * upsert Pinecone refuses for what a vector holds is written again in halves by the framework, to find the vectors at
 * fault.
 */
final class PineconeWriter implements VectorWriter {

    private static final int MAX_VECTORS_PER_UPSERT = 1000;
    /** Pinecone's 2 MB per request, read as the smaller of 2,000,000 bytes and 2 MiB. */
    private static final int MAX_REQUEST_BYTES = 2_000_000;

    private static final int MAX_IDS_PER_DELETE = 1000;
    /** What a vector adds to a request beyond its values, id and metadata: protobuf tags and length prefixes. */
    private static final int VECTOR_OVERHEAD_BYTES = 24;

    private final IndexConnection connection;
    private final NamespaceTemplate namespace;

    PineconeWriter(IndexConnection connection, NamespaceTemplate namespace) {
        this.connection = connection;
        this.namespace = namespace;
    }

    /** Pinecone refuses a vector whose metadata exceeds 40 KB; only that record should go to the dead-letter queue. */
    @Override
    public void check(VectorPoint point) {
        int bytes = PineconeMetadata.jsonBytes(point.payload());
        if (bytes > PineconeMetadata.MAX_BYTES) {
            throw new DataException("metadata: " + bytes + " bytes as JSON, but Pinecone allows "
                    + PineconeMetadata.MAX_BYTES + " per vector; list fewer fields in payload.fields");
        }
    }

    @Override
    public void write(WriteBatch batch) {
        // With a per-topic namespace the task batches per topic, so the batch names its topic.
        String target = namespace.resolve(namespace.perTopic() ? batch.topic() : "");
        String doing = "writing " + batch.size() + " points to index " + connection.indexName()
                + (target.isEmpty() ? "" : ", namespace " + target);
        try {
            Index index = connection.index();
            for (List<VectorWithUnsignedIndices> request : upsertRequests(batch.upserts(), target)) {
                upsert(index, request, target, doing);
            }
            for (List<String> request : Requests.split(batch.deletes(), MAX_IDS_PER_DELETE)) {
                delete(index, request, target);
            }
        } catch (RuntimeException e) {
            throw PineconeErrors.INSTANCE.classify(doing, e);
        }
    }

    private static void upsert(Index index, List<VectorWithUnsignedIndices> request, String namespace, String doing) {
        try {
            index.upsert(request, namespace);
        } catch (RuntimeException e) {
            if (PineconeErrors.refusesAVector(e)) {
                throw new RefusedBatchException(
                        PineconeErrors.INSTANCE.classify(doing, e).getMessage(), e);
            }
            throw e;
        }
    }

    /** A delete in a namespace nothing was written to yet is Pinecone's NOT_FOUND: none of the ids is there, as wanted. */
    private static void delete(Index index, List<String> ids, String namespace) {
        try {
            index.deleteByIds(ids, namespace);
        } catch (RuntimeException e) {
            if (!PineconeErrors.isNotFound(e)) {
                throw e;
            }
        }
    }

    /** The upserts cut into requests of at most 1,000 vectors whose estimated wire size stays within 2 MB. */
    private static List<List<VectorWithUnsignedIndices>> upsertRequests(List<VectorPoint> points, String namespace) {
        int budget = MAX_REQUEST_BYTES - namespace.getBytes(StandardCharsets.UTF_8).length - VECTOR_OVERHEAD_BYTES;
        List<VectorWithUnsignedIndices> vectors = points.stream()
                .map(point -> new VectorWithUnsignedIndices(
                        point.id(),
                        new FloatListView(point.vector()),
                        PineconeMetadata.toStruct(point.payload()),
                        null))
                .toList();
        return Requests.split(
                vectors,
                MAX_VECTORS_PER_UPSERT,
                budget,
                vector -> (long) Float.BYTES * vector.getValuesList().size()
                        + vector.getId().getBytes(StandardCharsets.UTF_8).length
                        + vector.getMetadata().getSerializedSize()
                        + VECTOR_OVERHEAD_BYTES);
    }

    /** The store owns the connection and closes it. */
    @Override
    public void close() {}
}
