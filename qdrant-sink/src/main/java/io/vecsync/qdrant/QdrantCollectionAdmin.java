/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.VersionsCompatibilityChecker;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.sink.TargetAdmin;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the collection when missing (cosine, the configured dimension, a named vector when configured) or verifies
 * an existing one, then makes sure video_id has a payload index.
 */
final class QdrantCollectionAdmin implements TargetAdmin {

    private static final Logger log = LoggerFactory.getLogger(QdrantCollectionAdmin.class);

    private final QdrantSinkConfig config;
    private final QdrantConnection connection;
    private final String collection;

    QdrantCollectionAdmin(QdrantSinkConfig config, QdrantConnection connection) {
        this.config = config;
        this.connection = connection;
        this.collection = config.collection();
    }

    @Override
    public void ensureTarget(int dimension) {
        warnWhenIncompatible();
        if (!exists()) {
            create(dimension);
        }
        CollectionInfo info = connection
                .await(
                        "reading collection " + collection,
                        connection
                                .collections()
                                .get(GetCollectionInfoRequest.newBuilder()
                                        .setCollectionName(collection)
                                        .build()))
                .getResult();
        verify(info, dimension);
        if (config.payloadIndexVideoId() && !info.containsPayloadSchema(SegmentSchema.VIDEO_ID)) {
            String doing = "creating a keyword index on " + SegmentSchema.VIDEO_ID + " in collection " + collection;
            connection.await(
                    doing,
                    connection
                            .points()
                            .createFieldIndex(CreateFieldIndexCollection.newBuilder()
                                    .setCollectionName(collection)
                                    .setWait(true)
                                    .setFieldName(SegmentSchema.VIDEO_ID)
                                    .setFieldType(FieldType.FieldTypeKeyword)
                                    .build()));
            log.info("created a keyword payload index on {} in collection {}", SegmentSchema.VIDEO_ID, collection);
        }
    }

    /** The client writes vectors in its own version's protocol fields (Vector.dense), which much older servers do not read. */
    private void warnWhenIncompatible() {
        String server = connection
                .await(
                        "checking the server's version",
                        connection.qdrant().healthCheck(HealthCheckRequest.getDefaultInstance()))
                .getVersion();
        String client = QdrantGrpcClient.class.getPackage().getImplementationVersion();
        if (client != null && !VersionsCompatibilityChecker.isCompatible(client, server)) {
            log.warn(
                    "Qdrant server {} may not be compatible with the sink's client {} (their minor versions should differ by at"
                            + " most 1); writes may fail with vector dimension errors",
                    server,
                    client);
        }
    }

    private boolean exists() {
        return connection
                .await(
                        "looking up collection " + collection,
                        connection
                                .collections()
                                .collectionExists(CollectionExistsRequest.newBuilder()
                                        .setCollectionName(collection)
                                        .build()))
                .getResult()
                .getExists();
    }

    private void create(int dimension) {
        VectorParams params = VectorParams.newBuilder()
                .setSize(dimension)
                .setDistance(Distance.Cosine)
                .build();
        VectorsConfig vectors = config.vectorName() == null
                ? VectorsConfig.newBuilder().setParams(params).build()
                : VectorsConfig.newBuilder()
                        .setParamsMap(VectorParamsMap.newBuilder().putMap(config.vectorName(), params))
                        .build();
        String doing = "creating collection " + collection;
        try {
            connection.await(
                    doing,
                    connection
                            .collections()
                            .create(CreateCollection.newBuilder()
                                    .setCollectionName(collection)
                                    .setVectorsConfig(vectors)
                                    .build()));
            log.info(
                    "created collection {} with {}cosine vectors of size {}",
                    collection,
                    config.vectorName() == null ? "" : "named '" + config.vectorName() + "' ",
                    dimension);
        } catch (RetriableException e) {
            throw e;
        } catch (ConnectException e) {
            // Tasks of one connector start together: another may have created it first, and the caller verifies it.
            if (!exists()) {
                throw e;
            }
        }
    }

    private void verify(CollectionInfo info, int dimension) {
        VectorsConfig vectors = info.getConfig().getParams().getVectorsConfig();
        String name = config.vectorName();
        VectorParams params;
        if (name == null) {
            if (!vectors.hasParams()) {
                throw new ConnectException("collection " + collection + " has named vectors "
                        + vectors.getParamsMap().getMapMap().keySet() + " but " + QdrantSinkConfig.VECTOR_NAME
                        + " is empty; set it to the vector the sink should write");
            }
            params = vectors.getParams();
        } else {
            if (!vectors.getParamsMap().containsMap(name)) {
                throw new ConnectException("collection " + collection + " has no vector named '" + name + "' ("
                        + QdrantSinkConfig.VECTOR_NAME + "); it has "
                        + (vectors.hasParams()
                                ? "a single unnamed vector"
                                : "named vectors "
                                        + vectors.getParamsMap().getMapMap().keySet()));
            }
            params = vectors.getParamsMap().getMapOrThrow(name);
        }
        String vector = name == null ? "vectors" : "vector '" + name + "'";
        if (params.getSize() != dimension) {
            throw new ConnectException("collection " + collection + " has " + vector + " of size " + params.getSize()
                    + " but " + QdrantSinkConfig.EMBEDDING_DIMENSION + " is " + dimension
                    + "; use a collection of that size or change the setting");
        }
        if (params.getDistance() != Distance.Cosine) {
            throw new ConnectException(
                    "collection " + collection + " has " + vector + " with distance " + params.getDistance()
                            + ", expected Cosine: the platform's vectors are compared by cosine similarity");
        }
    }
}
