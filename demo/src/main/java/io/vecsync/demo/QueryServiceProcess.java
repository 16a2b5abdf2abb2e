package io.vecsync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** The query service as users run it — {@code java -jar} with a config file — in a child process of the demo. */
final class QueryServiceProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private QueryServiceProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts the service jar and waits until its health check answers. */
    static QueryServiceProcess start(Path jar, Map<String, String> settings, Path workDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.setProperty("http.host", "127.0.0.1");
        properties.setProperty("http.port", Integer.toString(port));
        Path config = workDir.resolve("query-service.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "written by the vecsync demo");
        }
        Process process = new ProcessBuilder("java", "-jar", jar.toString(), config.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("query-service.log").toFile()).start();
        QueryServiceProcess service = new QueryServiceProcess(process, URI.create("http://127.0.0.1:" + port));
        service.awaitHealthy(workDir.resolve("query-service.log"));
        return service;
    }

    URI base() {
        return base;
    }

    /** The hits of a text query. */
    JsonNode search(String query, int topK) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", query, "top_k", topK));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/v1/search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("search answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("hits");
    }

    private void awaitHealthy(Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the query service exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the query service did not start within 60 s; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
