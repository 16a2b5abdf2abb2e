/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach the platform.
 *
 * @param baseUrl           e.g. https://api.your-host.com; trailing slashes are dropped
 * @param apiKeyConfigName  the caller's name for the key's setting, which error messages name instead of the key
 * @param retryMax          retries after the first attempt of a request; 0 means one attempt only
 * @param retryBackoffMs    the cap of the first backoff
 * @param retryBackoffMaxMs the cap of any backoff
 * @param maxBodyBytes      the largest response body read; a larger one is a {@link MalformedResponseException}
 */
public record PlatformSettings(
        String baseUrl,
        String apiKey,
        String apiKeyConfigName,
        Duration connectTimeout,
        Duration requestTimeout,
        int retryMax,
        long retryBackoffMs,
        long retryBackoffMaxMs,
        int maxBodyBytes) {

    public PlatformSettings {
        baseUrl = baseUrl == null ? null : baseUrl.trim().replaceAll("/+$", "");
        URI uri = baseUrl == null ? null : URI.create(baseUrl);
        if (uri == null
                || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("the base URL must be an http or https URL with a host, got " + baseUrl);
        }
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException(apiKeyConfigName + " is empty");
        }
        if (!isPositive(connectTimeout) || !isPositive(requestTimeout)) {
            throw new IllegalArgumentException("the timeouts must be positive");
        }
        if (retryMax < 0 || retryBackoffMs < 0 || retryBackoffMaxMs < retryBackoffMs) {
            throw new IllegalArgumentException(
                    "retries and backoffs must be non-negative and the first backoff at most the largest");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    /** Everything but the key, which is a secret. */
    @Override
    public String toString() {
        return "PlatformSettings[baseUrl=" + baseUrl + ", apiKey=(" + apiKeyConfigName + "), connectTimeout="
                + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retryMax=" + retryMax + ", retryBackoffMs=" + retryBackoffMs
                + ", retryBackoffMaxMs=" + retryBackoffMaxMs + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
