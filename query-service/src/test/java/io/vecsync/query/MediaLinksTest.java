/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which platform URLs become the proxy's links, and which proxy paths lead back to the platform. */
class MediaLinksTest {

    private static final String HLS = "/media/hls/";
    private final MediaLinks links = new MediaLinks("https://api.example.com/base", List.of(HLS, "/media/thumbs/"));

    private String tokenAndPath(String url) {
        return links.proxyPath(URI.create(url)).orElseThrow().substring(MediaLinks.ROUTE.length());
    }

    @Test
    void aPlatformMediaUrlRoundTripsThroughItsLink() {
        String link = links.proxyPath(URI.create("https://api.example.com/media/hls/v1/playlist.m3u8?sig=1"))
                .orElseThrow();
        assertTrue(link.matches("/v1/media/[A-Za-z0-9_-]{22}/media/hls/v1/playlist\\.m3u8\\?sig=1"), link);
        String tokenAndPath = link.substring(MediaLinks.ROUTE.length(), link.indexOf('?'));
        assertEquals(
                Optional.of(URI.create("https://api.example.com/media/hls/v1/playlist.m3u8?sig=1")),
                links.platformUrl(tokenAndPath, "sig=1"));
    }

    @Test
    void aTokenOpensItsDirectoryOnly() {
        String token = tokenAndPath("https://api.example.com/media/hls/v1/playlist.m3u8")
                .split("/")[0];
        assertTrue(
                links.platformUrl(token + "/media/hls/v1/segment-3.ts", null).isPresent(), "a sibling of the playlist");
        assertTrue(
                links.platformUrl(token + "/media/hls/v2/playlist.m3u8", null).isEmpty(), "another video");
        assertTrue(
                links.platformUrl(token + "/media/hls/v1/720p/index.m3u8", null).isEmpty(),
                "a subdirectory has its own token");
        assertTrue(
                links.platformUrl("A" + token.substring(1) + "/media/hls/v1/playlist.m3u8", null)
                        .isEmpty(),
                "a forged token");
        assertTrue(links.platformUrl(token, null).isEmpty());
        assertTrue(
                new MediaLinks("https://api.example.com", List.of(HLS))
                        .platformUrl(token + "/media/hls/v1/playlist.m3u8", null)
                        .isEmpty(),
                "tokens end with the process that issued them");
    }

    @Test
    void nothingElseGetsALink() {
        for (String url : List.of(
                "https://cdn.example.com/media/hls/v1/a.ts",
                "http://api.example.com/media/hls/v1/a.ts",
                "https://api.example.com:8443/media/hls/v1/a.ts",
                "https://api.example.com/api/videos/list",
                "https://api.example.com/media/hls/../../api/videos/list",
                "https://api.example.com/media/hls/%2e%2e/x",
                "https://api.example.com/media/hls/a%2Fb",
                "https://api.example.com/media/hls//x",
                "https://api.example.com/media/hls/./x",
                "/media/hls/v1/a.ts")) {
            assertEquals(Optional.empty(), links.proxyPath(URI.create(url)), url);
        }
    }
}
