/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sink's table: its quoted name, its columns' names and SQL types (the platform docs' five, then the sink's own),
 * and the SQL built from them. Every statement of the sink, its searcher and the benchmarks names columns through it.
 */
public final class PgVectorTableLayout {

    public static final String SEGMENT_ID = "segment_id";
    public static final String VIDEO_ID = "video_id";
    public static final String START = "start_ts";
    public static final String END = "end_ts";
    public static final String EMBEDDING = "embedding";
    public static final String START_SECONDS = "start_seconds";
    public static final String END_SECONDS = "end_seconds";
    public static final String EMBEDDING_OPTION = "embedding_option";
    public static final String PAYLOAD = "payload";

    /** One column: its name, its type as PostgreSQL's format_type() spells it, and its constraint ("" for none). */
    public record Column(String name, String type, String constraint) {

        /** The column as CREATE TABLE and ADD COLUMN take it. */
        public String definition() {
            return name + " " + type + (constraint.isEmpty() ? "" : " " + constraint);
        }
    }

    /** The sink's own columns: they do not depend on the dimension. */
    private static final List<Column> SINK_COLUMNS = List.of(
            new Column(START_SECONDS, "double precision", ""),
            new Column(END_SECONDS, "double precision", ""),
            new Column(EMBEDDING_OPTION, "text", ""),
            new Column(PAYLOAD, "jsonb", ""));

    private final String schema;
    private final String table;
    private final int dimension;
    private final List<Column> docsColumns;

    /**
     * @param schema    the schema's plain name, unquoted
     * @param table     the table's plain name, unquoted
     * @param dimension the length of the embedding column's vectors
     */
    public PgVectorTableLayout(String schema, String table, int dimension) {
        this.schema = schema;
        this.table = table;
        this.dimension = dimension;
        this.docsColumns = docsColumns(vectorType(dimension));
    }

    /** pgvector's type of vectors of a dimension: a number, or in the config reference the key that sets it. */
    private static String vectorType(Object dimension) {
        return "vector(" + dimension + ")";
    }

    private static List<Column> docsColumns(String vectorType) {
        return List.of(
                new Column(SEGMENT_ID, "uuid", "PRIMARY KEY"),
                new Column(VIDEO_ID, "uuid", "NOT NULL"),
                new Column(START, "text", "NOT NULL"),
                new Column(END, "text", "NOT NULL"),
                new Column(EMBEDDING, vectorType, ""));
    }

    /** The layout of the table a sink's config names, with its vectors' dimension. */
    public static PgVectorTableLayout of(PgVectorSinkConfig config) {
        return new PgVectorTableLayout(config.schema(), config.table(), config.dimension());
    }

    /** The table's columns for the config reference, the dimension named by its key. */
    static String describeColumns(String dimensionKey) {
        return "the platform docs' columns (" + definitions(docsColumns(vectorType(dimensionKey))) + ") plus "
                + definitions(SINK_COLUMNS);
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }

    public int dimension() {
        return dimension;
    }

    /** {@code "schema"."table"}: quoting keeps the names' case. */
    public String qualifiedTable() {
        return quote(schema) + "." + quote(table);
    }

    /** The embedding column's type, {@code vector(dimension)}. */
    public String embeddingType() {
        return vectorType(dimension);
    }

    /** The platform docs' five columns: segment_id, video_id, start_ts, end_ts, embedding. */
    public List<Column> docsColumns() {
        return docsColumns;
    }

    /** The columns the sink fills beyond the docs' five; added to an existing table that lacks them. */
    public List<Column> sinkColumns() {
        return SINK_COLUMNS;
    }

    /** Every column, the docs' five first: the order of {@link #columnList()}, of COPY's rows and of the upsert's parameters. */
    public List<Column> columns() {
        return Stream.concat(docsColumns.stream(), SINK_COLUMNS.stream()).toList();
    }

    /** Every column's name, comma-separated, in {@link #columns()}' order. */
    public String columnList() {
        return columns().stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The sink's table: every column. */
    public String createTableSql() {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedTable() + " (" + definitions(columns()) + ")";
    }

    /** The platform docs' table: their five columns only. */
    public String createDocsTableSql() {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedTable() + " (" + definitions(docsColumns) + ")";
    }

    /** Adds the columns, each unless the table has it already. */
    public String addColumnsSql(List<Column> columns) {
        return "ALTER TABLE " + qualifiedTable()
                + columns.stream()
                        .map(column -> " ADD COLUMN IF NOT EXISTS " + column.definition())
                        .collect(Collectors.joining(","));
    }

    /** Binary COPY of rows of every column, in {@link #columns()}' order. */
    public String copySql() {
        return "COPY " + qualifiedTable() + " (" + columnList() + ") FROM STDIN (FORMAT binary)";
    }

    /** INSERT of a row of every column (parameters in {@link #columns()}' order) that overwrites the row of its segment_id. */
    public String upsertSql() {
        List<Column> columns = columns();
        String values = columns.stream()
                .map(column -> column.type().equals("jsonb") ? "?::jsonb" : "?")
                .collect(Collectors.joining(", "));
        String updates = columns.stream()
                .filter(column -> !column.name().equals(SEGMENT_ID))
                .map(column -> column.name() + " = EXCLUDED." + column.name())
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + qualifiedTable() + " (" + columnList() + ") VALUES (" + values + ") ON CONFLICT ("
                + SEGMENT_ID + ") DO UPDATE SET " + updates;
    }

    /** A name as an SQL identifier: quoted, so that its case is kept. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String definitions(List<Column> columns) {
        return columns.stream().map(Column::definition).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return qualifiedTable() + " (" + definitions(columns()) + ")";
    }
}
