/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.util.List;

/** One page of a collection's videos, with the platform's page metadata ({@code total} counts every page). */
public record CollectionPage(List<String> videoIds, int page, int pageSize, long total) {

    public CollectionPage {
        videoIds = List.copyOf(videoIds);
    }
}
