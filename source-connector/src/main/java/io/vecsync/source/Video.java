package io.vecsync.source;

import java.time.Instant;

/**
 * A video as the listing or the details endpoint describes it.
 *
 * @param id         canonical lowercase UUID
 * @param searchDone whether the search-process pipeline is done (true when the item carries no status: the listing was filtered)
 * @param version    what changes when the platform re-processes the video; compared, never interpreted
 */
public record Video(String id, String name, boolean searchDone, Instant createdAt, String createdAtText,
                    String version, String hlsPlaylistUrl, String thumbnailUrl) {
}
