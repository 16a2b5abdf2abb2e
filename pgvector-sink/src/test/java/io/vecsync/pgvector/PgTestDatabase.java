/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import com.pgvector.PGvector;
import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.StoredPoint;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Direct SQL on the test server: what the sink's tests read back and set up, outside the sink. */
final class PgTestDatabase {

    private PgTestDatabase() {}

    static Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
        }
        PGvector.addVectorType(connection);
        return connection;
    }

    /** The test server's host, for a fault proxy in front of it. */
    static String host() {
        return server().getHost();
    }

    static int port() {
        return server().getPort();
    }

    /** The test server's URL with another host and port: a fault proxy's. */
    static String urlVia(String host, int port) {
        return PostgresServer.jdbcUrl().replaceFirst("//[^/]+/", "//" + host + ":" + port + "/");
    }

    private static URI server() {
        return URI.create(PostgresServer.jdbcUrl().substring("jdbc:".length()));
    }

    static boolean exists(String table) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            return result.next() && result.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("looking up " + table, e);
        }
    }

    /** The platform docs' table in the public schema: their five columns, no index. */
    static void createDocsTable(String table, int dimension) {
        execute(new PgVectorTableLayout("public", table, dimension).createDocsTableSql());
    }

    static void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every row of a sink table, as the behaviour suite compares points; none while the sink has not created it. */
    static Map<String, StoredPoint> readAll(String table) {
        Map<String, StoredPoint> points = new HashMap<>();
        if (!exists(table)) {
            return points;
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT segment_id, video_id, start_ts, end_ts, embedding, embedding_option,"
                                + " payload::text FROM " + table)) {
            while (rows.next()) {
                Map<String, String> payload = new HashMap<>();
                payload.put("video_id", rows.getString(2));
                payload.put("start", rows.getString(3));
                payload.put("end", rows.getString(4));
                payload.put("embedding_option", rows.getString(6));
                payload.put("payload", rows.getString(7));
                points.put(rows.getString(1), new StoredPoint(((PGvector) rows.getObject(5)).toArray(), payload));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + table, e);
        }
        return points;
    }

    static long count(String table) {
        if (!exists(table)) {
            return 0;
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting " + table, e);
        }
    }
}
