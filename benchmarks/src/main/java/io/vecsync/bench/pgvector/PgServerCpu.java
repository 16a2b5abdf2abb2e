/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.ProcStat;
import io.vecsync.bench.common.ServerProcessCpu;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/** Finds the PostgreSQL server's postmaster on this machine, whose CPU the benchmarks count apart. */
final class PgServerCpu {

    private PgServerCpu() {}

    /** Through the connection's backend, a child of the postmaster; NaN readings for a server elsewhere. */
    static ServerProcessCpu of(Connection connection) throws SQLException {
        long backend;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            backend = result.getLong(1);
        }
        // A remote server's backend pid may name an unrelated local process: only a postgres one counts.
        return ServerProcessCpu.of(ProcStat.of(backend)
                .filter(stat -> stat.command().equals("postgres"))
                .map(stat -> OptionalLong.of(stat.parent()))
                .orElse(OptionalLong.empty()));
    }
}
