/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * One page request of the video listing; null fields are left to the platform's defaults.
 *
 * @param status    uploaded, analysed, search_processed or processed
 * @param skip      videos to skip, at least 0
 * @param limit     videos on the page, 1 to {@value #MAX_LIMIT}
 * @param sortBy    e.g. created_at
 * @param sortOrder asc or desc
 */
public record VideoQuery(
        String status, Instant startTime, Instant endTime, int skip, int limit, String sortBy, String sortOrder) {

    /** The largest page the platform serves. */
    public static final int MAX_LIMIT = 500;

    public VideoQuery {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must be at least 0, got " + skip);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Videos whose search-process pipeline is done, created at or after {@code startTime} (null: any), oldest first. */
    public static VideoQuery doneVideos(Instant startTime, int skip, int limit) {
        return new VideoQuery("search_processed", startTime, null, skip, limit, "created_at", "asc");
    }

    /** The query string, with its leading '?'. */
    String queryString() {
        StringJoiner query = new StringJoiner("&", "?", "");
        add(query, "status", status);
        add(query, "start_time", startTime);
        add(query, "end_time", endTime);
        add(query, "skip", skip);
        add(query, "limit", limit);
        add(query, "sort_by", sortBy);
        add(query, "sort_order", sortOrder);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
