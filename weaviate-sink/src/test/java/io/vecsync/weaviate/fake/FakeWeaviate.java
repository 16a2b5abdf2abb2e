/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A Weaviate server for tests that speaks Weaviate's real protocols, so the official client talks to it unmodified:
 * its REST API (schema, shards, tenants, objects, health, meta) and its gRPC service (batch insert and delete, search,
 * tenants), each on a free loopback port. It keeps Weaviate's semantics where a sink depends on them, with Weaviate
 * 1.35's messages — class definitions with defaults and errors, upsert by object id, per-object batch errors (a value
 * its property's type refuses, a vector whose length differs from the shard's, a read-only shard, a tenant), the gRPC
 * message size it announces, delete by filter, distances by the collection's metric, tokenized text filters, null for
 * the properties an object lacks, tenants, auto-schema, the bearer API key. The sink's suites run against a real
 * server too, so any difference fails a test; this fake is for what a real server cannot be made to do on demand:
 * transient failures, delays, a small message size, an API key.
 */
public final class FakeWeaviate implements AutoCloseable {

    private final FakeWeaviateData data = new FakeWeaviateData();
    private final Faults faults = new Faults();
    private final FakeWeaviateRest rest;
    private final FakeWeaviateGrpc grpc;

    /** Weaviate's default GRPC_MAX_MESSAGE_SIZE. */
    private static final int DEFAULT_GRPC_MAX_MESSAGE_SIZE = 104_858_000;

    private FakeWeaviate(String apiKey, int grpcMaxMessageSize) {
        rest = new FakeWeaviateRest(data, faults, apiKey, grpcMaxMessageSize);
        grpc = new FakeWeaviateGrpc(data, faults, apiKey, grpcMaxMessageSize);
    }

    /** A server that lets anyone in. */
    public static FakeWeaviate start() {
        return new FakeWeaviate(null, DEFAULT_GRPC_MAX_MESSAGE_SIZE);
    }

    /** A server that wants {@code Authorization: Bearer <apiKey>} on every request but the health checks. */
    public static FakeWeaviate startWithApiKey(String apiKey) {
        return new FakeWeaviate(apiKey, DEFAULT_GRPC_MAX_MESSAGE_SIZE);
    }

    /** A server that takes gRPC messages of at most this many bytes and announces it, as GRPC_MAX_MESSAGE_SIZE does. */
    public static FakeWeaviate startWithGrpcMaxMessageSize(int bytes) {
        return new FakeWeaviate(null, bytes);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int httpPort() {
        return rest.port();
    }

    public int grpcPort() {
        return grpc.port();
    }

    // ---- state, for tests

    /** The class definition as {@code GET /v1/schema/{class}} returns it. */
    public Optional<JsonNode> collection(String name) {
        return data.definition(name).map(JsonNode.class::cast);
    }

    /** Every object of a collection without multi-tenancy, by id; empty when the collection does not exist. */
    public Map<String, StoredObject> objects(String collection) {
        return data.objects(collection).getOrDefault("", Map.of());
    }

    /** Drops every collection, and forgets injected failures and call counts. */
    public void reset() {
        data.deleteAll();
        faults.clear();
    }

    // ---- failures and counts

    /** Answers the next {@code times} REST requests of this method under the path (after {@code /v1}) with the status. */
    public void failRest(String method, String pathPrefix, int times, int status) {
        faults.failRest(method, pathPrefix, times, status);
    }

    /** Answers the next {@code times} calls of a gRPC method (e.g. {@code BatchObjects}) with the status code. */
    public void failGrpc(String method, int times, Status.Code code) {
        faults.failGrpc(method, times, code);
    }

    /** Answers the next {@code times} calls of a gRPC method only after the delay, as a slow server. */
    public void delayGrpc(String method, int times, Duration delay) {
        faults.delayGrpc(method, times, delay);
    }

    /** Calls of a gRPC method (e.g. {@code Search}), or REST requests as {@code "GET /schema/VideoSegment"}, served or failed. */
    public int calls(String key) {
        return faults.calls(key);
    }

    @Override
    public void close() {
        grpc.close();
        rest.close();
    }
}
