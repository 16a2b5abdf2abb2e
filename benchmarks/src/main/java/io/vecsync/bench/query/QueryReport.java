/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import io.vecsync.bench.common.Cost;
import io.vecsync.pgvector.PgVectorTableLayout;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Prints the query benchmark's results as they come: service latencies against the targets, recall, and the floors. */
final class QueryReport {

    private static final double TARGET_P50_MS = 5;
    private static final double TARGET_P99_MS = 20;
    private static final double TARGET_RECALL = 0.95;
    /** Quoted from /work/shared/reference/perf-floors.md (direct SQL, ef_search 40, N=100k, this machine), not measured here. */
    private static final double[] FLOOR_P50_MS = {4.5, 5.1};

    private static final double[] FLOOR_P99_MS = {8.7, 12.6};
    private static final String LABEL = "%-34s";

    private final int segments;
    private final String server;
    private final QueryTableLoad.Result load;
    private final PrintStream out;

    QueryReport(int segments, String server, QueryTableLoad.Result load, PrintStream out) {
        this.segments = segments;
        this.server = server;
        this.load = load;
        this.out = out;
    }

    void printLatencies(List<QueryRun> raw, List<QueryRun> text) {
        out.printf(
                Locale.ROOT,
                "%nvecsync query benchmark — %,d simulator segments (1024-d, clustered around their captions' text"
                        + " embeddings), %d cores, %s%n",
                segments,
                Runtime.getRuntime().availableProcessors(),
                server);
        out.printf(
                Locale.ROOT,
                "load: the pgvector sink task alone, put() of 1,000 records, pgvector.index=none: %,d rows in %.1f s ="
                        + " %,.0f rows/s. Then the HNSW index, built once (m=16, ef_construction=64, CREATE INDEX CONCURRENTLY, 2"
                        + " parallel workers): %.1f s. Table with TOAST %,d MB, index %,d MB.%n",
                load.rows(),
                load.loadSeconds(),
                load.rows() / load.loadSeconds(),
                load.buildSeconds(),
                load.tableBytes() >> 20,
                load.indexBytes() >> 20);
        out.printf(
                Locale.ROOT,
                "service: in this JVM, store=pgvector, POST /v1/search with top_k=%d; each caller thread keeps"
                        + " one HTTP/1.1 keep-alive connection and writes a request in one piece, as wrk does (the JDK's HttpClient added"
                        + " ~0.8 ms a request of its own here). Latency: from sending a request to its whole answer.%n",
                QueryClient.TOP_K);
        out.printf(
                Locale.ROOT,
                "%n" + LABEL + " %7s %5s %8s %8s %8s %8s %9s %7s  %s%n",
                "service run (measured)",
                "queries",
                "conc",
                "p50 ms",
                "p99 ms",
                "max ms",
                "q/s",
                "platform",
                "others",
                "target p50 <= 5 ms, p99 <= 20 ms");
        raw.forEach(run -> printRun(run, verdict(run.latencies())));
        text.forEach(run -> printRun(run, ""));
        out.println(
                "(i) vectors: the simulator's text embeddings of random segments' captions, computed and serialised before the"
                        + " run. (ii) text: distinct captions, so the service has the platform (the simulator) embed each; the repeated"
                        + " run sends one caption every time, so all but the first come from the service's embedding cache (and every"
                        + " search walks the same, hot, index pages: a lower bound). platform:"
                        + " text embeddings the platform answered during the run. q/s: requests / the run's wall time. others: cores"
                        + " other processes on this machine kept busy meanwhile; above ~0.2 the row's figures are depressed by contention.");
        warnIfContended(
                Stream.concat(raw.stream(), text.stream()).map(QueryRun::cost).toList(), "service runs");
        raw.stream().filter(run -> run.concurrency() > 1).forEach(this::printConcurrencyBound);
    }

    /**
     * With every core busy, callers queue: the mean latency of C concurrent callers cannot be below C times the CPU a
     * query costs (service, client and PostgreSQL), divided by the cores.
     */
    private void printConcurrencyBound(QueryRun run) {
        int cores = Runtime.getRuntime().availableProcessors();
        double cpuMsPerQuery = (run.cost().jvm().process() + run.cost().server())
                * 1000
                / run.latencies().count();
        out.printf(
                Locale.ROOT,
                "concurrency %d: a query cost %.2f ms of CPU (this JVM with the caller, and PostgreSQL); with %d"
                        + " callers on %d cores the mean latency cannot be below %d x %.2f / %d = %.1f ms (measured: a mean of %.1f ms at %.0f q/s)%n",
                run.concurrency(),
                cpuMsPerQuery,
                run.concurrency(),
                cores,
                run.concurrency(),
                cpuMsPerQuery,
                cores,
                run.concurrency() * cpuMsPerQuery / cores,
                run.concurrency()
                        * run.latencies().wallSeconds()
                        * 1000
                        / run.latencies().count(),
                run.latencies().count() / run.latencies().wallSeconds());
    }

    private void warnIfContended(List<Cost> costs, String what) {
        if (costs.stream().anyMatch(cost -> cost.othersCores() > 0.2)) {
            out.println("CONTENDED: other processes took more than 0.2 cores during some " + what
                    + ". Run again on a quiet" + " machine before trusting those rows.");
        }
    }

    private void printRun(QueryRun run, String verdict) {
        QueryLatencies latencies = run.latencies();
        out.printf(
                Locale.ROOT,
                LABEL + " %,7d %5d %8.2f %8.2f %8.2f %,8.0f %9d %7.2f  %s%n",
                run.label(),
                latencies.count(),
                run.concurrency(),
                latencies.p50(),
                latencies.p99(),
                latencies.percentileMillis(100),
                latencies.queriesPerSecond(),
                run.platformCalls(),
                run.cost().othersCores(),
                verdict);
    }

    private static String verdict(QueryLatencies latencies) {
        return "p50 " + (latencies.p50() <= TARGET_P50_MS ? "met" : "MISSED") + ", p99 "
                + (latencies.p99() <= TARGET_P99_MS ? "met" : "MISSED");
    }

    /** @param serialRaw the raw-vector run at concurrency 1, which the floors are compared with */
    void printRecall(double serviceRecall, List<QueryEfSearch> efSearches, QueryLatencies serialRaw) {
        out.printf(
                Locale.ROOT,
                "%nrecall@10 over %d raw-vector queries against exact search (the same SQL with enable_indexscan=off)%n",
                efSearches.get(0).sql().count());
        out.printf(
                Locale.ROOT,
                "service (its searcher sets hnsw.ef_search = max(40, 2*top_k) = 40): %.3f; target >= %.2f: %s%n",
                serviceRecall,
                TARGET_RECALL,
                serviceRecall >= TARGET_RECALL ? "met" : "MISSED");
        out.printf(
                Locale.ROOT,
                LABEL + " %10s %11s %11s %7s%n",
                "straight in SQL (measured)",
                "recall@10",
                "SQL p50 ms",
                "SQL p99 ms",
                "others");
        for (QueryEfSearch ef : efSearches) {
            out.printf(
                    Locale.ROOT,
                    LABEL + " %10.3f %11.2f %11.2f %7.2f%s%n",
                    "hnsw.ef_search = " + ef.efSearch(),
                    ef.recall(),
                    ef.sql().p50(),
                    ef.sql().p99(),
                    ef.cost().othersCores(),
                    ef.recall() >= TARGET_RECALL ? "  meets the recall target" : "");
        }
        out.printf(
                Locale.ROOT,
                "SQL: SELECT %s ... ORDER BY %s <=> ? LIMIT %d on one JDBC session, one query at a time, with"
                        + " enable_seqscan=off so that the index is measured whatever the planner prefers; the service's query also reads"
                        + " the payload columns.%n",
                PgVectorTableLayout.SEGMENT_ID,
                PgVectorTableLayout.EMBEDDING,
                QueryClient.TOP_K);
        warnIfContended(efSearches.stream().map(QueryEfSearch::cost).toList(), "SQL runs");
        printFloors(serialRaw, efSearches.get(0).sql());
    }

    /** What the planner picks for the SQL above on its own (default settings, ef_search 40), before and after the runs. */
    void printPlannedScans(String before, String after) {
        out.printf(
                Locale.ROOT,
                "%nthe planner's own choice for that SQL at ef_search 40: %s before the runs, %s after them%s%n",
                before,
                after,
                before.contains("Index Scan") && after.contains("Index Scan")
                        ? ""
                        : ". NOT THE INDEX: a query planned so scans the whole table (the exact search's latency)");
    }

    private void printFloors(QueryLatencies serialRaw, QueryLatencies sql40) {
        out.printf(
                Locale.ROOT,
                "%nquoted from /work/shared/reference/perf-floors.md (this machine, earlier runs, not measured here):"
                        + " direct SQL at ef_search 40, 100k rows: p50 %.1f-%.1f ms, p99 %.1f-%.1f ms.%n",
                FLOOR_P50_MS[0],
                FLOOR_P50_MS[1],
                FLOOR_P99_MS[0],
                FLOOR_P99_MS[1]);
        out.printf(
                Locale.ROOT,
                "service, raw vectors, concurrency 1: p50 %.2f ms = %.2f-%.2fx the quoted floor, %.2fx this run's SQL at"
                        + " ef_search 40 (%.2f ms); p99 %.2f ms = %.2f-%.2fx the quoted floor, %.2fx this run's SQL (%.2f ms)%n",
                serialRaw.p50(),
                serialRaw.p50() / FLOOR_P50_MS[1],
                serialRaw.p50() / FLOOR_P50_MS[0],
                serialRaw.p50() / sql40.p50(),
                sql40.p50(),
                serialRaw.p99(),
                serialRaw.p99() / FLOOR_P99_MS[1],
                serialRaw.p99() / FLOOR_P99_MS[0],
                serialRaw.p99() / sql40.p99(),
                sql40.p99());
    }
}
