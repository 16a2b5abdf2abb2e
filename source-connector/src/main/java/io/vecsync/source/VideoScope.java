/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.platform.Video;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Which videos a connector syncs: optional id list, collection and creation-time filters. */
public record VideoScope(List<String> videoIds, String collectionId, Instant createdAfter) {

    public VideoScope {
        videoIds = List.copyOf(videoIds);
        collectionId = collectionId == null || collectionId.isBlank() ? null : collectionId.trim();
    }

    /** Every video. */
    public static VideoScope all() {
        return new VideoScope(List.of(), null, null);
    }

    public boolean hasCollection() {
        return collectionId != null;
    }

    /**
     * Whether the video is in scope.
     *
     * @param collectionMembers the collection's video ids; ignored when no collection is configured, and when null
     *                          (membership unknown: left to the next complete walk)
     */
    public boolean includes(Video video, Set<String> collectionMembers) {
        if (!videoIds.isEmpty() && !videoIds.contains(video.id())) {
            return false;
        }
        if (hasCollection() && collectionMembers != null && !collectionMembers.contains(video.id())) {
            return false;
        }
        return createdAfter == null
                || video.createdAt() == null
                || !video.createdAt().isBefore(createdAfter);
    }
}
