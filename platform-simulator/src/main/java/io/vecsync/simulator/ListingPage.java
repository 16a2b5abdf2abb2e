/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.List;

/** One page of the video listing and how many videos the whole listing holds. */
record ListingPage(List<Video> videos, int total) {}
