/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.core.config.Validators;
import io.vecsync.core.sink.CommonSinkConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/** Configuration of the embedded Lucene sink: the shared sink settings plus {@code lucene.*}. */
public class LuceneSinkConfig extends CommonSinkConfig {

    public static final String DIRECTORY = "lucene.directory";
    public static final String HNSW_M = "lucene.hnsw.m";
    public static final String HNSW_BEAM_WIDTH = "lucene.hnsw.beam.width";
    public static final String COMMIT_INTERVAL_MS = "lucene.commit.interval.ms";

    /** Lucene 9's cap on vector dimensions; the platform's 1024 is exactly at it. */
    public static final int MAX_DIMENSION = KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS;

    private static final String GROUP_INDEX = "Lucene index";

    public static final ConfigDef CONFIG_DEF = define(new ConfigDef(CommonSinkConfig.CONFIG_DEF));

    /** The settings the first task to open a directory in a worker gives its shared writer. */
    record IndexSettings(int m, int beamWidth, Duration commitInterval) {}

    public LuceneSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        String problem = dimensionProblem(dimension());
        if (problem != null) {
            throw new ConfigException(EMBEDDING_DIMENSION, dimension(), problem);
        }
    }

    private static ConfigDef define(ConfigDef def) {
        int order = 0;
        def.define(
                        DIRECTORY,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Validators.described("a path to a local directory", LuceneSinkConfig::isPath),
                        Importance.HIGH,
                        "Directory of the Lucene index on the worker's local disk, created when missing. One Connect worker"
                                + " writes it: its tasks share one index writer, opened with the settings of the first of"
                                + " them, and a second worker process on the same directory fails at start (Lucene's"
                                + " write.lock). The query service reads it read-only.",
                        GROUP_INDEX,
                        ++order,
                        Width.LONG,
                        "Index directory")
                .define(
                        HNSW_M,
                        Type.INT,
                        Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
                        Range.between(1, Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN),
                        Importance.LOW,
                        "HNSW m: links per node in the graph. Applies to segments written from now on.",
                        GROUP_INDEX,
                        ++order,
                        Width.SHORT,
                        "HNSW m")
                .define(
                        HNSW_BEAM_WIDTH,
                        Type.INT,
                        Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH,
                        Range.between(1, Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH),
                        Importance.LOW,
                        "HNSW beam width (ef_construction): candidates considered while inserting into the graph.",
                        GROUP_INDEX,
                        ++order,
                        Width.SHORT,
                        "HNSW beam width")
                .define(
                        COMMIT_INTERVAL_MS,
                        Type.LONG,
                        1000L,
                        Range.between(10L, 3_600_000L),
                        Importance.MEDIUM,
                        "How often the sink commits its writes when there are any. A commit makes them durable and"
                                + " visible to searchers in other processes, such as the query service; a searcher in the"
                                + " worker's own process sees them at once. Whatever the interval, the sink also commits"
                                + " before Connect commits offsets, so no record whose offset is committed is lost in a crash.",
                        GROUP_INDEX,
                        ++order,
                        Width.SHORT,
                        "Commit interval (ms)");
        return def;
    }

    @SuppressWarnings("ReturnValueIgnored") // Path.of is called to see whether it throws
    private static boolean isPath(Object value) {
        String text = value.toString();
        try {
            Path.of(text.trim());
            return !text.isBlank();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Why this store cannot hold vectors of that dimension, or null when it can. */
    static String dimensionProblem(int dimension) {
        return dimension > MAX_DIMENSION
                ? "the Lucene store holds vectors of at most " + MAX_DIMENSION + " dimensions"
                        + " (Lucene 9's limit); use another store for longer vectors"
                : null;
    }

    /** The configured index directory, absolute. */
    public Path directory() {
        return Path.of(getString(DIRECTORY).trim()).toAbsolutePath();
    }

    IndexSettings indexSettings() {
        return new IndexSettings(
                getInt(HNSW_M), getInt(HNSW_BEAM_WIDTH), Duration.ofMillis(getLong(COMMIT_INTERVAL_MS)));
    }
}
