/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Renders videos the way the listing and details endpoints describe them, with or without fields no client knows. */
final class VideoJson {

    /** Roughly what one item with every field takes, to size a page's buffer once. */
    static final int ITEM_BYTES = 800;
    /** Where the platform serves videos' HLS playlists and thumbnails, behind the API key like every endpoint. */
    static final String HLS_PATH = "/api/backend/v1/developer/videos/hls/";

    static final String THUMBNAIL_PATH = "/api/backend/v1/developer/videos/thumbnails/";
    private static final String STORAGE = "https://storage.simulator.invalid/videos/";
    private static final String SIGNATURE = "?X-Amz-Signature=simulated";

    private final String baseUrl;

    VideoJson(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String hlsPlaylistUrl(String baseUrl, String videoId) {
        return baseUrl + HLS_PATH + videoId + "/" + VideoMedia.PLAYLIST_FILE;
    }

    static String thumbnailUrl(String baseUrl, String videoId) {
        return baseUrl + THUMBNAIL_PATH + videoId + "/" + VideoMedia.THUMBNAIL_FILE;
    }

    /**
     * Writes the video's listing item.
     *
     * @param extraFields whether to add the fields the Video model does not document
     */
    void item(JsonGenerator json, Video video, boolean extraFields) throws IOException {
        json.writeStartObject();
        fields(json, video, extraFields);
        json.writeEndObject();
    }

    /** The details response: the listing item and video_metadata. */
    byte[] details(Video video, boolean extraFields) {
        return Json.write(ITEM_BYTES, json -> {
            json.writeStartObject();
            fields(json, video, extraFields);
            json.writeObjectFieldStart("video_metadata");
            json.writeNumberField("duration_seconds", video.version().durationSeconds());
            json.writeNumberField("width", 1920);
            json.writeNumberField("height", 1080);
            json.writeStringField("codec", "h264");
            json.writeNumberField("fps", 30);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private void fields(JsonGenerator json, Video video, boolean extraFields) throws IOException {
        json.writeStringField("video_id", video.id());
        json.writeStringField("name", video.name());
        json.writeStringField("status", video.searchDone() ? "processed" : "analysed");
        json.writeStringField("video_path", STORAGE + video.id() + "/source.mp4" + SIGNATURE);
        json.writeStringField("thumbnail_path", thumbnailUrl(baseUrl, video.id()));
        json.writeStringField("hls_playlist_path", hlsPlaylistUrl(baseUrl, video.id()));
        json.writeStringField("transcoding_status", "completed");
        json.writeStringField("hls_generation_status", "completed");
        json.writeStringField("thumbnail_generation_status", "completed");
        json.writeStringField("created_at", video.createdAt().toString());
        if (extraFields) {
            json.writeStringField("analyse_status", "done");
            json.writeStringField("search_process_status", video.searchProcessStatus());
            json.writeStringField("updated_at", video.updatedAt().toString());
            // Unknown to every client: proves they ignore fields the platform adds.
            json.writeStringField("owner_tier", "simulated");
        }
    }
}
