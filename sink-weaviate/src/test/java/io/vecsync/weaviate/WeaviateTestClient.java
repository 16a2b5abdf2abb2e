package io.vecsync.weaviate;

import io.vecsync.testing.StoredPoint;
import io.weaviate.client6.v1.api.Authentication;
import io.weaviate.client6.v1.api.WeaviateClient;
import io.weaviate.client6.v1.api.collections.CollectionHandle;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.query.QueryResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct access to a Weaviate — the fake or a real one — for tests: reads back what the sink wrote with the official
 * client, and sets collections up over REST as the platform docs' Python script leaves them.
 */
final class WeaviateTestClient implements AutoCloseable {

    private final String host;
    private final int httpPort;
    private final int grpcPort;
    private final String apiKey;
    private final WeaviateClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param apiKey null when Weaviate lets anyone in */
    WeaviateTestClient(String host, int httpPort, int grpcPort, String apiKey) {
        this.host = host;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.apiKey = apiKey;
        this.client = WeaviateClient.connectToCustom(c -> {
            c.scheme("http").httpHost(host).httpPort(httpPort).grpcHost(host).grpcPort(grpcPort);
            if (apiKey != null) {
                c.authentication(Authentication.apiKey(apiKey));
            }
            return c;
        });
    }

    WeaviateTestClient(String host, int httpPort, int grpcPort) {
        this(host, httpPort, grpcPort, null);
    }

    /** The sink's connection settings for this Weaviate. */
    Map<String, String> sinkProps() {
        Map<String, String> props = new HashMap<>();
        props.put(WeaviateSinkConfig.HOST, host);
        props.put(WeaviateSinkConfig.HTTP_PORT, Integer.toString(httpPort));
        props.put(WeaviateSinkConfig.GRPC_PORT, Integer.toString(grpcPort));
        props.put(WeaviateSinkConfig.TIMEOUT_MS, "5000");
        return props;
    }

    WeaviateClient client() {
        return client;
    }

    /** Every object of a collection (of one tenant, when given), as the behaviour suite compares points. */
    Map<String, StoredPoint> readAll(String collection, String tenant) {
        Map<String, StoredPoint> points = new HashMap<>();
        try {
            if (!client.collections.exists(collection)) {
                return points;
            }
        } catch (IOException e) {
            throw new IllegalStateException("looking up " + collection, e);
        }
        CollectionHandle<Map<String, Object>> handle = client.collections.use(collection);
        CollectionHandle<Map<String, Object>> shard = tenant == null ? handle : handle.withTenant(tenant);
        String after = null;
        while (true) {
            String cursor = after;
            QueryResponse<Map<String, Object>> page = shard.query.fetchObjects(query -> {
                query.limit(500).includeVector();
                return cursor == null ? query : query.after(cursor);
            });
            for (WeaviateObject<Map<String, Object>> object : page.objects()) {
                Map<String, String> payload = new LinkedHashMap<>();
                object.properties().forEach((name, value) -> payload.put(name, String.valueOf(value)));
                points.put(object.uuid(), new StoredPoint(object.vectors().getSingle(CollectionDefinition.DEFAULT_VECTOR), payload));
            }
            if (page.objects().size() < 500) {
                return points;
            }
            after = page.objects().get(page.objects().size() - 1).uuid();
        }
    }

    Map<String, StoredPoint> readAll(String collection) {
        return readAll(collection, null);
    }

    /** The collection as the platform docs' Python script creates it: no vectorizer, three text properties, a legacy vector. */
    void createDocsCollection(String collection) {
        rest("POST", "/v1/schema", "{\"class\":\"" + collection + "\",\"vectorizer\":\"none\",\"properties\":["
                + "{\"name\":\"video_id\",\"dataType\":[\"text\"]},{\"name\":\"start\",\"dataType\":[\"text\"]},"
                + "{\"name\":\"end\",\"dataType\":[\"text\"]}]}");
    }

    /** Creates a class from its JSON definition. */
    void createCollection(String definitionJson) {
        rest("POST", "/v1/schema", definitionJson);
    }

    /** Adds one object with a legacy vector over REST, as a user's script might. */
    void insert(String collection, String id, float[] vector, String videoId) {
        StringBuilder values = new StringBuilder();
        for (float value : vector) {
            values.append(values.length() == 0 ? "" : ",").append(value);
        }
        rest("POST", "/v1/objects", "{\"class\":\"" + collection + "\",\"id\":\"" + id + "\",\"vector\":[" + values
                + "],\"properties\":{\"video_id\":\"" + videoId + "\",\"start\":\"00:00:00\",\"end\":\"00:00:10\"}}");
    }

    void drop(String collection) {
        try {
            client.collections.delete(collection);
        } catch (IOException e) {
            throw new IllegalStateException("dropping " + collection, e);
        }
    }

    private void rest(String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + httpPort + path))
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    List<String> tenants(String collection) {
        return client.collections.use(collection).tenants.list().stream().map(t -> t.name()).sorted().toList();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the test client", e);
        }
    }
}
