/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

/** What identifies a segment within a video: its boundaries as the platform wrote them, and its embedding option. */
public record SegmentKey(String start, String end, String option) {}
