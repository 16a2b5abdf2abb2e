/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.bench.common.BenchmarkReports;
import io.vecsync.bench.common.TestServers;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pgvector benchmark end to end on a few hundred segments — real PostgreSQL, a real Connect worker — so that the
 * command the issue names keeps running and keeps reporting every variant and ratio. Each variant checks its table
 * holds exactly the rows it wrote, so this also fails when a variant loses or mangles rows. Its timings prove nothing
 * at this size and are not asserted.
 */
@Tag("slow")
class PgVectorBenchmarkIT {

    private static final String BATCHES_ROW =
            String.format(Locale.ROOT, "(b) same, a COPY and commit per %,d rows", SinkVariant.SINK_BATCH_SIZE);

    @Test
    void reportsEveryVariantAndTheIssuesRatios() throws Exception {
        // 400 segments for every variant, 100 of them for the (c-index) ones.
        String text = BenchmarkReports.of(
                PgVectorBenchmark::run, new PgBenchOptions(400, 100, TestServers.pgUrl(), TestServers.docsPython()));
        for (String variant : List.of(
                "(a) docs' loop",
                "(b) raw COPY BINARY",
                "(b) same, into the sink's",
                BATCHES_ROW,
                SinkVariant.NO_INDEX.label(),
                SinkVariant.NO_INDEX_NEW_CONNECTOR.label(),
                SinkVariant.NO_INDEX_JSON_CONVERTER.label(),
                SinkVariant.INDEX_FULL.label(),
                SinkVariant.INITIAL_LOAD.label(),
                SinkVariant.BARE_PUT.label(),
                SinkVariant.BARE_JSON_PUT.label())) {
            Matcher row = Pattern.compile(Pattern.quote(variant) + ".*?\\s([\\d,]+)\\s+[\\d.]+\\s+([\\d,]+)")
                    .matcher(text);
            assertTrue(
                    row.find()
                            && row.group(1).equals("400")
                            && Long.parseLong(row.group(2).replace(",", "")) > 0,
                    "no rows/s over the 400 segments for " + variant + " in:\n" + text);
        }
        // Inserts that walk an HNSW graph never outrun a bare COPY: a (c-index) steady rate above it times a commit,
        // not rows.
        double rawCopy = steadyRate(text, "(b) raw COPY BINARY");
        for (String variant : List.of(
                SinkVariant.INDEX.label(),
                SinkVariant.INDEX_TWO_TASKS.label(),
                SinkVariant.INDEX_ONTO_LOADED.label(),
                SinkVariant.INDEX_FULL.label())) {
            assertTrue(steadyRate(text, variant) < rawCopy, variant + " faster than raw COPY in:\n" + text);
        }
        // The scratch cluster's user may checkpoint: no variant pays for the one before.
        assertTrue(text.contains("A CHECKPOINT before each timing"), "no checkpoints in:\n" + text);
        // The ratios compare medians of rounds measured side by side: a running connector resumed, or a new one, per
        // round.
        for (String variant : List.of(
                "(a) docs' loop",
                "(b) raw COPY BINARY",
                BATCHES_ROW,
                SinkVariant.NO_INDEX.label(),
                SinkVariant.NO_INDEX_NEW_CONNECTOR.label())) {
            Matcher rounds = Pattern.compile(Pattern.quote(variant) + "[^\\n]*median of (?:[\\d,]+, ){"
                            + (InterleavedRounds.ROUNDS - 1) + "}[\\d,]+\\n")
                    .matcher(text);
            assertTrue(
                    rounds.find(),
                    "no median of " + InterleavedRounds.ROUNDS + " rounds for " + variant + " in:\n" + text);
        }
        for (String target : List.of(
                "(c-none)/(a)",
                "(c-none)/(b)",
                "(c-none)/(b, sink's table)",
                "(c-initial-load)/(c-index)",
                "(c-none, a new connector each round)/(b)")) {
            // Of steady rates, judged, then of rates with the start-up.
            Matcher ratio = Pattern.compile(Pattern.quote(target)
                            + ".*?(\\d+\\.\\d\\d)x\\s+>= [\\d.]+x\\s+(met|MISSED)\\s+(\\d+\\.\\d\\d)x")
                    .matcher(text);
            assertTrue(
                    ratio.find() && Double.parseDouble(ratio.group(1)) > 0 && Double.parseDouble(ratio.group(3)) > 0,
                    "no ratios for " + target + " in:\n" + text);
        }
        // PostgreSQL's CPU under each write pattern: NaN for a server on another machine; /proc counts it in 10 ms
        // ticks,
        // more than 400 rows of COPY may take, so a figure here may be 0, but never missing or negative.
        String cpu = "(?:\\d+\\.\\d|NaN)";
        Matcher serverCpu = Pattern.compile(
                        "PostgreSQL CPU a row: raw COPY into the sink's table " + cpu + " us in one transaction, " + cpu
                                + " us in the sink's batches \\([\\d,]+ rows/s\\), " + cpu + " us under")
                .matcher(text);
        assertTrue(serverCpu.find(), "no PostgreSQL CPU a row in:\n" + text);
    }

    /** The steady/s column of the variant's row in the throughput table. */
    private static double steadyRate(String report, String variant) {
        Matcher row = Pattern.compile(Pattern.quote(variant) + ".*?\\s[\\d,]+\\s+[\\d.]+\\s+[\\d,]+\\s+([\\d,]+)")
                .matcher(report);
        assertTrue(row.find(), "no row for " + variant + " in:\n" + report);
        return Double.parseDouble(row.group(1).replace(",", ""));
    }
}
