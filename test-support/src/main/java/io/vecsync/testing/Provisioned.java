/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where the test command's provisioning scripts put the servers they build or install, and free loopback ports for them. */
public final class Provisioned {

    private Provisioned() {}

    /**
     * The executable an environment variable names (bin/test exports it from a provisioning script), or else where that
     * script caches it under {@code ${VECSYNC_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/vecsync}}; null when neither is there.
     */
    public static Path executable(String environmentVariable, String underCache) {
        String named = System.getenv(environmentVariable);
        if (named != null && !named.isBlank()) {
            return Files.isExecutable(Path.of(named)) ? Path.of(named) : null;
        }
        String cacheHome = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        Path cache = Path.of(System.getenv()
                .getOrDefault("VECSYNC_CACHE_DIR", Path.of(cacheHome, "vecsync").toString()));
        Path built = cache.resolve(underCache);
        return Files.isExecutable(built) ? built : null;
    }

    /** A loopback port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whether a GET of the URI is answered 200 within two seconds: the server there is up and ready. */
    public static boolean answers(URI uri) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
            return HttpClient.newHttpClient()
                            .send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
