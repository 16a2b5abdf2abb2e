/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/** The check every offset form makes of its version key. */
final class OffsetVersions {

    static final String KEY = "v";

    private OffsetVersions() {}

    /** @throws ConnectException naming what to do when the offset was written by another vecsync version */
    static void require(Map<String, ?> offset, int expected, String what) {
        Object version = offset.get(KEY);
        if (!(version instanceof Number number) || number.intValue() != expected) {
            throw new ConnectException("a " + what + " source offset has version " + version + ", not " + expected
                    + "; it was written by another vecsync version. Run that version, or reset this connector's offsets"
                    + " (stop it, then DELETE /connectors/<name>/offsets) to sync every video again.");
        }
    }
}
