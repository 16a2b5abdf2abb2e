/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Playlists rewritten so that the player fetches what they name through the proxy, and only the platform's media. */
class PlaylistRewriterTest {

    private static final String PLATFORM = "https://api.example.com";
    private final MediaLinks links = new MediaLinks(PLATFORM, List.of("/hls/"));
    private final PlaylistRewriter rewriter =
            new PlaylistRewriter(links, URI.create(PLATFORM + "/hls/v1/playlist.m3u8"));

    private String link(String path) {
        return links.proxyPath(URI.create(PLATFORM + path)).orElseThrow();
    }

    @Test
    void segmentsVariantsKeysAndInitSectionsGoThroughTheProxy() {
        assertEquals(link("/hls/v1/segment-0.ts"), rewriter.line("segment-0.ts"));
        assertEquals(link("/hls/v1/720p/index.m3u8"), rewriter.line("720p/index.m3u8"));
        assertEquals(link("/hls/v2/a.ts"), rewriter.line(PLATFORM + "/hls/v2/a.ts"));
        assertEquals(link("/hls/v1/a.ts?sig=x"), rewriter.line("/hls/v1/a.ts?sig=x"));
        assertEquals(
                "#EXT-X-KEY:METHOD=AES-128,URI=\"" + link("/hls/v1/key.bin") + "\",IV=0x1",
                rewriter.line("#EXT-X-KEY:METHOD=AES-128,URI=\"key.bin\",IV=0x1"));
        assertEquals(
                "#EXT-X-MAP:URI=\"" + link("/hls/v1/init.mp4") + "\"", rewriter.line("#EXT-X-MAP:URI=\"init.mp4\""));
    }

    @Test
    void everythingElseStaysAsItWasOrBecomesAbsolute() {
        assertEquals("#EXTINF:10.000,", rewriter.line("#EXTINF:10.000,"));
        assertEquals("", rewriter.line(""));
        assertEquals("https://cdn.example.com/a.ts?sig=1", rewriter.line("https://cdn.example.com/a.ts?sig=1"));
        String outside = rewriter.line("../../api/videos/list");
        assertEquals(PLATFORM + "/api/videos/list", outside, "fetched by the player itself, without the key");
        assertTrue(rewriter.line("#EXT-X-MEDIA:TYPE=AUDIO,URI=\"https://cdn.example.com/audio.m3u8\"")
                .contains("\"https://cdn.example.com/audio.m3u8\""));
    }
}
