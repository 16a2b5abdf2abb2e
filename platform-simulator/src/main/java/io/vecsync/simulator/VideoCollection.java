/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.time.Instant;
import java.util.List;

/** A named group of videos; members may since have been deleted. */
record VideoCollection(String id, String name, Instant createdAt, List<String> videoIds) {}
