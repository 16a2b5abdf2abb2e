/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.SegmentRows;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.pgvector.PgVectorSinkConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * One way to run the pgvector sink.
 *
 * @param name              connector name; its table is {@code bench_<name>}
 * @param label             how the report names it
 * @param index             {@code pgvector.index}
 * @param consumerOverrides {@code consumer.override.*} settings beyond max.poll.records
 * @param jsonConverter     values through Connect's JsonConverter, else read as JSON text by the sink (ByteArrayConverter),
 *                          as the shipped configs do
 */
public record SinkVariant(
        String name,
        String label,
        String index,
        boolean initialLoad,
        int tasks,
        Map<String, String> consumerOverrides,
        boolean jsonConverter) {

    public SinkVariant(
            String name,
            String label,
            String index,
            boolean initialLoad,
            int tasks,
            Map<String, String> consumerOverrides) {
        this(name, label, index, initialLoad, tasks, consumerOverrides, false);
    }

    /** The pgvector sink's default batch.size, which every variant runs with: its rows per COPY and transaction. */
    static final int SINK_BATCH_SIZE =
            (Integer) PgVectorSinkConfig.CONFIG_DEF.defaultValues().get(CommonSinkConfig.BATCH_SIZE);

    /** The consumer's fetch limits raised so that one fetch can fill a 1,000-record poll (records are ~5.6 KB). */
    private static final Map<String, String> LARGE_FETCHES =
            Map.of("max.partition.fetch.bytes", "8388608", "fetch.max.bytes", "16777216");
    /**
     * Heartbeats every 250 ms instead of 3 s: the first task's consumer learns of the second one's join at its next
     * heartbeat, so with the default the first task alone reads both partitions for the first ~3.5 s of a run.
     */
    private static final Map<String, String> FAST_REBALANCE = Map.of("heartbeat.interval.ms", "250");

    static final SinkVariant NO_INDEX = new SinkVariant(
            "sink-none", "(c-none) sink, pgvector.index=none, tasks.max=1, resumed", "none", false, 1, Map.of());
    /** (c-none) as a connector created for each round, its start-up timed with its rows. */
    static final SinkVariant NO_INDEX_NEW_CONNECTOR = new SinkVariant(
            "sink-none-new", "(c-none) same, tasks.max=1, a new connector each round", "none", false, 1, Map.of());

    static final SinkVariant NO_INDEX_TWO_TASKS = new SinkVariant(
            "sink-none-2t", "(c-none) same, tasks.max=2, heartbeat 250 ms", "none", false, 2, FAST_REBALANCE);
    static final SinkVariant NO_INDEX_LARGE_FETCHES = new SinkVariant(
            "sink-none-fetch", "(c-none) same, tasks.max=1, 8 MB fetches", "none", false, 1, LARGE_FETCHES);
    static final SinkVariant NO_INDEX_JSON_CONVERTER = new SinkVariant(
            "sink-none-jsonconv",
            "(c-none) same, tasks.max=1, JsonConverter (Connect's data model)",
            "none",
            false,
            1,
            Map.of(),
            true);
    static final SinkVariant INDEX = new SinkVariant(
            "sink-hnsw", "(c-index) sink, HNSW present, empty table, tasks.max=1", "hnsw", false, 1, Map.of());
    /** The same N as every other variant, with the index present throughout: what initial-load mode competes with. */
    static final SinkVariant INDEX_FULL = new SinkVariant(
            "sink-hnsw-full",
            "(c-index) same, all N rows into an empty table, tasks.max=1",
            "hnsw",
            false,
            1,
            Map.of());

    static final SinkVariant INDEX_TWO_TASKS = new SinkVariant(
            "sink-hnsw-2t", "(c-index) same, tasks.max=2, heartbeat 250 ms", "hnsw", false, 2, FAST_REBALANCE);
    /** Into a table already holding the N segments and a valid HNSW index (see {@link SinkRunner#runOnto}). */
    static final SinkVariant INDEX_ONTO_LOADED = new SinkVariant(
            "sink-hnsw-loaded",
            "(c-index) same, onto a table holding the N rows, tasks.max=1",
            "hnsw",
            false,
            1,
            Map.of());

    static final SinkVariant INITIAL_LOAD = new SinkVariant(
            "sink-initial", "(c-initial-load) sink, hnsw + initial.load, tasks.max=1", "hnsw", true, 1, Map.of());
    /** The sink task driven without Kafka or a worker (see {@link BareSinkTask}); the config of {@link #NO_INDEX}. */
    static final SinkVariant BARE_PUT = new SinkVariant(
            "bare-put", "(d) sink task put() of JSON text values, no Kafka", "none", false, 1, Map.of());

    static final SinkVariant BARE_JSON_PUT = new SinkVariant(
            "bare-json-put", "(d) sink task JsonConverter + put(), no Kafka", "none", false, 1, Map.of());

    /**
     * An unreported run before the measured ones, under a name of its own (a connector reusing a name would resume from
     * its committed offsets): the JIT compiles the consumer's, the worker's and the sink's code, which in a fresh JVM
     * takes seconds of CPU from the first runs.
     */
    static SinkVariant warmUp(int round) {
        return new SinkVariant("sink-warm-up-" + round, "warm-up " + round, "none", false, 1, Map.of());
    }

    /** The same variant under a name of its own for one of several rounds: a new connector, consumer group and table. */
    SinkVariant round(int round) {
        return new SinkVariant(name + "-r" + round, label, index, initialLoad, tasks, consumerOverrides, jsonConverter);
    }

    /** The worker's converters for this variant's keys and values. */
    Map<String, String> converters() {
        return jsonConverter
                ? ConnectorConfigs.jsonConverters()
                : Map.of(
                        "key.converter",
                        StringConverter.class.getName(),
                        "value.converter",
                        ByteArrayConverter.class.getName());
    }

    public String table() {
        return "bench_" + name.replace('-', '_');
    }

    /** The sink's own settings, shared by the Connect variants and the bare task. */
    public Map<String, String> sinkConfig(String jdbcUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(PgVectorSinkConfig.URL, jdbcUrl);
        config.put(PgVectorSinkConfig.TABLE, table());
        config.put(PgVectorSinkConfig.INDEX, index);
        config.put(PgVectorSinkConfig.INITIAL_LOAD, Boolean.toString(initialLoad));
        config.put(CommonSinkConfig.EMBEDDING_DIMENSION, Integer.toString(SegmentRows.DIMENSION));
        return config;
    }
}
