package io.vecsync.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the store sink benchmark's results: points/s of each store's sink against its official client's loop. */
final class StoreSinkReport {

    private final StoreSinkOptions options;
    private final PrintStream out;

    StoreSinkReport(StoreSinkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void print(List<StoreSinkResult> results, PgRun pgvector, String pgServer) {
        out.printf(Locale.ROOT, "%nvecsync store sink benchmark — %,d segments (1024-d float32 unit vectors, uuid5 ids), %d cores%n",
                options.segments(), Runtime.getRuntime().availableProcessors());
        out.println("Every store is its protocol-level fake from test-support, in this JVM, serving its real wire protocol to the"
                + " unmodified official client; no real server. One run of each, all measured in this run.");
        out.printf(Locale.ROOT, "(a) the store's sink through a real Connect worker: a %d-partition topic filled before the connector"
                + " is created, tasks.max=1, batch.size=%d, max.poll.records=%2$d, JSON values with base64 float32_le vectors;"
                + " from creating the connector until the fake held every point (counted every 100 ms).%n", PgVectorBenchmark.PARTITIONS,
                SinkVariant.POLL_RECORDS);
        out.printf(Locale.ROOT, "(b) the store's official client, one upsert request per point in a loop as the platform docs'"
                + " snippets write, into a target it created first, after an unmeasured loop of %,d into another. (b) WRITES ONLY"
                + " THE FIRST %,d OF THE %,d SEGMENTS (--direct-segments): a request per point is slow.%n",
                Math.min(options.segments(), StoreSinkBenchmark.DIRECT_WARM_UP_POINTS), options.directSegments(), options.segments());
        printThroughput(results);
        printCosts(results);
        printPgvector(results, pgvector, pgServer);
    }

    private void printThroughput(List<StoreSinkResult> results) {
        out.printf(Locale.ROOT, "%n%-10s %10s %7s %11s   %10s %7s %11s   %8s%n", "store", "(a) points", "(a) s", "(a) pts/s",
                "(b) points", "(b) s", "(b) pts/s", "(a)/(b)");
        for (StoreSinkResult result : results) {
            StoreSinkRun sink = result.sink();
            StoreSinkRun direct = result.direct();
            out.printf(Locale.ROOT, "%-10s %,10d %7.1f %,11.0f   %,10d %7.1f %,11.0f   %7.1fx%n", result.store(), sink.points(),
                    sink.cost().seconds(), sink.pointsPerSecond(), direct.points(), direct.cost().seconds(), direct.pointsPerSecond(),
                    result.ratio());
        }
        out.println("Against fakes, which keep points in memory and index nothing, this is the client side's cost: batching,"
                + " serialisation and requests for (a), plus Kafka, the worker and the JsonConverter; per-request overhead for (b)."
                + " Weaviate's (b) also pays its fake's check of each single-object insert against a copy of the collection's"
                + " objects, which grows with the collection.");
    }

    private void printCosts(List<StoreSinkResult> results) {
        out.printf(Locale.ROOT, "%nwhere the time went (measured)%n");
        out.printf(Locale.ROOT, "%-10s %9s %9s %8s %10s %12s %12s %10s %10s%n", "store", "1st pt s", "after/s", "write s",
                "pts/write", "JVM us/pt a", "JVM us/pt b", "others a", "others b");
        for (StoreSinkResult result : results) {
            StoreSinkRun sink = result.sink();
            SinkStats stats = sink.sink().orElseThrow();
            double steady = stats.steadyRowsPerSecond(sink.points(), stats.loadSeconds());
            out.printf(Locale.ROOT, "%-10s %9.1f %9s %8.1f %,10.0f %12.0f %12.0f %10.2f %10.2f%n", result.store(), stats.firstRowSeconds(),
                    Double.isNaN(steady) ? "-" : String.format(Locale.ROOT, "%,.0f", steady), stats.writeSeconds(),
                    (double) sink.points() / Math.max(1, stats.writes()), sink.jvmMicrosPerPoint(), result.direct().jvmMicrosPerPoint(),
                    sink.cost().othersCores(), result.direct().cost().othersCores());
        }
        out.println("1st pt s: seconds until the fake held a point (task start, target creation, group join, first fetch). after/s:"
                + " points/s after the first count (-: all came within one count). write s: time the task spent in the store's writes"
                + " (client + fake), of (a)'s wall time. pts/write: mean points per bulk write. JVM us/pt: this process's CPU per"
                + " point: the client, the fake and, for (a), the broker and the worker. others: cores other processes on this"
                + " machine kept busy meanwhile; above ~0.2 the row's figures are depressed by contention.");
        List<String> contended = results.stream()
                .filter(result -> result.sink().cost().othersCores() > 0.2 || result.direct().cost().othersCores() > 0.2)
                .map(StoreSinkResult::store).toList();
        if (!contended.isEmpty()) {
            out.println("CONTENDED: other processes took more than 0.2 cores during " + String.join(", ", contended)
                    + ". Run again on a quiet machine before trusting those rows.");
        }
    }

    private void printPgvector(List<StoreSinkResult> results, PgRun pgvector, String pgServer) {
        out.printf(Locale.ROOT, "%npgvector on the same topic and settings as (a), measured in this run: %s, %s on this machine (a real"
                        + " server, not a fake): %,d rows in %.1f s = %,.0f rows/s (others %.2f cores)%n", pgvector.label(), pgServer,
                pgvector.rows(), pgvector.cost().seconds(), pgvector.rowsPerSecond(), pgvector.cost().othersCores());
        out.print("(a) points/s / pgvector rows/s:");
        results.forEach(result -> out.printf(Locale.ROOT, " %s %.2fx;", result.store(), result.sink().pointsPerSecond() / pgvector.rowsPerSecond()));
        out.println();
        if (pgvector.cost().othersCores() > 0.2) {
            out.println("CONTENDED: other processes took more than 0.2 cores during the pgvector run. Run again on a quiet machine"
                    + " before trusting it.");
        }
    }
}
