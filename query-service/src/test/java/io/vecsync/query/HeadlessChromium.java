/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the DevTools protocol, as a person uses a page: it loads it, clicks what
 * they would click (as a user gesture, so media may play), reads what the page shows and takes screenshots.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private WebSocket socket;

    private HeadlessChromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /** Starts Chromium with one blank tab, 1100x900. */
    static HeadlessChromium start() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "needs Chromium at " + CHROMIUM + " (bin/test installs Debian's package)");
        Path profile = Files.createTempDirectory("vecsync-chromium");
        Process process = new ProcessBuilder(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--disable-quic",
                        "--mute-audio",
                        "--user-data-dir=" + profile,
                        "--window-size=1100,900",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            int port = debuggingPort(process);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                    .timeout(CALL_TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            String page = Stream.of(JSON.treeToValue(targets, JsonNode[].class))
                    .filter(target -> target.path("type").asText().equals("page"))
                    .findFirst()
                    .orElseThrow()
                    .path("webSocketDebuggerUrl")
                    .asText();
            HeadlessChromium chromium = new HeadlessChromium(process, profile);
            chromium.socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(page), new Listener(chromium::received))
                    .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            chromium.call("Page.enable", Map.of());
            return chromium;
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Chromium prints "DevTools listening on ws://127.0.0.1:PORT/..." once it is ready. */
    private static int debuggingPort(Process process) throws IOException {
        BufferedReader errors =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = errors.readLine(); line != null; line = errors.readLine()) {
            if (line.startsWith("DevTools listening on ")) {
                // Drained from now on, so that Chromium never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        errors.transferTo(Writer.nullWriter());
                    } catch (IOException ended) {
                        // Chromium exited.
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create(line.substring("DevTools listening on ".length())
                                .strip())
                        .getPort();
            }
        }
        throw new IOException("chromium exited before it listened");
    }

    /** Runs the script in every page this tab loads from now on, before the page's own scripts. */
    void beforeEachPage(String script) throws Exception {
        call("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Loads the page and waits until it has loaded. */
    void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        await(
                "document.readyState === 'complete' && location.href",
                href -> href.asText().equals(url),
                CALL_TIMEOUT,
                "the page " + url + " loaded");
    }

    /** The expression's value in the page, promises awaited, evaluated as if a user had acted (so media may play). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call(
                "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true, "userGesture", true));
        if (result.has("exceptionDetails")) {
            fail("the page's script failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** The expression's first value that passes the test, polled every 100 ms; the test fails past the timeout. */
    JsonNode await(String expression, Predicate<JsonNode> test, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode value = evaluate(expression);
        while (!test.test(value)) {
            if (System.nanoTime() > deadline) {
                fail(what + " within " + timeout.toSeconds() + " s; last " + expression + " = " + value);
            }
            Thread.sleep(100);
            value = evaluate(expression);
        }
        return value;
    }

    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(
                file,
                Base64.getDecoder()
                        .decode(call("Page.captureScreenshot", Map.of("format", "png"))
                                .path("data")
                                .asText()));
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        calls.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            fail(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    private void received(String message) {
        try {
            JsonNode reply = JSON.readTree(message);
            CompletableFuture<JsonNode> call =
                    reply.has("id") ? calls.remove(reply.get("id").asInt()) : null;
            if (call != null) {
                call.complete(reply);
            }
        } catch (IOException e) {
            calls.values().forEach(call -> call.completeExceptionally(e));
        }
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroyForcibly();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
    }

    /** Collects each text message's frames and hands the whole message on. */
    private static final class Listener implements WebSocket.Listener {

        private final Consumer<String> messages;
        private final StringBuilder partial = new StringBuilder();

        Listener(Consumer<String> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.accept(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
