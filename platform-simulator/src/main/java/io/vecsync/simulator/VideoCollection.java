package io.vecsync.simulator;

import java.time.Instant;
import java.util.List;

/** A named group of videos; members may since have been deleted. */
record VideoCollection(String id, String name, Instant createdAt, List<String> videoIds) {
}
