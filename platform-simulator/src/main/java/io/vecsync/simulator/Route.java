/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

/** The simulator's endpoint groups, as named by fault injection and request accounting; ANY matches every request. */
public enum Route {
    VIDEOS_LIST(false),
    VIDEO_DETAILS(false),
    SEARCH_PROCESS_STATUS(false),
    ANALYSE_STATUS(false),
    VIDEO_EMBEDDINGS(true),
    TEXT_EMBEDDINGS(true),
    COLLECTIONS(false),
    /** A video's HLS playlist and segments. */
    HLS(false),
    THUMBNAIL(false),
    ANY(false);

    private final boolean metered;

    Route(boolean metered) {
        this.metered = metered;
    }

    /** Whether calls to this route cost a credit. */
    boolean metered() {
        return metered;
    }
}
