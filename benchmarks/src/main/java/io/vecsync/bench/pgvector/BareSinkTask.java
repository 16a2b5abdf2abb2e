/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.SegmentJson;
import io.vecsync.bench.common.SegmentRow;
import io.vecsync.bench.common.SegmentTopic;
import io.vecsync.pgvector.PgVectorSinkTask;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.storage.Converter;

/**
 * (d) The pgvector sink task driven in this thread without Kafka or a worker, {@link SegmentTopic#POLL_RECORDS} records a
 * put() as the Connect variants' worker would at best: the sink's own cost, apart from fetching and the worker's.
 */
final class BareSinkTask {

    private static final String TOPIC = "bench-bare";

    private BareSinkTask() {}

    /** Times the put() calls alone, on the records' JSON text as ByteArrayConverter hands it over (the shipped configs). */
    static PgRun putOnly(PgDatabase db, List<SegmentRow> rows) throws SQLException {
        return run(db, SinkVariant.BARE_PUT, rows, new ByteArrayConverter(), false);
    }

    /** Times the JsonConverter's parsing and the put() calls. */
    static PgRun convertAndPut(PgDatabase db, List<SegmentRow> rows) throws SQLException {
        return run(db, SinkVariant.BARE_JSON_PUT, rows, new JsonConverter(), true);
    }

    /**
     * Runs the task over every row, the values through the converter inside the timing or before it. The task starts
     * (and creates its table) before the timing begins.
     */
    private static PgRun run(
            PgDatabase db, SinkVariant variant, List<SegmentRow> rows, Converter converter, boolean convertInLoop)
            throws SQLException {
        converter.configure(Map.of("schemas.enable", "false"), false);
        List<byte[]> values = rows.stream().map(SegmentJson::encode).toList();
        List<SinkRecord> converted = convertInLoop ? List.of() : records(converter, rows, values, 0, rows.size());
        db.drop(variant.table());
        PgVectorSinkTask task = new PgVectorSinkTask();
        try {
            task.start(variant.sinkConfig(db.url()));
            Cost.Meter meter = Cost.start(db);
            for (int from = 0; from < rows.size(); from += SegmentTopic.POLL_RECORDS) {
                int to = Math.min(from + SegmentTopic.POLL_RECORDS, rows.size());
                task.put(convertInLoop ? records(converter, rows, values, from, to) : converted.subList(from, to));
            }
            // put() leaves its writes running while the next records come; a worker's offset commit waits for them.
            task.flush(Map.of());
            Cost cost = meter.stop();
            db.verify(variant.table(), rows);
            return new PgRun(variant.name(), variant.label(), rows.size(), cost, Optional.empty());
        } finally {
            task.stop();
            db.drop(variant.table());
        }
    }

    /** Records as a worker hands them to put(): string keys, values through the converter. */
    private static List<SinkRecord> records(
            Converter converter, List<SegmentRow> rows, List<byte[]> values, int from, int to) {
        List<SinkRecord> records = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            SchemaAndValue value = converter.toConnectData(TOPIC, values.get(i));
            records.add(new SinkRecord(
                    TOPIC, 0, Schema.STRING_SCHEMA, rows.get(i).id().toString(), value.schema(), value.value(), i));
        }
        return records;
    }
}
