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
import org.openapitools.db_control.client.model.IndexModel;

import java.util.concurrent.TimeUnit;

/**
 * The official client's two halves for the configured index: the control plane (REST) at once, and the index's
 * data plane (gRPC), opened on first use at the host the control plane reports for it.
 */
final class IndexConnection implements AutoCloseable {

    /** Shows up in Pinecone's usage attribution as the integration that wrote the data. */
    private static final String SOURCE_TAG = "vecsync";

    private final PineconeSinkConfig config;
    private final Pinecone control;
    private Index index;

    IndexConnection(PineconeSinkConfig config) {
        this.config = config;
        Pinecone.Builder builder = new Pinecone.Builder(config.apiKey().value()).withSourceTag(SOURCE_TAG).withTlsEnabled(config.tls());
        if (config.host() != null) {
            builder.withHost(config.host());
        }
        this.control = builder.build();
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
            return next.newCall(method, options.getDeadline() == null ? options.withDeadlineAfter(timeoutMs, TimeUnit.MILLISECONDS) : options);
        }
    }
}
