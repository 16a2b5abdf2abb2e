package io.vecsync.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders videos the way the listing and details endpoints describe them, plus a field no client knows. */
final class VideoJson {

    private static final String STORAGE = "https://storage.simulator.invalid/videos/";
    private static final String SIGNATURE = "?X-Amz-Signature=simulated";

    private final String baseUrl;

    VideoJson(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String hlsPlaylistUrl(String baseUrl, String videoId) {
        return baseUrl + "/api/backend/v1/developer/videos/hls/" + videoId + "/playlist.m3u8";
    }

    ObjectNode item(Video video) {
        return JsonNodeFactory.instance.objectNode()
                .put("video_id", video.id())
                .put("name", video.name())
                .put("status", video.searchDone() ? "processed" : "analysed")
                .put("video_path", STORAGE + video.id() + "/source.mp4" + SIGNATURE)
                .put("thumbnail_path", STORAGE + video.id() + "/thumbnail.jpg" + SIGNATURE)
                .put("hls_playlist_path", hlsPlaylistUrl(baseUrl, video.id()))
                .put("transcoding_status", "completed")
                .put("hls_generation_status", "completed")
                .put("thumbnail_generation_status", "completed")
                .put("analyse_status", "done")
                .put("search_process_status", video.searchProcessStatus())
                .put("created_at", video.createdAt().toString())
                .put("updated_at", video.updatedAt().toString())
                // Unknown to every client: proves they ignore fields the platform adds.
                .put("owner_tier", "simulated");
    }

    ObjectNode details(Video video) {
        ObjectNode details = item(video);
        details.putObject("video_metadata")
                .put("duration_seconds", video.version().durationSeconds())
                .put("width", 1920)
                .put("height", 1080)
                .put("codec", "h264")
                .put("fps", 30);
        return details;
    }
}
