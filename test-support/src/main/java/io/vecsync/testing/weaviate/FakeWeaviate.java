package io.vecsync.testing.weaviate;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Weaviate server for tests that speaks Weaviate's real protocols, so the official client talks to it unmodified:
 * its REST API (schema, tenants, objects, health, meta) and its gRPC service (batch insert and delete, search,
 * tenants), each on a free loopback port. It keeps Weaviate's semantics where a sink depends on them — class
 * definitions with defaults and errors, upsert by object id, per-object batch errors (a property of the wrong type, a
 * vector whose length differs from the shard's), delete by filter, distances by the collection's metric, tenants,
 * auto-schema, the bearer API key — and answers with failures on request.
 */
public final class FakeWeaviate implements AutoCloseable {

    private final FakeWeaviateData data = new FakeWeaviateData();
    private final FakeFaults faults = new FakeFaults();
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

    /** The version {@code /v1/meta} reports. */
    public String version() {
        return FakeWeaviateRest.VERSION;
    }

    // ---- state, for tests

    /** The class definition as {@code GET /v1/schema/{class}} returns it. */
    public Optional<JsonNode> collection(String name) {
        return data.definition(name).map(JsonNode.class::cast);
    }

    /** Every object of a collection without multi-tenancy, by id; empty when the collection does not exist. */
    public Map<String, StoredObject> objects(String collection) {
        return objects(collection, "");
    }

    /** Every object of one tenant of a collection, by id. */
    public Map<String, StoredObject> objects(String collection, String tenant) {
        return data.objects(collection).getOrDefault(tenant, Map.of());
    }

    /** The tenants of a multi-tenant collection. */
    public Set<String> tenants(String collection) {
        return data.tenants(collection).keySet();
    }

    /** Creates a class from its JSON definition, as {@code POST /v1/schema} does. */
    public void createCollection(JsonNode definition) {
        data.createCollection(definition);
    }

    /** Drops every collection, and forgets injected failures and call counts. */
    public void reset() {
        data.deleteAll();
        faults.clear();
        data.autoSchema(true);
    }

    /** Whether inserts may add missing properties and classes (Weaviate's AUTOSCHEMA_ENABLED, on by default). */
    public void autoSchema(boolean enabled) {
        data.autoSchema(enabled);
    }

    // ---- failures and counts

    /** Sets the collection's shards READONLY (as Weaviate does on disk pressure) or back to READY. */
    public void readOnly(String collection, boolean readOnly) {
        data.readOnly(collection, readOnly);
    }

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

    /** Refuses every batch insert holding an object with this property, whole, as Weaviate refuses an invalid request. */
    public void refuseBatchesWith(String property) {
        faults.refuseBatchesWith(property);
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
