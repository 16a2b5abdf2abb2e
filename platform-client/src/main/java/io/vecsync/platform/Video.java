/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.time.Instant;

/**
 * A video as the listing, the details or a collection page describe it.
 *
 * @param id            canonical lowercase UUID
 * @param createdAt     null when absent or unreadable; {@code createdAtText} keeps what the platform sent
 */
public record Video(
        String id, String name, Instant createdAt, String createdAtText, String hlsPlaylistUrl, String thumbnailUrl) {}
