/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.util.UUID;

/**
 * One generated segment, as every variant writes it.
 *
 * @param id        the documented uuid5 of video id, start and end
 * @param start     "HH:MM:SS"
 * @param embedding a unit vector of {@link SegmentRows#DIMENSION} values
 */
public record SegmentRow(
        UUID id, UUID videoId, String start, String end, double startSeconds, double endSeconds, float[] embedding) {}
