/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.platform.PlatformAuthException;
import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformListener;
import io.vecsync.platform.PlatformSettings;
import io.vecsync.platform.VideoQuery;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Route;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The source's platform client against the simulator answering a redirect to another host: the key stays home. */
class PlatformRedirectTest {

    @Test
    void aRedirectToAnotherHostNeverCarriesTheApiKey() {
        try (PlatformSimulator platform =
                        PlatformSimulator.builder().videos(3).build().start();
                PlatformSimulator elsewhere = PlatformSimulator.builder()
                        .videos(3)
                        .apiKey("sk-elsewhere")
                        .build()
                        .start()) {
            platform.redirect(Route.VIDEOS_LIST, elsewhere.baseUrl());
            PlatformClient client = new PlatformClient(
                    new PlatformSettings(
                            platform.baseUrl(),
                            platform.apiKey(),
                            PlatformSourceConfig.API_KEY,
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(2),
                            0,
                            10,
                            10,
                            1 << 20),
                    PlatformListener.NONE);

            PlatformAuthException refused = assertThrows(
                    PlatformAuthException.class, () -> client.listVideos(VideoQuery.doneVideos(null, 0, 10)));
            assertEquals(1, elsewhere.requests(Route.VIDEOS_LIST), "the redirect was followed");
            assertEquals(0, elsewhere.requestsWithApiKeyHeader(Route.ANY), "without the key");
            assertTrue(refused.getMessage().contains(PlatformSourceConfig.API_KEY), refused.getMessage());
            assertFalse(refused.getMessage().contains(platform.apiKey()), "the key itself is never in a message");
        }
    }
}
