package io.vecsync.qdrant;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.VectorFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vectors;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.VectorWriter;
import io.vecsync.core.sink.WriteBatch;
import org.apache.kafka.connect.errors.RetriableException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a batch as one Delete of the tombstoned ids and one Upsert of the rest, each with {@code wait=true}: Qdrant
 * answers once the points are applied, so offsets are only committed for points a search can already see.
 */
final class QdrantWriter implements VectorWriter {

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
        if (!batch.deletes().isEmpty()) {
            DeletePoints delete = DeletePoints.newBuilder()
                    .setCollectionName(collection)
                    .setWait(true)
                    .setPoints(PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder()
                            .addAllIds(batch.deletes().stream().map(id -> PointIdFactory.id(UUID.fromString(id))).toList())))
                    .build();
            String doing = "deleting " + batch.deletes().size() + " points from collection " + collection;
            confirm(doing, connection.await(doing, connection.points().delete(delete)));
        }
        if (!batch.upserts().isEmpty()) {
            List<PointStruct> points = batch.upserts().stream().map(this::point).toList();
            UpsertPoints upsert = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true).addAllPoints(points).build();
            String doing = "upserting " + points.size() + " points into collection " + collection;
            confirm(doing, connection.await(doing, connection.points().upsert(upsert)));
        }
    }

    private PointStruct point(VectorPoint point) {
        Vectors vectors = vectorName == null ? VectorsFactory.vectors(point.vector())
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
