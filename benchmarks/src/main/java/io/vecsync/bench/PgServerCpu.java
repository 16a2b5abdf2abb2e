package io.vecsync.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * CPU seconds used by a PostgreSQL server on this machine, read from /proc: the postmaster, its live children, and the
 * children that have ended (closed sessions' backends, parallel index-build workers) through the postmaster's
 * cutime/cstime. NaN for a server elsewhere.
 */
final class PgServerCpu {

    /** 0 when the server is not a process of this machine. */
    private final long postmasterPid;

    private PgServerCpu(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** Finds the server through the connection's backend, a child of the postmaster. */
    static PgServerCpu of(Connection connection) throws SQLException {
        long backend;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            backend = result.getLong(1);
        }
        // A remote server's backend pid may name an unrelated local process: only a postgres one counts.
        return new PgServerCpu(ProcStat.of(backend)
                .filter(stat -> stat.command().equals("postgres"))
                .map(ProcStat::parent)
                .orElse(0L));
    }

    double seconds() {
        if (postmasterPid == 0) {
            return Double.NaN;
        }
        ProcStat postmaster = ProcStat.of(postmasterPid)
                .orElseThrow(() -> new IllegalStateException("the PostgreSQL server (pid " + postmasterPid + ") is gone"));
        long ticks = postmaster.ticks() + postmaster.endedChildrenTicks();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(ProcStat.PROC, "[0-9]*")) {
            for (Path process : processes) {
                ticks += ProcStat.of(process).filter(stat -> stat.parent() == postmasterPid).map(ProcStat::ticks).orElse(0L);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + ProcStat.PROC, e);
        }
        return ticks / ProcStat.TICKS_PER_SECOND;
    }
}
