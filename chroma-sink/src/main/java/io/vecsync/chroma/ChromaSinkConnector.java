/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.core.sink.VectorSinkConnector;

/** Keeps a Chroma collection in sync with the segment topic: upserts by segment id, and deletes on tombstones. */
public class ChromaSinkConnector extends VectorSinkConnector {

    public ChromaSinkConnector() {
        super(ChromaSinkConfig.CONFIG_DEF, ChromaSinkConfig::new, ChromaSinkTask.class);
    }
}
