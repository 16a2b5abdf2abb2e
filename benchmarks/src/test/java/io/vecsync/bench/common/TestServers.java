/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.Provisioned;
import java.nio.file.Path;
import java.util.Optional;

/** What the benchmarks' tests pass for the servers and the Python their scripts provision: what the test suites start or find. */
public final class TestServers {

    private TestServers() {}

    /** $VECSYNC_PG_URL, else a pgvector container or a scratch cluster, as every PostgreSQL suite has it. */
    public static String pgUrl() {
        return PostgresServer.jdbcUrl();
    }

    /** The docs' Python bin/test provisions ($VECSYNC_DOCS_PYTHON, or bin/docs-loops-provision's cache); empty where none is. */
    public static Optional<Path> docsPython() {
        return Optional.ofNullable(Provisioned.executable("VECSYNC_DOCS_PYTHON", "docs-loops-1/bin/python"));
    }
}
