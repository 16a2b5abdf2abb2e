/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone.fake;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pinecone at the protocol level, for the official client unmodified: the REST control plane on one loopback port
 * and, per index, the gRPC data plane on a port of its own, reported as the index's host (as Pinecone Local does).
 * Tests reach the stored vectors, the requests received, and can inject failures and delays.
 */
public final class FakePinecone implements AutoCloseable {

    /** The data-plane calls the fake serves. */
    public enum Rpc {
        UPSERT,
        DELETE,
        QUERY,
        FETCH,
        LIST,
        DESCRIBE_INDEX_STATS
    }

    /** The client's stubs accept 64 MB; a request over Pinecone's limits must reach the service to be refused like Pinecone does. */
    private static final int MAX_INBOUND_BYTES = 64 * 1000 * 1000;

    private final String apiKey;
    private final Faults faults = new Faults();
    private final Map<String, FakeIndex> indexes = new LinkedHashMap<>();
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final FakeControlPlane controlPlane;
    private int describesUntilReady;

    private FakePinecone(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.controlPlane = new FakeControlPlane(this);
    }

    /** Starts the control plane; indexes get their data plane when created. */
    public static FakePinecone start(String apiKey) {
        try {
            return new FakePinecone(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the Pinecone fake", e);
        }
    }

    /** The control-plane URL, for {@code pinecone.host}; the data plane is plaintext ({@code pinecone.tls=false}). */
    public String controlPlaneUrl() {
        return controlPlane.url();
    }

    public String apiKey() {
        return apiKey;
    }

    public synchronized Optional<FakeIndex> index(String name) {
        return Optional.ofNullable(indexes.get(name));
    }

    synchronized List<FakeIndex> indexes() {
        return new ArrayList<>(indexes.values());
    }

    /** An index as a user might already have it, ready at once. */
    public FakeIndex createIndex(String name, int dimension, String metric) {
        FakeIndex index = create(name, dimension, metric, "aws", "us-east-1", true);
        if (index == null) {
            throw new IllegalStateException("index " + name + " exists");
        }
        return index;
    }

    /** Creates an index and its data plane, or returns null when the name is taken. */
    synchronized FakeIndex create(
            String name, int dimension, String metric, String cloud, String region, boolean ready) {
        if (indexes.containsKey(name)) {
            return null;
        }
        FakeIndex index = new FakeIndex(name, dimension, metric, cloud, region, ready ? 0 : describesUntilReady);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                .addService(FakeVectorService.definition(index, faults, apiKey))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting the data plane of " + name, e);
        }
        index.host(InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort());
        indexes.put(name, index);
        servers.put(name, server);
        return index;
    }

    /** Deletes an index and stops its data plane; false when there is none. */
    public boolean deleteIndex(String name) {
        Server server;
        synchronized (this) {
            if (indexes.remove(name) == null) {
                return false;
            }
            server = servers.remove(name);
        }
        stop(server);
        return true;
    }

    /** Indexes created through the API from now on report Initializing to this many describes before Ready. */
    public synchronized void describesUntilReady(int describes) {
        this.describesUntilReady = describes;
    }

    /** The next {@code times} calls of the RPC fail with the code. */
    public void failNext(Rpc rpc, Status.Code code, int times) {
        faults.failNext(rpc, code, times);
    }

    /** Every call of the RPC fails with the code, once the queued failures are served, until {@link #clearFaults()}. */
    public void failAlways(Rpc rpc, Status.Code code) {
        faults.failAlways(rpc, code);
    }

    /** The next call of the RPC is answered only after the delay. */
    public void delayNext(Rpc rpc, Duration delay) {
        faults.delayNext(rpc, delay);
    }

    /** Every upsert holding a vector with this metadata field is refused whole (INVALID_ARGUMENT), until {@link #clearFaults()}. */
    public void refuseMetadataField(String field) {
        faults.refuseMetadataField(field);
    }

    /** The next {@code times} control-plane requests get this HTTP status, with Pinecone's error body. */
    public void failControlPlaneNext(int httpStatus, int times) {
        faults.failControlPlaneNext(httpStatus, times);
    }

    /** Every control-plane response is held back by the delay, until {@link #clearFaults()}; requests are served concurrently. */
    public void delayControlPlane(Duration delay) {
        faults.delayControlPlane(delay);
    }

    /** Every control-plane request so far, as "METHOD /path status". */
    public List<String> controlPlaneLog() {
        return controlPlane.log();
    }

    /** Drops every pending fault and resets {@link #faultsServed()}. */
    public void clearFaults() {
        faults.clear();
    }

    /** Injected failures served so far, over both planes. */
    public int faultsServed() {
        return faults.served();
    }

    Faults faults() {
        return faults;
    }

    @Override
    public void close() {
        controlPlane.close();
        List<Server> running;
        synchronized (this) {
            running = new ArrayList<>(servers.values());
            servers.clear();
            indexes.clear();
        }
        running.forEach(FakePinecone::stop);
    }

    /** Stops the server at once, cancelling calls in flight, and waits a few seconds for its port to be free. */
    private static void stop(Server server) {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
