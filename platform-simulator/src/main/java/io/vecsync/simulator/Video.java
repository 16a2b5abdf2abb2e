/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.time.Instant;

/**
 * A video's state at one moment; the catalog replaces it on every change.
 *
 * @param position its place in creation order, which never changes
 * @param doneWord what search_process_status says once done: the platform's vocabularies vary per video
 */
record Video(
        String id,
        int position,
        String name,
        Instant createdAt,
        Instant updatedAt,
        String doneWord,
        boolean searchDone,
        Version version) {

    Video withSearchProcess(boolean done, Version newVersion, Instant at) {
        return new Video(id, position, name, createdAt, at, doneWord, done, newVersion);
    }

    String searchProcessStatus() {
        return searchDone ? doneWord : "in_progress";
    }
}
