/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import io.vecsync.bench.common.BenchmarkMain;
import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.Stopwatch;
import io.vecsync.bench.pgvector.PgDatabase;
import io.vecsync.pgvector.PgVectorSinkConfig;
import io.vecsync.query.QueryService;
import io.vecsync.query.QueryServiceConfig;
import io.vecsync.simulator.PlatformSimulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the query service over HTTP on a pgvector table of simulator segments with the HNSW cosine index: latency
 * with raw vectors and with text, the embedding cache, and recall@10 against exact search, next to the index in SQL.
 */
public final class QueryBenchmark {

    private static final long SEED = 42L;
    private static final int RECALL_QUERIES = 200;
    /** Unmeasured queries first, of each kind: the JIT, PostgreSQL's buffers and the OS page cache warm up on them. */
    private static final int WARM_UP_QUERIES = 300;

    private static final int[] CONCURRENCIES = {1, 8};
    /** The searcher's setting for top-10 (max(40, 2 * top_k)) first, then wider searches. */
    private static final int[] EF_SEARCH = {40, 64, 100, 200};

    private final PlatformSimulator simulator;
    private final PgDatabase db;
    private final QueryWorkload workload;
    private final int queries;

    private QueryBenchmark(PlatformSimulator simulator, PgDatabase db, QueryWorkload workload, int queries) {
        this.simulator = simulator;
        this.db = db;
        this.workload = workload;
        this.queries = queries;
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, QueryOptions::parse, QueryBenchmark::run);
    }

    private static void run(QueryOptions options, PrintStream report) throws Exception {
        String url = options.pgUrl();
        Stopwatch generation = Stopwatch.start();
        try (PlatformSimulator simulator = PlatformSimulator.builder()
                        .seed(SEED)
                        .videos(options.segments() / 10)
                        .segmentsPerVideo(8, 12)
                        .build()
                        .start();
                PgDatabase db = PgDatabase.connect(url)) {
            // Renders (and the simulator keeps) every segment now, so that the load's timing is the sink's alone.
            int segments = simulator.videoIds().stream()
                    .mapToInt(video -> simulator.segments(video).size())
                    .sum();
            System.err.printf(Locale.ROOT, "generated %,d segments in %.1f s%n", segments, generation.seconds());
            String table = QueryTableLoad.VARIANT.table();
            try {
                QueryTableLoad.Result load = QueryTableLoad.run(db, simulator);
                System.err.printf(
                        Locale.ROOT,
                        "loaded %,d rows in %.1f s, HNSW built in %.1f s%n",
                        load.rows(),
                        load.loadSeconds(),
                        load.buildSeconds());
                QueryWorkload workload = QueryWorkload.draw(
                        simulator,
                        2 * WARM_UP_QUERIES + 2 * CONCURRENCIES.length * options.queries() + 1 + RECALL_QUERIES,
                        SEED);
                new QueryBenchmark(simulator, db, workload, options.queries())
                        .measureService(url, table, new QueryReport(segments, db.serverVersion(), load, report));
            } finally {
                db.drop(table);
            }
        }
    }

    /** Latency runs against the service, then recall@10 of the service and of the index at several ef_search. */
    private void measureService(String url, String table, QueryReport report) throws Exception {
        List<float[]> recallVectors = workload.take(RECALL_QUERIES).stream()
                .map(simulator::textEmbedding)
                .toList();
        try (QueryService service = QueryService.start(serviceProps(url, table));
                QuerySql sql = new QuerySql(db, table);
                QueryClient client = new QueryClient(service.port())) {
            String scanBefore = sql.plannedScan(recallVectors.get(0));
            // First: the full scans push the index out of PostgreSQL's buffers, and the warm-up queries bring it back.
            Stopwatch scan = Stopwatch.start();
            List<List<String>> exact = sql.exact(recallVectors);
            System.err.printf(
                    Locale.ROOT, "exact top-10s of %d queries in %.1f s%n", recallVectors.size(), scan.seconds());
            List<QueryRun> raw = rawVectorRuns(client);
            report.printLatencies(raw, textRuns(client));
            measureRecall(client, sql, recallVectors, exact, report, raw.get(0).latencies());
            report.printPlannedScans(scanBefore, sql.plannedScan(recallVectors.get(0)));
        }
    }

    private List<QueryRun> rawVectorRuns(QueryClient client) throws Exception {
        client.run(vectorBodies(workload.take(WARM_UP_QUERIES)), 1);
        List<QueryRun> runs = new ArrayList<>();
        for (int concurrency : CONCURRENCIES) {
            runs.add(measure(client, "(i) raw vector", vectorBodies(workload.take(queries)), concurrency));
        }
        return runs;
    }

    private List<QueryRun> textRuns(QueryClient client) throws Exception {
        client.run(textBodies(workload.take(WARM_UP_QUERIES)), 1);
        List<QueryRun> runs = new ArrayList<>();
        for (int concurrency : CONCURRENCIES) {
            runs.add(measure(client, "(ii) text, distinct", textBodies(workload.take(queries)), concurrency));
        }
        runs.add(measure(
                client,
                "(ii) text, one repeated (cache)",
                Collections.nCopies(queries, textBodies(workload.take(1)).get(0)),
                1));
        return runs;
    }

    private void measureRecall(
            QueryClient client,
            QuerySql sql,
            List<float[]> vectors,
            List<List<String>> exact,
            QueryReport report,
            QueryLatencies serialRaw)
            throws Exception {
        List<List<String>> served = new ArrayList<>();
        for (float[] vector : vectors) {
            served.add(client.hitIds(QueryClient.vectorBody(vector)));
        }
        List<QueryEfSearch> efSearches = new ArrayList<>();
        for (int ef : EF_SEARCH) {
            efSearches.add(sql.hnsw(vectors, ef, exact));
        }
        report.printRecall(QueryEfSearch.recall(served, exact), efSearches, serialRaw);
    }

    private Map<String, String> serviceProps(String url, String table) {
        return Map.of(
                QueryServiceConfig.STORE,
                "pgvector",
                PgVectorSinkConfig.URL,
                url,
                PgVectorSinkConfig.TABLE,
                table,
                QueryServiceConfig.PLATFORM_BASE_URL,
                simulator.baseUrl(),
                QueryServiceConfig.PLATFORM_API_KEY,
                simulator.apiKey(),
                QueryServiceConfig.HTTP_HOST,
                "127.0.0.1",
                QueryServiceConfig.HTTP_PORT,
                "0",
                // The benchmark's clients are all one address: the per-client limit would measure itself.
                QueryServiceConfig.HTTP_RATE_LIMIT,
                "0");
    }

    /** The query vectors a caller computed itself: the text embeddings the platform would return. */
    private List<byte[]> vectorBodies(List<String> captions) {
        return captions.stream()
                .map(caption -> QueryClient.vectorBody(simulator.textEmbedding(caption)))
                .toList();
    }

    private static List<byte[]> textBodies(List<String> captions) {
        return captions.stream().map(QueryClient::textBody).toList();
    }

    private QueryRun measure(QueryClient client, String label, List<byte[]> bodies, int concurrency) throws Exception {
        int callsBefore = simulator.textEmbeddingCalls();
        Cost.Meter meter = Cost.start(db);
        QueryLatencies latencies = client.run(bodies, concurrency);
        QueryRun run =
                new QueryRun(label, concurrency, latencies, simulator.textEmbeddingCalls() - callsBefore, meter.stop());
        System.err.printf(
                Locale.ROOT,
                "%s, concurrency %d: p50 %.2f ms, p99 %.2f ms%n",
                label,
                concurrency,
                latencies.p50(),
                latencies.p99());
        return run;
    }
}
