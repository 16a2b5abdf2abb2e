/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.Video;
import java.util.Optional;
import java.util.Set;

/**
 * What the platform says of a synced video that a complete full walk did not list, or whose embeddings answered 404:
 * deleted, re-processing, out of scope, or present after all. Uses only documented answers: the details endpoint's 404 and fields, and the
 * search-process status endpoint. Asked on a fetch thread; judged on the task thread, which owns the scope's state.
 *
 * @param details empty when the details endpoint answered 404
 * @param done    empty when the status endpoint answered 404
 */
record AbsenceCheck(Optional<Video> details, Optional<Boolean> done) {

    enum Outcome {
        GONE,
        OUT_OF_SCOPE,
        REPROCESSING,
        PRESENT
    }

    static AbsenceCheck ask(PlatformClient client, String videoId) {
        Optional<Video> details = client.videoDetails(videoId);
        return new AbsenceCheck(details, details.isEmpty() ? Optional.empty() : client.searchProcessDone(videoId));
    }

    /**
     * @param collectionMembers every member of the collection in scope, read by the same walk; ignored without one,
     *                          and null when no complete walk was read: membership is then not judged
     */
    Outcome outcome(VideoScope scope, Set<String> collectionMembers) {
        if (details.isEmpty() || done.isEmpty()) {
            return Outcome.GONE;
        }
        if (!scope.includes(details.get(), collectionMembers)) {
            return Outcome.OUT_OF_SCOPE;
        }
        return done.get() ? Outcome.PRESENT : Outcome.REPROCESSING;
    }
}
