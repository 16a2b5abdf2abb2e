/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HLS rendition and thumbnail every video has, behind the API key: a playlist as long as the video, MPEG-TS
 * segments of one frame a second whose stream continues from segment to segment, and a PNG. (That browsers play them
 * is the query service's page test.)
 */
class VideoMediaTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int VIDEO_PID = 0x100;
    private final PlatformSimulator simulator =
            PlatformSimulator.builder().videos(2).build().start();
    private final ApiClient api = new ApiClient(simulator);
    private final String videoId = simulator.videoIds().get(1);

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<byte[]> get(String url, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String segmentUrl(String file) {
        String playlist = simulator.hlsPlaylistUrl(videoId);
        return playlist.substring(0, playlist.lastIndexOf('/') + 1) + file;
    }

    @Test
    void thePlaylistListsOneSegmentPerSegmentBoundaryAndLastsAsLongAsTheVideo() throws Exception {
        HttpResponse<byte[]> response = get(simulator.hlsPlaylistUrl(videoId), simulator.apiKey());
        assertEquals(200, response.statusCode());
        assertEquals(
                "application/vnd.apple.mpegurl",
                response.headers().firstValue("Content-Type").orElseThrow());
        List<String> lines = new String(response.body(), UTF_8).lines().toList();
        List<Segment> segments = simulator.segments(videoId);
        double total = lines.stream()
                .filter(line -> line.startsWith("#EXTINF:"))
                .mapToDouble(line -> Double.parseDouble(line.substring(8, line.length() - 1)))
                .sum();
        assertEquals(seconds(segments.get(segments.size() - 1).end()), total, 1e-9);
        assertEquals(
                segments.size(),
                lines.stream().filter(line -> line.endsWith(".ts")).count());
        assertEquals("#EXT-X-ENDLIST", lines.get(lines.size() - 1));
    }

    @Test
    void segmentsAreTransportStreamsOfAFrameASecondThatContinueOneAnother() throws Exception {
        List<Segment> segments = simulator.segments(videoId);
        int continuity = -1;
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> response = get(segmentUrl("v1-" + i + ".ts"), simulator.apiKey());
            assertEquals(200, response.statusCode());
            assertEquals(
                    "video/mp2t", response.headers().firstValue("Content-Type").orElseThrow());
            byte[] stream = response.body();
            assertEquals(0, stream.length % 188);
            assertEquals(0, pid(stream, 0), "a PAT first");
            List<Long> presentationTimes = new ArrayList<>();
            for (int at = 0; at < stream.length; at += 188) {
                assertEquals(0x47, stream[at] & 0xFF, "sync byte of packet " + at / 188);
                if (pid(stream, at) != VIDEO_PID) {
                    continue;
                }
                int counter = stream[at + 3] & 0x0F;
                assertTrue(
                        continuity < 0 || counter == (continuity + 1) % 16,
                        "continuity counter at packet " + at / 188 + " of segment " + i);
                continuity = counter;
                if ((stream[at + 1] & 0x40) != 0) {
                    int payload = at + 4 + ((stream[at + 3] & 0x20) != 0 ? 1 + (stream[at + 4] & 0xFF) : 0);
                    presentationTimes.add(pts(stream, payload + 9));
                }
            }
            int start = seconds(segments.get(i).start());
            assertEquals(seconds(segments.get(i).end()) - start, presentationTimes.size(), "one frame a second");
            assertEquals((1 + start) * 90_000L, presentationTimes.get(0), "frames are stamped with the video's time");
        }
        assertEquals(404, get(segmentUrl("v2-0.ts"), simulator.apiKey()).statusCode(), "another version's segment");
        assertEquals(
                404,
                get(segmentUrl("v1-" + segments.size() + ".ts"), simulator.apiKey())
                        .statusCode());
    }

    @Test
    void theThumbnailIsAPngOfTheFirstFrame() throws Exception {
        String url = api.json(ApiClient.DETAILS + videoId).get("thumbnail_path").asText();
        assertEquals(simulator.thumbnailUrl(videoId), url);
        HttpResponse<byte[]> response = get(url, simulator.apiKey());
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertEquals(256, image.getWidth());
        assertEquals(144, image.getHeight());
        assertArrayEquals(response.body(), get(url, simulator.apiKey()).body(), "the same image every time");
    }

    @Test
    void mediaNeedsTheApiKeyAsEveryEndpointDoes() throws Exception {
        for (String url :
                List.of(simulator.hlsPlaylistUrl(videoId), segmentUrl("v1-0.ts"), simulator.thumbnailUrl(videoId))) {
            assertEquals(401, get(url, null).statusCode(), url);
            assertEquals(401, get(url, "wrong").statusCode(), url);
        }
        assertEquals(2, simulator.requestsWithApiKeyHeader(Route.HLS));
        assertEquals(404, get(segmentUrl("../../list"), simulator.apiKey()).statusCode());
    }

    private static int pid(byte[] stream, int packet) {
        return (stream[packet + 1] & 0x1F) << 8 | (stream[packet + 2] & 0xFF);
    }

    /** The PTS in the five bytes at {@code at}, between its marker bits. */
    private static long pts(byte[] stream, int at) {
        return (long) (stream[at] & 0x0E) << 29
                | (stream[at + 1] & 0xFF) << 22
                | (stream[at + 2] & 0xFE) << 14
                | (stream[at + 3] & 0xFF) << 7
                | (stream[at + 4] & 0xFF) >> 1;
    }

    private static int seconds(String timecode) {
        String[] parts = timecode.split(":");
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Integer.parseInt(parts[2]);
    }
}
