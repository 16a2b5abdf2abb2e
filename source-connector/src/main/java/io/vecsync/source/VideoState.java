package io.vecsync.source;

import java.util.List;

/**
 * What the source last emitted for one video: the version it fetched, the id scheme it used and the segments it
 * emitted, so it can retract exactly those later.
 *
 * @param stale the platform was seen re-processing the video: fetch it again once it is done, whatever its version says
 */
public record VideoState(String version, SegmentIdScheme scheme, boolean stale, List<SegmentKey> segments) {

    public VideoState {
        segments = List.copyOf(segments);
    }

    /** The ids of the segments emitted for this video. */
    public List<String> segmentIds(String videoId) {
        return scheme.ids(videoId, segments);
    }

    public VideoState markedStale() {
        return new VideoState(version, scheme, true, segments);
    }
}
