/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.List;

/** The segments of one version of a video together with the serialized embeddings response that serves them. */
record Rendition(List<Segment> segments, byte[] json) {}
