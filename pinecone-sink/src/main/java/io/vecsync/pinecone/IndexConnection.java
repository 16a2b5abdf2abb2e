/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.NettyChannelBuilder;
import io.pinecone.clients.Index;
import io.pinecone.clients.Pinecone;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.openapitools.db_control.client.model.IndexModel;

/**
 * The official client's two halves for the configured index: the control plane (REST) at once, and the index's
 * data plane (gRPC), opened on first use at the host the control plane reports for it. Every call of either has the
 * configured deadline.
 */
final class IndexConnection implements AutoCloseable {

    /** Shows up in Pinecone's usage attribution as the integration that wrote the data. */
    private static final String SOURCE_TAG = "vecsync";

    private final PineconeSinkConfig config;
    private final Pinecone control;
    private Index index;

    IndexConnection(PineconeSinkConfig config) {
        this.config = config;
        this.control = new Pinecone.Builder(config.apiKey().value())
                .withSourceTag(SOURCE_TAG)
                .withTlsEnabled(config.tls())
                .withOkHttpClient(controlPlaneHttp(config))
                .build();
    }

    /**
     * The control plane's HTTP client, with the call deadline. Given one, the Pinecone client ignores withHost (6.1), so
     * it sends requests to the configured host itself.
     */
    private static OkHttpClient controlPlaneHttp(PineconeSinkConfig config) {
        OkHttpClient.Builder http = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(config.timeoutMs()));
        if (config.host() != null) {
            HttpUrl host = HttpUrl.get(config.host());
            http.addInterceptor(chain -> chain.proceed(chain.request()
                    .newBuilder()
                    .url(chain.request()
                            .url()
                            .newBuilder()
                            .scheme(host.scheme())
                            .host(host.host())
                            .port(host.port())
                            .build())
                    .build()));
        }
        return http.build();
    }

    Pinecone control() {
        return control;
    }

    String indexName() {
        return config.index();
    }

    /**
     * The index's data plane.
     *
     * @throws RuntimeException the client's, when the index cannot be described
     */
    synchronized Index index() {
        if (index == null) {
            IndexModel model = control.describeIndex(config.index());
            index = open(model.getHost());
        }
        return index;
    }

    /**
     * Not {@code Pinecone#getIndexConnection}: it keeps one connection per index name for the whole JVM, and the first
     * task of a connector to stop would close it under the others. Our own channel also carries the call deadline.
     */
    private Index open(String host) {
        PineconeConfig dataPlane = new PineconeConfig(config.apiKey().value(), SOURCE_TAG);
        dataPlane.setHost(host);
        dataPlane.setTLSEnabled(config.tls());
        dataPlane.setCustomManagedChannel(channel(host, dataPlane.getUserAgent()));
        return new Index(dataPlane, new PineconeConnection(dataPlane), config.index());
    }

    private ManagedChannel channel(String host, String userAgent) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(PineconeConnection.formatEndpoint(host))
                .userAgent(userAgent)
                .intercept(new DeadlineInterceptor(config.timeoutMs()));
        return (config.tls() ? builder.useTransportSecurity() : builder.usePlaintext()).build();
    }

    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
            index = null;
        }
    }

    /** Gives every call without a deadline of its own the configured one: the client's blocking calls have none. */
    private record DeadlineInterceptor(long timeoutMs) implements ClientInterceptor {

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return next.newCall(
                    method,
                    options.getDeadline() == null
                            ? options.withDeadlineAfter(timeoutMs, TimeUnit.MILLISECONDS)
                            : options);
        }
    }
}
