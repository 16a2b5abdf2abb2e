package io.vecsync.source;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the full listing of done videos and keeps those in scope and in the task's shards. Pages can shift while it
 * walks (videos added or deleted); a video missed that way is found by the next walk, and absence from one walk is
 * never taken as deletion without asking the details endpoint.
 */
final class VideoCatalog {

    private final PlatformClient client;
    private final VideoScope scope;
    private final Set<Integer> shards;
    private final int pageSize;
    private Set<String> collectionMembers = Set.of();

    VideoCatalog(PlatformClient client, VideoScope scope, Collection<Integer> shards, int pageSize) {
        this.client = client;
        this.scope = scope;
        this.shards = Set.copyOf(shards);
        this.pageSize = pageSize;
    }

    boolean owns(String videoId) {
        return shards.contains(Shards.of(videoId));
    }

    /** Whether a video is in scope, judged against the collection as the last walk saw it. */
    boolean inScope(Video video) {
        return scope.includes(video, collectionMembers);
    }

    /**
     * Every done, in-scope video of the task's shards, by id.
     *
     * @throws org.apache.kafka.connect.errors.RetriableException when the platform stays unavailable
     */
    Map<String, Video> walk() {
        if (scope.hasCollection()) {
            collectionMembers = client.collectionVideoIds(scope.collectionId(), pageSize);
        }
        Map<String, Video> found = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int skip = 0; ; skip += pageSize) {
            List<Video> page = client.listDoneVideos(skip, pageSize, scope);
            boolean newVideos = false;
            for (Video video : page) {
                newVideos |= seen.add(video.id());
                if (video.searchDone() && owns(video.id()) && inScope(video)) {
                    found.put(video.id(), video);
                }
            }
            // A full page of videos seen before means the server ignores skip: stop rather than loop forever.
            if (page.size() < pageSize || !newVideos) {
                return found;
            }
        }
    }
}
