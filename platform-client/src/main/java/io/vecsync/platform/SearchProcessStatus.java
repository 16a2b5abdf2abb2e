/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.util.Locale;
import java.util.Set;

/** Reads the platform's pipeline status vocabularies: "done", "DONE", "success" and "completed" all mean done. */
final class SearchProcessStatus {

    private static final Set<String> DONE = Set.of("done", "success", "completed", "succeeded");

    private SearchProcessStatus() {}

    /** Whether a status string means the pipeline finished successfully; case and surrounding blanks are ignored. */
    static boolean isDone(String status) {
        return status != null && DONE.contains(status.trim().toLowerCase(Locale.ROOT));
    }
}
