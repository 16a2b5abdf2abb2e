/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

/** The envelopes the video listing may come in; clients must accept all of them. */
public enum ListShape {
    /** A top-level JSON array of items. */
    BARE_ARRAY,
    /** {@code {"data": [...], "total": N, "skip": S, "limit": L}}. */
    WRAPPED_DATA,
    /** Like {@link #WRAPPED_DATA} with the items under {@code "videos"}. */
    WRAPPED_VIDEOS
}
