/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.search;

import java.util.Map;

/**
 * One nearest segment.
 *
 * @param score   cosine similarity in [-1, 1], higher is closer, the same on every store
 * @param payload what the sink stored with the point: {@link SegmentFields video_id, start, end} and the segment's
 *                other fields
 */
public record SearchHit(String segmentId, double score, Map<String, Object> payload) {}
