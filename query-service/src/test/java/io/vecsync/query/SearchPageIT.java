/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.core.SegmentIds;
import io.vecsync.lucene.LuceneSinkConfig;
import io.vecsync.lucene.LuceneSinkConnector;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Route;
import io.vecsync.simulator.Segment;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The search page in headless Chromium over the demo's store (Lucene) and the simulator's videos, used as a person
 * would: it opens with the index's size and example queries, groups hits by video, and a clicked hit plays in place
 * from its start, through the service's media proxy, with the browser's own HLS and with hls.js.
 */
@Tag("slow")
class SearchPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER_QUERY = "man wearing striped shirt";
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
    private static PlatformSimulator simulator;
    private static QueryService service;

    @BeforeAll
    static void indexAndStart() throws Exception {
        simulator = PlatformSimulator.builder().seed(41).videos(8).build().start();
        Path index = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "search-page-index")
                .toAbsolutePath();
        Map<String, String> lucene = Map.of(LuceneSinkConfig.DIRECTORY, index.toString());
        SimulatorSegments.write(new LuceneSinkConnector(), lucene, SimulatorSegments.records(simulator));
        Map<String, String> props = new HashMap<>(lucene);
        props.put(QueryServiceConfig.STORE, "lucene");
        props.put(QueryServiceConfig.PLATFORM_BASE_URL, simulator.baseUrl());
        props.put(QueryServiceConfig.PLATFORM_API_KEY, simulator.apiKey());
        props.put(QueryServiceConfig.HTTP_HOST, "127.0.0.1");
        props.put(QueryServiceConfig.HTTP_PORT, "0");
        props.put(QueryServiceConfig.HTTP_RATE_LIMIT, "0");
        service = QueryService.start(props);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        simulator.close();
    }

    private static String page(String query) {
        return "http://127.0.0.1:" + service.port() + "/"
                + (query == null ? "" : "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    /** The ids of the segments whose captions hold every word of the query. */
    private static Set<String> captionedWith(String... words) {
        return simulator.liveSegments().stream()
                .filter(segment -> List.of(segment.caption().split(" ")).containsAll(List.of(words)))
                .map(SearchPageIT::idOf)
                .collect(Collectors.toSet());
    }

    private static String idOf(Segment segment) {
        return SegmentIds.documented(segment.videoId(), segment.start(), segment.end())
                .toString();
    }

    @Test
    void thePlaceholderQueryFindsTheSegmentsCaptionedWithItsWordsFirst() throws Exception {
        Set<String> matching = captionedWith("man", "wearing", "striped", "shirt");
        assertFalse(matching.isEmpty(), "the simulator films a man wearing a striped shirt");
        HttpResponse<String> response = ServiceClient.post(
                service, JSON.writeValueAsString(Map.of("query", PLACEHOLDER_QUERY, "top_k", 100)), Map.of());
        assertEquals(200, response.statusCode(), response.body());
        List<String> ranked = new ArrayList<>();
        JSON.readTree(response.body()).get("hits").forEach(hit -> {
            ranked.add(hit.get("segment_id").asText());
            // Paths, which the page resolves against its own origin: https behind a TLS proxy, never mixed content.
            assertTrue(
                    hit.get("playable_url").asText().startsWith("/v1/media/")
                            && hit.get("thumbnail_url").asText().startsWith("/v1/media/"),
                    hit.toString());
        });
        assertEquals(
                matching,
                Set.copyOf(ranked.subList(0, matching.size())),
                "every matching segment ranks above every other");
    }

    @Test
    void thePageOpensWithTheIndexSizeAndExamplesAndGroupsHitsByVideo() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(page(null));
            chromium.await(
                    "document.getElementById('size').textContent",
                    text -> !text.asText().isEmpty(),
                    PAGE_TIMEOUT,
                    "the index size shown");
            assertEquals(
                    "Searching " + simulator.liveSegments().size() + " video segments",
                    chromium.evaluate("document.getElementById('size').textContent")
                            .asText());
            JsonNode examples =
                    chromium.evaluate("[...document.querySelectorAll('#examples button')].map(b => b.textContent)");
            assertEquals(PLACEHOLDER_QUERY, examples.get(0).asText(), examples.toString());
            chromium.screenshot(Path.of("target/search-page-open.png"));

            chromium.evaluate("document.querySelector('#examples button').click()");
            chromium.await(
                    "document.getElementById('status').textContent",
                    text -> text.asText().matches("10 hits in \\d+ videos?"),
                    PAGE_TIMEOUT,
                    "the example's hits shown");
            chromium.await(
                    "[...document.images].every(image => image.complete)",
                    JsonNode::asBoolean,
                    PAGE_TIMEOUT,
                    "thumbnails loaded");
            JsonNode cards = chromium.evaluate(
                    "[...document.querySelectorAll('article.video')].map(card => ({video: card.dataset.videoId,"
                            + " marks: card.querySelectorAll('.mark').length, thumbnail: card.querySelector('img') && card.querySelector('img').naturalWidth}))");
            Set<String> videos = new HashSet<>();
            int marks = 0;
            for (JsonNode card : cards) {
                assertTrue(videos.add(card.get("video").asText()), "one card a video: " + cards);
                assertTrue(card.get("thumbnail").asInt() > 0, "its thumbnail loaded through the proxy: " + cards);
                marks += card.get("marks").asInt();
            }
            assertEquals(10, marks, "every hit is a mark on its video's timeline: " + cards);
            Set<String> matchingVideos = simulator.liveSegments().stream()
                    .filter(segment ->
                            captionedWith("man", "wearing", "striped", "shirt").contains(idOf(segment)))
                    .map(Segment::videoId)
                    .collect(Collectors.toSet());
            assertTrue(
                    matchingVideos.contains(cards.get(0).get("video").asText()),
                    "the video of the man in a striped shirt comes first");
        }
    }

    @Test
    void aClickedHitPlaysInPlaceFromItsStartWithTheBrowsersOwnHls() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            assertPlaysFromTheHitsStart(chromium, "00:00:20", false);
        }
    }

    /** The browser's own HLS hidden, as in Firefox: the page plays with hls.js, and the screenshot shows it playing. */
    @Test
    void aClickedHitPlaysInPlaceFromItsStartWithHlsJs() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.beforeEachPage(
                    "const canPlay = HTMLMediaElement.prototype.canPlayType;"
                            + " HTMLMediaElement.prototype.canPlayType = function (type) { return /mpegurl/i.test(type) ? '' : canPlay.call(this, type); };");
            assertPlaysFromTheHitsStart(chromium, "00:00:40", true);
            chromium.screenshot(Path.of("target/search-page.png"));
        }
    }

    /** Searches the caption of the first segment starting at {@code start}, clicks its hit, and checks the video plays from there on. */
    private static void assertPlaysFromTheHitsStart(HeadlessChromium chromium, String startTime, boolean hlsJs)
            throws Exception {
        Segment target = simulator.liveSegments().stream()
                .filter(segment -> segment.start().equals(startTime))
                .findFirst()
                .orElseThrow();
        int start = seconds(target.start());
        int keyRequests = simulator.requestsWithApiKeyHeader(Route.HLS);
        chromium.open(page(target.caption()));
        chromium.await(
                "document.querySelectorAll('.segment').length", count -> count.asInt() > 0, PAGE_TIMEOUT, "hits shown");
        JsonNode first = chromium.evaluate(
                "(() => { const card = document.querySelector('article.video');"
                        + " return {video: card.dataset.videoId, time: card.querySelector('.segment .time').textContent}; })()");
        assertEquals(target.videoId(), first.get("video").asText());
        assertEquals(target.start() + " – " + target.end(), first.get("time").asText(), "the best hit comes first");

        chromium.evaluate("document.querySelector('article.video .segment').click()");
        String video = "document.querySelector('article.video video')";
        JsonNode playing = chromium.await(
                "(() => { const v = " + video
                        + "; return v && {t: v.currentTime, paused: v.paused, ready: v.readyState}; })()",
                state -> state.isObject()
                        && !state.get("paused").asBoolean()
                        && state.get("ready").asInt() >= 3
                        && state.get("t").asDouble() > start,
                PAGE_TIMEOUT,
                "the video playing past the hit's start");
        double landed = playing.get("t").asDouble();
        assertTrue(landed - start < 1.0, "playback starts within a second of " + start + " s, not at " + landed + " s");
        Thread.sleep(1_500);
        JsonNode later = chromium.evaluate(
                "(() => { const v = " + video + "; return {t: v.currentTime, paused: v.paused}; })()");
        assertFalse(later.get("paused").asBoolean(), later.toString());
        assertTrue(later.get("t").asDouble() > landed + 0.5, "the time advances: " + landed + " then " + later);

        assertEquals(
                hlsJs,
                chromium.evaluate(video + ".currentSrc.startsWith('blob:')").asBoolean(),
                "played by " + (hlsJs ? "hls.js" : "the browser"));
        assertTrue(
                chromium.evaluate("document.querySelector('article.video .mark.active') !== null")
                        .asBoolean(),
                "the hit is marked");
        // Every request the page made went to the service, and none carried the platform's key; the proxy's did.
        String origin = "http://127.0.0.1:" + service.port() + "/";
        JsonNode requested = chromium.evaluate("performance.getEntriesByType('resource').map(entry => entry.name)");
        requested.forEach(url -> assertTrue(
                url.asText().startsWith(origin) && !url.asText().contains(simulator.apiKey()), url.asText()));
        assertFalse(
                chromium.evaluate("document.documentElement.outerHTML").asText().contains(simulator.apiKey()));
        assertTrue(
                simulator.requestsWithApiKeyHeader(Route.HLS) > keyRequests,
                "the proxy fetched the video with the key");
    }

    private static int seconds(String timecode) {
        String[] parts = timecode.split(":");
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Integer.parseInt(parts[2]);
    }
}
