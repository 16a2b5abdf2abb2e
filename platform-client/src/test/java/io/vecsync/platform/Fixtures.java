/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Settings, bodies and a counting listener for the client's tests. */
final class Fixtures {

    static final String KEY = "sk-test-secret-4711";
    static final String KEY_CONFIG = "platform.api.key";
    static final String VIDEO = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    static final String EMBEDDINGS = PlatformClient.EMBEDDINGS_PATH + VIDEO;
    static final String READY = "{\"id\":\"" + VIDEO + "\",\"status\":\"ready\",\"data\":[{\"embedding\":[0.5,1,-2],"
            + "\"embedding_option\":\"visual\",\"embedding_scope\":\"clip\",\"start\":\"00:00:00\",\"end\":\"00:00:10\"}]}";
    static final String LISTING = "{\"data\":[{\"video_id\":\"" + VIDEO + "\",\"name\":\"Clip\"}],\"total\":1}";
    static final String TEXT = "{\"status\":\"ready\",\"data\":[{\"embedding\":[1,0,0]}]}";

    private Fixtures() {}

    static PlatformSettings settings(String baseUrl, int retryMax, Duration requestTimeout, int maxBodyBytes) {
        return new PlatformSettings(
                baseUrl, KEY, KEY_CONFIG, Duration.ofSeconds(2), requestTimeout, retryMax, 10, 40, maxBodyBytes);
    }

    static PlatformSettings settings(String baseUrl) {
        return settings(baseUrl, 3, Duration.ofSeconds(5), 1 << 20);
    }

    /** Counts what the client reports. */
    static final class Counts implements PlatformListener {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger rateLimited = new AtomicInteger();
        final AtomicInteger embeddings = new AtomicInteger();

        @Override
        public void request(String route) {
            requests.incrementAndGet();
        }

        @Override
        public void retried() {
            retries.incrementAndGet();
        }

        @Override
        public void rateLimited() {
            rateLimited.incrementAndGet();
        }

        @Override
        public void embeddingsCalled() {
            embeddings.incrementAndGet();
        }
    }
}
