/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

/** One segment of a video's embeddings response. */
public record SegmentEmbedding(String start, String end, String option, String scope, float[] embedding) {}
