package io.vecsync.bench.stores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The collections of a Chroma server's default database, through its API v2 as Chroma's own clients call it: what the
 * benchmark counts and drops. (Chroma has no Java client, and the sink keeps its HTTP calls to itself.)
 */
final class ChromaCollections {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = "/api/v2/tenants/default_tenant/databases/default_database/collections";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI url;

    ChromaCollections(URI url) {
        this.url = url;
    }

    /** Chroma's own count of the collection's records; 0 while it does not exist. */
    int count(String name) {
        JsonNode collection = call("GET", DATABASE + "/" + name);
        return collection == null ? 0 : call("GET", DATABASE + "/" + collection.get("id").asText() + "/count").asInt();
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        call("GET", DATABASE).forEach(collection -> names.add(collection.get("name").asText()));
        return names;
    }

    void drop(String name) {
        call("DELETE", DATABASE + "/" + name);
    }

    /** The answer's JSON; null for a 404; fails on any other error. */
    private JsonNode call(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(url.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }
}
