/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.search;

/** The payload keys an application reads from any store's hits: the segment record's field names, as every sink stores them. */
public final class SegmentFields {

    public static final String VIDEO_ID = "video_id";
    public static final String START = "start";
    public static final String END = "end";
    public static final String VIDEO_NAME = "video_name";
    public static final String HLS_PLAYLIST_URL = "hls_playlist_url";
    public static final String THUMBNAIL_URL = "thumbnail_url";

    private SegmentFields() {}
}
