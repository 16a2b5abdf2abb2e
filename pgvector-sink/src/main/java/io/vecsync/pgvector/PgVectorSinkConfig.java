/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import io.vecsync.core.config.ConfigEnums;
import io.vecsync.core.config.Validators;
import io.vecsync.core.sink.CommonSinkConfig;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the pgvector sink: the shared sink settings plus {@code pgvector.*}. */
public class PgVectorSinkConfig extends CommonSinkConfig {

    public static final String URL = "pgvector.url";
    public static final String USER = "pgvector.user";
    public static final String PASSWORD = "pgvector.password";
    public static final String SSL_MODE = "pgvector.ssl.mode";
    public static final String STATEMENT_TIMEOUT_MS = "pgvector.statement.timeout.ms";
    public static final String LOCK_TIMEOUT_MS = "pgvector.lock.timeout.ms";
    public static final String SOCKET_TIMEOUT_MS = "pgvector.socket.timeout.ms";
    public static final String SCHEMA = "pgvector.schema";
    public static final String TABLE = "pgvector.table";
    public static final String INDEX = "pgvector.index";
    public static final String HNSW_M = "pgvector.hnsw.m";
    public static final String HNSW_EF_CONSTRUCTION = "pgvector.hnsw.ef.construction";
    public static final String HNSW_EF_SEARCH = "pgvector.hnsw.ef.search";
    public static final String INITIAL_LOAD = "pgvector.initial.load";
    public static final String INITIAL_LOAD_CAUGHT_UP_RECORDS = "pgvector.initial.load.caught.up.records";
    public static final String INITIAL_LOAD_CAUGHT_UP_MS = "pgvector.initial.load.caught.up.ms";
    public static final String INDEX_BUILD_WORKERS = "pgvector.index.build.workers";
    public static final String INDEX_BUILD_MEMORY = "pgvector.index.build.memory";

    /** Which vector index the sink keeps on the table. */
    public enum IndexType {
        HNSW,
        NONE
    }

    private static final Pattern MEMORY_SIZE = Pattern.compile("|[1-9][0-9]{0,9}(kB|MB|GB|TB)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final String GROUP_CONNECTION = "PostgreSQL connection";
    private static final String GROUP_TABLE = "PostgreSQL table";

    /**
     * Rows per COPY and transaction unless set: each transaction's end and the next one's start leave PostgreSQL idle for
     * a moment, which at 1,000 rows (~20 ms of COPY) cost the sink 5-10% of its rate here; 5,000 rows (~22 MB) ran as fast
     * as one COPY of every row.
     */
    static final int DEFAULT_BATCH_SIZE = 5_000;

    public static final ConfigDef CONFIG_DEF = define(CommonSinkConfig.definition(DEFAULT_BATCH_SIZE));

    public PgVectorSinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    private static ConfigDef define(ConfigDef def) {
        int order = 0;
        def.define(
                        URL,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new JdbcUrlValidator(),
                        Importance.HIGH,
                        "JDBC URL of the database, e.g. jdbc:postgresql://db:5432/video. A URL with a"
                                + " password (user:pass@host or a password parameter) is refused: the URL shows in logs and"
                                + " over REST. validate() logs in with it, so a wrong URL, user or password is reported on"
                                + " its key before the connector is created.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.LONG,
                        "JDBC URL")
                .define(
                        USER,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "Database user; may also be given in the URL.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.MEDIUM,
                        "User")
                .define(
                        PASSWORD,
                        Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        "Database password, hidden in logs and over REST.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.MEDIUM,
                        "Password")
                .define(
                        SSL_MODE,
                        Type.STRING,
                        "prefer",
                        ValidString.in("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
                        Importance.MEDIUM,
                        "TLS to the server, as libpq's sslmode: verify-full checks the certificate and the host name.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "SSL mode")
                .define(
                        STATEMENT_TIMEOUT_MS,
                        Type.INT,
                        120_000,
                        Range.between(100, 86_400_000),
                        Importance.MEDIUM,
                        "Longest a statement of the sink may run (PostgreSQL's statement_timeout for its sessions): the"
                                + " server cancels a longer one, and a cancelled write is retried as a transient error. Leave"
                                + " room for a batch's inserts into the HNSW index (about 100 rows/s at 1024 dimensions on 2"
                                + " cores). Index builds are not bound by it.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "Statement timeout (ms)")
                .define(
                        LOCK_TIMEOUT_MS,
                        Type.INT,
                        5_000,
                        Range.between(1, 86_400_000),
                        Importance.LOW,
                        "Longest a statement of the sink waits for a lock another session holds (PostgreSQL's"
                                + " lock_timeout): a write or a start-up change of the table gives up then and is retried"
                                + " later, instead of waiting behind a LOCK TABLE or a long search while every other"
                                + " session's reads queue behind it.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "Lock timeout (ms)")
                .define(
                        SOCKET_TIMEOUT_MS,
                        Type.INT,
                        150_000,
                        Range.between(100, 86_400_000),
                        Importance.LOW,
                        "Longest the sink waits on the network for PostgreSQL, to read an answer or to send a write:"
                                + " past it the connection is taken for dead (a half-open connection after a network"
                                + " failure), closed, opened again and the write retried. At least "
                                + STATEMENT_TIMEOUT_MS
                                + ", so that the server cancels a slow statement first. TCP keepalive"
                                + " (a probe after 30 s of silence) finds a server gone from the network within about a"
                                + " minute even so.",
                        GROUP_CONNECTION,
                        ++order,
                        Width.SHORT,
                        "Socket timeout (ms)");
        order = 0;
        def.define(
                        SCHEMA,
                        Type.STRING,
                        "public",
                        identifier(),
                        Importance.MEDIUM,
                        "Schema of the table; created when missing.",
                        GROUP_TABLE,
                        ++order,
                        Width.MEDIUM,
                        "Schema")
                .define(
                        TABLE,
                        Type.STRING,
                        "video_segments",
                        identifier(),
                        Importance.HIGH,
                        "Table of segments, created when missing with "
                                + PgVectorTableLayout.describeColumns(EMBEDDING_DIMENSION)
                                + "; an existing table is verified and given the sink's columns it lacks.",
                        GROUP_TABLE,
                        ++order,
                        Width.MEDIUM,
                        "Table")
                .define(
                        INDEX,
                        Type.STRING,
                        ConfigEnums.value(IndexType.HNSW),
                        ValidString.in(ConfigEnums.values(IndexType.class)),
                        Importance.MEDIUM,
                        "hnsw: an HNSW index with vector_cosine_ops, created when missing; none: no vector"
                                + " index (exact search).",
                        GROUP_TABLE,
                        ++order,
                        Width.SHORT,
                        "Vector index")
                .define(
                        HNSW_M,
                        Type.INT,
                        16,
                        Range.between(2, 100),
                        Importance.LOW,
                        "HNSW m: links per node.",
                        GROUP_TABLE,
                        ++order,
                        Width.SHORT,
                        "HNSW m")
                .define(
                        HNSW_EF_CONSTRUCTION,
                        Type.INT,
                        64,
                        Range.between(4, 1000),
                        Importance.LOW,
                        "HNSW ef_construction: candidate list size while building.",
                        GROUP_TABLE,
                        ++order,
                        Width.SHORT,
                        "HNSW ef_construction")
                .define(
                        HNSW_EF_SEARCH,
                        Type.INT,
                        40,
                        Range.between(1, 1000),
                        Importance.LOW,
                        "HNSW ef_search of searches (the query service): candidates kept while searching, at least twice"
                                + " the hits asked for. Higher finds more of the true nearest segments, more slowly.",
                        GROUP_TABLE,
                        ++order,
                        Width.SHORT,
                        "HNSW ef_search")
                .define(
                        INITIAL_LOAD,
                        Type.BOOLEAN,
                        false,
                        Importance.MEDIUM,
                        "Initial-load mode: when the table has no vector index yet, hold its creation back until the"
                                + " consumer has caught up with the topic, then build it once, concurrently with new writes."
                                + " Inserting into an HNSW index costs about 100x a plain insert at 1024 dimensions, so a first"
                                + " sync of a large library is many times faster; searches are exact (slow) until the index is"
                                + " built.",
                        GROUP_TABLE,
                        ++order,
                        Width.SHORT,
                        "Initial-load mode")
                .define(
                        INITIAL_LOAD_CAUGHT_UP_RECORDS,
                        Type.INT,
                        100,
                        Range.atLeast(1),
                        Importance.LOW,
                        "In initial-load mode, a put() of at least this many records means the consumer is still reading"
                                + " a backlog.",
                        GROUP_TABLE,
                        ++order,
                        Width.SHORT,
                        "Caught-up threshold (records)")
                .define(
                        INITIAL_LOAD_CAUGHT_UP_MS,
                        Type.LONG,
                        10_000L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "In initial-load mode, the backlog counts as drained once no put() of "
                                + INITIAL_LOAD_CAUGHT_UP_RECORDS
                                + " records or more came for this long (counted from the"
                                + " task's start). Connect hands the task empty batches now and then even mid-backlog, so one"
                                + " short batch says nothing.",
                        GROUP_TABLE,
                        ++order,
                        Width.SHORT,
                        "Caught-up quiet period (ms)")
                .define(
                        INDEX_BUILD_WORKERS,
                        Type.INT,
                        -1,
                        Range.atLeast(-1),
                        Importance.LOW,
                        "Parallel workers for building the HNSW index (PostgreSQL's max_parallel_maintenance_workers for"
                                + " the build's session); -1 keeps the server's setting. Either way the build may use them:"
                                + " pgvector stores vectors out of line (TOAST), so without help the planner judges the"
                                + " table too small for any.",
                        GROUP_TABLE,
                        ++order,
                        Width.SHORT,
                        "Index build workers")
                .define(
                        INDEX_BUILD_MEMORY,
                        Type.STRING,
                        "",
                        Validators.described(
                                "empty (the server's setting) or a PostgreSQL memory size such as 512MB or 2GB",
                                value -> MEMORY_SIZE
                                        .matcher(value.toString().trim())
                                        .matches()),
                        Importance.LOW,
                        "maintenance_work_mem for the HNSW index build's session, e.g. 2GB; empty keeps the server's"
                                + " setting. The build slows down many times once the graph outgrows it (about 8 KB a row"
                                + " at 1024 dimensions, m=16).",
                        GROUP_TABLE,
                        ++order,
                        Width.SHORT,
                        "Index build memory");
        return def;
    }

    private static ConfigDef.Validator identifier() {
        return Validators.described(
                "a plain SQL identifier: a letter or underscore, then letters, digits, _ or $ (at most 63)",
                value -> IDENTIFIER.matcher(value.toString()).matches());
    }

    public String url() {
        return getString(URL).trim();
    }

    public String user() {
        return getString(USER);
    }

    public Password password() {
        return getPassword(PASSWORD);
    }

    public String sslMode() {
        return getString(SSL_MODE);
    }

    public int statementTimeoutMs() {
        return getInt(STATEMENT_TIMEOUT_MS);
    }

    public int lockTimeoutMs() {
        return getInt(LOCK_TIMEOUT_MS);
    }

    public int socketTimeoutMs() {
        return getInt(SOCKET_TIMEOUT_MS);
    }

    /** The table's name, quoted: config values are validated identifiers, and quoting keeps their case. */
    public String qualifiedTable() {
        return tableLayout().qualifiedTable();
    }

    public PgVectorTableLayout tableLayout() {
        return PgVectorTableLayout.of(this);
    }

    public String schema() {
        return getString(SCHEMA);
    }

    public String table() {
        return getString(TABLE);
    }

    public IndexType index() {
        return ConfigEnums.parse(IndexType.class, getString(INDEX));
    }
}
