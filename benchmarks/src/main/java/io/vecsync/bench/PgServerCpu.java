package io.vecsync.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * CPU seconds used by a PostgreSQL server on this machine, read from /proc: the postmaster, its live children, and the
 * children that have ended (closed sessions' backends, parallel index-build workers) through the postmaster's
 * cutime/cstime. NaN for a server elsewhere.
 */
final class PgServerCpu {

    /** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every common architecture. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

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
        return new PgServerCpu(stat(PROC.resolve(Long.toString(backend)))
                .filter(stat -> stat.command().equals("postgres"))
                .map(Stat::parent)
                .orElse(0L));
    }

    double seconds() {
        if (postmasterPid == 0) {
            return Double.NaN;
        }
        Stat postmaster = stat(PROC.resolve(Long.toString(postmasterPid)))
                .orElseThrow(() -> new IllegalStateException("the PostgreSQL server (pid " + postmasterPid + ") is gone"));
        long ticks = postmaster.ticks() + postmaster.endedChildrenTicks();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                ticks += stat(process).filter(stat -> stat.parent() == postmasterPid).map(Stat::ticks).orElse(0L);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + PROC, e);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The fields of /proc/PID/stat this class reads. */
    private record Stat(String command, long parent, long ticks, long endedChildrenTicks) {
    }

    /** Empty when the process has ended meanwhile. */
    private static Optional<Stat> stat(Path process) {
        String text;
        try {
            text = Files.readString(process.resolve("stat"));
        } catch (IOException gone) {
            return Optional.empty();
        }
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so fields are counted after the last ')'.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        String command = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
        return Optional.of(new Stat(command, Long.parseLong(fields[1]),
                Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
    }
}
