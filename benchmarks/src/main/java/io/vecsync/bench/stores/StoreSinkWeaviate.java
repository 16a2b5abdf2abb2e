/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.ServerProcessCpu;
import io.vecsync.weaviate.WeaviateSinkConfig;
import io.vecsync.weaviate.WeaviateSinkConnector;
import io.weaviate.client6.v1.api.WeaviateClient;
import io.weaviate.client6.v1.api.collections.CollectionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A real Weaviate server on this machine, with the platform docs' Python loop: {@code batch.dynamic()} a video. */
final class StoreSinkWeaviate implements StoreSinkTarget {

    /** Every collection this benchmark makes is named so, and dropped at the end. */
    private static final String PREFIX = "Bench";

    /**
     * Where the server answers.
     *
     * @param http     its REST root, e.g. http://127.0.0.1:8080
     * @param grpcPort its gRPC port, on the same host
     */
    record Address(URI http, int grpcPort) {

        String host() {
            return http.getHost();
        }
    }

    private final Address address;
    private final WeaviateClient client;
    private final Cost.Server server;
    private final Path python;

    /** @param python the docs' Python, for (b) */
    StoreSinkWeaviate(Address address, Path python) {
        this.address = address;
        this.client = WeaviateClient.connectToCustom(custom -> custom.scheme("http")
                .httpHost(address.host())
                .httpPort(address.http().getPort())
                .grpcHost(address.host())
                .grpcPort(address.grpcPort()));
        this.server = ServerProcessCpu.listeningOn(address.http().getPort());
        this.python = python;
    }

    @Override
    public String name() {
        return "Weaviate";
    }

    @Override
    public String served() {
        try {
            return "a real Weaviate " + client.meta().version() + " server on this machine (bin/weaviate-provision)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean realServer() {
        return true;
    }

    @Override
    public Cost.Server server() {
        return server;
    }

    @Override
    public Map<String, String> sinkConfig(String run) {
        return Map.of(
                "connector.class",
                WeaviateSinkConnector.class.getName(),
                WeaviateSinkConfig.HOST,
                address.host(),
                WeaviateSinkConfig.HTTP_PORT,
                Integer.toString(address.http().getPort()),
                WeaviateSinkConfig.GRPC_PORT,
                Integer.toString(address.grpcPort()),
                WeaviateSinkConfig.COLLECTION,
                collection(run));
    }

    /** Weaviate's own count (an aggregation), 0 until the sink has created the collection. */
    @Override
    public int pointCount(String run) {
        String name = collection(run);
        try {
            return client.collections.exists(name)
                    ? Math.toIntExact(client.collections.use(name).size())
                    : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public StoreSinkBaseline baseline() {
        return new StoreSinkDocsLoop(
                python,
                server,
                "weaviate",
                List.of(
                        "--weaviate-port",
                        Integer.toString(address.http().getPort()),
                        "--weaviate-grpc-port",
                        Integer.toString(address.grpcPort()),
                        "--name",
                        collection("docs-loop")),
                "the docs' Python loop (weaviate-client, connect_to_local): a batch.dynamic() a video, the server's default HNSW");
    }

    /** A Weaviate class name: "sink-warm-up" becomes "BenchSinkWarmUp". */
    private static String collection(String run) {
        return PREFIX
                + Arrays.stream(run.split("-"))
                        .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                        .collect(Collectors.joining());
    }

    /** Drops the sink's collections (the docs' loop drops its own), so that the next store's runs share the machine with none of their indexes. */
    @Override
    public void close() {
        try (WeaviateClient closing = client) {
            for (CollectionConfig collection : closing.collections.list()) {
                if (collection.collectionName().startsWith(PREFIX)) {
                    closing.collections.delete(collection.collectionName());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("dropping the benchmark's Weaviate collections", e);
        }
    }
}
