/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.CollectionsGrpc.CollectionsFutureStub;
import io.qdrant.client.grpc.PointsGrpc.PointsFutureStub;
import io.qdrant.client.grpc.QdrantGrpc.QdrantFutureStub;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * One gRPC connection to Qdrant through the official client, opened from the sink's config, whose calls fail as
 * {@link QdrantErrors} sorts them. Calls go through the client's gRPC stubs: its high-level QdrantClient logs every
 * failed call at ERROR with a stack trace, retried ones too.
 */
final class QdrantConnection implements AutoCloseable {

    private final QdrantGrpcClient client;
    private final QdrantErrors errors;

    private QdrantConnection(QdrantGrpcClient client, boolean hasApiKey) {
        this.client = client;
        this.errors = new QdrantErrors(hasApiKey);
    }

    /** Opens the channel; gRPC connects lazily, so an unreachable server shows on the first call. */
    static QdrantConnection open(QdrantSinkConfig config) {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(config.host(), config.port(), credentials(config))
                .userAgent("vecsync-qdrant-sink")
                .build();
        // The client's own version check blocks without a deadline; the collection admin makes it with one.
        QdrantGrpcClient.Builder grpc =
                QdrantGrpcClient.newBuilder(channel, true, false).withTimeout(config.timeout());
        Password apiKey = config.apiKey();
        if (apiKey != null) {
            grpc.withApiKey(apiKey.value());
        }
        return new QdrantConnection(grpc.build(), apiKey != null);
    }

    private static ChannelCredentials credentials(QdrantSinkConfig config) {
        if (!config.tls()) {
            return InsecureChannelCredentials.create();
        }
        if (config.tlsCaFile() == null) {
            return TlsChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder()
                    .trustManager(new File(config.tlsCaFile()))
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new ConnectException(
                    "cannot read CA certificates from " + QdrantSinkConfig.TLS_CA_FILE + " (" + config.tlsCaFile()
                            + "): " + e.getMessage(),
                    e);
        }
    }

    /** The server's own service (health check), with the API key and a fresh deadline. */
    QdrantFutureStub qdrant() {
        return client.qdrant();
    }

    /** The points service, with the API key and a fresh deadline. */
    PointsFutureStub points() {
        return client.points();
    }

    /** The collections service, with the API key and a fresh deadline. */
    CollectionsFutureStub collections() {
        return client.collections();
    }

    /** Waits for a call, turning its failure into the Connect exception that says whether to retry. */
    <T> T await(String doing, ListenableFuture<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw errors.classify(doing, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new ConnectException(doing + " was interrupted", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
