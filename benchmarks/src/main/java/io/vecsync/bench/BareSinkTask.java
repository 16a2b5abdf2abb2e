package io.vecsync.bench;

import io.vecsync.pgvector.PgVectorSinkTask;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * (d) The pgvector sink task driven in this thread without Kafka or a worker, {@link SinkVariant#POLL_RECORDS} records a
 * put() as the Connect variants' worker would at best: the sink's own cost, apart from fetching and the worker's.
 */
final class BareSinkTask {

    private static final String TOPIC = "bench-bare";

    private BareSinkTask() {
    }

    /** Times the put() calls alone, on the records' JSON text as ByteArrayConverter hands it over (the shipped configs). */
    static PgRun putOnly(PgDatabase db, List<SegmentRow> rows) throws SQLException {
        return run(db, SinkVariant.BARE_PUT, rows, false);
    }

    /** Times the JsonConverter's parsing and the put() calls. */
    static PgRun convertAndPut(PgDatabase db, List<SegmentRow> rows) throws SQLException {
        return run(db, SinkVariant.BARE_JSON_PUT, rows, true);
    }

    /** Runs the task over every row. The task starts (and creates its table) before the timing begins. */
    private static PgRun run(PgDatabase db, SinkVariant variant, List<SegmentRow> rows, boolean convertInLoop) throws SQLException {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        List<byte[]> values = rows.stream().map(SegmentJson::encode).toList();
        List<SinkRecord> text = convertInLoop ? List.of() : textRecords(rows, values);
        db.drop(variant.table());
        PgVectorSinkTask task = new PgVectorSinkTask();
        try {
            task.start(variant.sinkConfig(db.url()));
            Cost.Meter meter = Cost.start(db);
            for (int from = 0; from < rows.size(); from += SinkVariant.POLL_RECORDS) {
                int to = Math.min(from + SinkVariant.POLL_RECORDS, rows.size());
                task.put(convertInLoop ? records(converter, rows, values, from, to) : text.subList(from, to));
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

    /** Records as a worker with ByteArrayConverter hands them to put(): string keys, the values' bytes. */
    private static List<SinkRecord> textRecords(List<SegmentRow> rows, List<byte[]> values) {
        List<SinkRecord> records = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            records.add(new SinkRecord(TOPIC, 0, Schema.STRING_SCHEMA, rows.get(i).id().toString(), Schema.OPTIONAL_BYTES_SCHEMA, values.get(i), i));
        }
        return records;
    }

    /** Records as a worker hands them to put(): string keys, values through the JsonConverter without schemas. */
    private static List<SinkRecord> records(JsonConverter converter, List<SegmentRow> rows, List<byte[]> values, int from, int to) {
        List<SinkRecord> records = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            SchemaAndValue value = converter.toConnectData(TOPIC, values.get(i));
            records.add(new SinkRecord(TOPIC, 0, Schema.STRING_SCHEMA, rows.get(i).id().toString(), value.schema(), value.value(), i));
        }
        return records;
    }
}
