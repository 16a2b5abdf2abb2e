/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

/**
 * One embedded segment of a video, exactly as the embeddings endpoint serves it.
 *
 * @param start     "HH:MM:SS"
 * @param end       "HH:MM:SS"
 * @param option    embedding option, e.g. "visual"
 * @param scope     embedding scope, always "clip"
 * @param caption   the words the embedding was derived from (not served; a text query made of them finds this segment)
 * @param embedding unit vector; shared with the simulator, so do not modify it
 */
public record Segment(
        String videoId, String start, String end, String option, String scope, String caption, float[] embedding) {}
