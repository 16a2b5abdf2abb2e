package io.vecsync.source;

import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.Video;

import java.util.Optional;
import java.util.Set;

/**
 * Asks the platform about a synced video that a complete full walk did not list: deleted, re-processing, out of
 * scope, or only hidden by a page shift. Uses only documented answers: the details endpoint's 404 and created_at,
 * and the search-process status endpoint.
 */
final class AbsenceCheck {

    enum Outcome { GONE, OUT_OF_SCOPE, REPROCESSING, PRESENT }

    private AbsenceCheck() {
    }

    /**
     * @param collectionMembers every member of the collection in scope, read by the same walk; ignored without one
     */
    static Outcome check(PlatformClient client, String videoId, VideoScope scope, Set<String> collectionMembers) {
        Optional<Video> details = client.videoDetails(videoId);
        if (details.isEmpty()) {
            return Outcome.GONE;
        }
        if (!scope.includes(details.get(), collectionMembers)) {
            return Outcome.OUT_OF_SCOPE;
        }
        Optional<Boolean> done = client.searchProcessDone(videoId);
        if (done.isEmpty()) {
            return Outcome.GONE;
        }
        return done.get() ? Outcome.PRESENT : Outcome.REPROCESSING;
    }
}
