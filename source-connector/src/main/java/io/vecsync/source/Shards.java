/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Videos are spread over a fixed number of shards by their id; a task owns whole shards, and each shard's sync state
 * is one Connect source partition. A fixed count keeps state in place when tasks.max changes.
 */
public final class Shards {

    /** Also the highest useful tasks.max. */
    public static final int COUNT = 64;

    private Shards() {}

    /** The shard a video belongs to. */
    public static int of(UUID videoId) {
        return Math.floorMod(videoId.hashCode(), COUNT);
    }

    /** Shards dealt round-robin over {@code min(maxTasks, COUNT)} tasks. */
    public static List<List<Integer>> assign(int maxTasks) {
        int tasks = Math.max(1, Math.min(maxTasks, COUNT));
        List<List<Integer>> assignment = new ArrayList<>();
        for (int task = 0; task < tasks; task++) {
            assignment.add(new ArrayList<>());
        }
        for (int shard = 0; shard < COUNT; shard++) {
            assignment.get(shard % tasks).add(shard);
        }
        return assignment;
    }
}
