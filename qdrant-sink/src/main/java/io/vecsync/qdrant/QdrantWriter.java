/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import com.google.protobuf.CodedOutputStream;
import io.grpc.Status;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.VectorFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vectors;
import io.vecsync.core.sink.RefusedBatchException;
import io.vecsync.core.sink.Requests;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.VectorWriter;
import io.vecsync.core.sink.WriteBatch;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Writes a batch as Deletes of the tombstoned ids and Upserts of the rest, each with {@code wait=true}: Qdrant answers
 * once the points are applied, so offsets are only committed for points a search can already see. Requests stay within
 * gRPC's default message size (4 MB: about 800 points of 1024 dimensions with their payload), which servers and proxies
 * on their defaults enforce. An upsert Qdrant refuses for its content is written again in halves by the framework, to
 * find the points at fault; one it refuses for the collection's shape fails the task.
 */
final class QdrantWriter implements VectorWriter {

    /** gRPC's default message size, less room for the request's own fields and headers. */
    static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024 - 64 * 1024;
    /** Qdrant's words for a request that does not fit the collection, whatever its points hold. */
    private static final List<String> COLLECTION_MISMATCHES =
            List.of("Vector dimension error", "Not existing vector name");

    private final QdrantConnection connection;
    private final String collection;
    private final String vectorName;

    QdrantWriter(QdrantSinkConfig config, QdrantConnection connection) {
        this.connection = connection;
        this.collection = config.collection();
        this.vectorName = config.vectorName();
    }

    @Override
    public void write(WriteBatch batch) {
        List<PointId> ids = batch.deletes().stream()
                .map(id -> PointIdFactory.id(UUID.fromString(id)))
                .toList();
        for (List<PointId> request : Requests.split(
                ids,
                Integer.MAX_VALUE,
                MAX_REQUEST_BYTES,
                id -> CodedOutputStream.computeMessageSize(PointsIdsList.IDS_FIELD_NUMBER, id))) {
            DeletePoints delete = DeletePoints.newBuilder()
                    .setCollectionName(collection)
                    .setWait(true)
                    .setPoints(PointsSelector.newBuilder()
                            .setPoints(PointsIdsList.newBuilder().addAllIds(request)))
                    .build();
            String doing = "deleting " + request.size() + " points from collection " + collection;
            confirm(doing, connection.await(doing, connection.points().delete(delete)));
        }
        List<PointStruct> points = batch.upserts().stream().map(this::point).toList();
        for (List<PointStruct> request : Requests.split(
                points,
                Integer.MAX_VALUE,
                MAX_REQUEST_BYTES,
                point -> CodedOutputStream.computeMessageSize(UpsertPoints.POINTS_FIELD_NUMBER, point))) {
            UpsertPoints upsert = UpsertPoints.newBuilder()
                    .setCollectionName(collection)
                    .setWait(true)
                    .addAllPoints(request)
                    .build();
            String doing = "upserting " + request.size() + " points into collection " + collection;
            try {
                confirm(doing, connection.await(doing, connection.points().upsert(upsert)));
            } catch (ConnectException failure) {
                throw refusedForItsPoints(failure) ? new RefusedBatchException(failure.getMessage(), failure) : failure;
            }
        }
    }

    /** Qdrant's INVALID_ARGUMENT for what a point holds, not for a collection of another shape. */
    private static boolean refusedForItsPoints(ConnectException failure) {
        Status status = Status.fromThrowable(failure.getCause());
        return failure.getCause() != null
                && status.getCode() == Status.Code.INVALID_ARGUMENT
                && COLLECTION_MISMATCHES.stream().noneMatch(String.valueOf(status.getDescription())::contains);
    }

    private PointStruct point(VectorPoint point) {
        Vectors vectors = vectorName == null
                ? VectorsFactory.vectors(point.vector())
                : VectorsFactory.namedVectors(Map.of(vectorName, VectorFactory.vector(point.vector())));
        return PointStruct.newBuilder()
                .setId(PointIdFactory.id(UUID.fromString(point.id())))
                .setVectors(vectors)
                .putAllPayload(QdrantPayload.encode(point.payload()))
                .build();
    }

    /** With wait=true anything but Completed (e.g. the server's own wait timed out) leaves the outcome open: retry. */
    private static void confirm(String doing, PointsOperationResponse response) {
        UpdateStatus status = response.getResult().getStatus();
        if (status != UpdateStatus.Completed) {
            throw new RetriableException(doing + " was not confirmed: the server answered " + status);
        }
    }

    @Override
    public void close() {
        // The store owns the connection.
    }
}
