package io.vecsync.simulator;

import java.time.Instant;

/**
 * A video's state at one moment; the catalog replaces it on every change.
 *
 * @param doneWord what search_process_status says once done: the platform's vocabularies vary per video
 */
record Video(String id, String name, Instant createdAt, Instant updatedAt, String doneWord, boolean searchDone,
             Version version) {

    Video withSearchProcess(boolean done, Version newVersion, Instant at) {
        return new Video(id, name, createdAt, at, doneWord, done, newVersion);
    }

    String searchProcessStatus() {
        return searchDone ? doneWord : "in_progress";
    }
}
