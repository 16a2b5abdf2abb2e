/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.embedded;

import java.util.List;

/**
 * A connector's status as its worker reports it (GET /connectors/{name}/status).
 *
 * @param state RUNNING, PAUSED, STOPPED, FAILED, UNASSIGNED or RESTARTING
 * @param trace the failure's stack trace when FAILED, else null
 */
public record ConnectorStatus(String name, String state, String trace, List<TaskStatus> tasks) {

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    /** One task's status; {@code trace} as the connector's. */
    public record TaskStatus(int id, String state, String trace) {}
}
