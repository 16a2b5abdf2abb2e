/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.ShippedConfigs;
import io.vecsync.testing.StoreTestHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A login that fails names the key to fix, in validate() and in a task; a password shows in no message and no log line. */
class PgVectorLoginTest {

    private static final String SECRET = "s3cret-Pw-7781";
    private final StoreTestHarness<VectorSinkTask> tasks = new StoreTestHarness<>(PgVectorSinkTask::new);

    @AfterEach
    void stopTasks() {
        tasks.close();
    }

    private static Map<String, String> config(String url) {
        Map<String, String> props = new HashMap<>();
        props.put(PgVectorSinkConfig.URL, url);
        props.put(PgVectorSinkConfig.TABLE, "login_segments");
        return props;
    }

    @Test
    void aWrongPasswordIsReportedOnThePasswordKeyByValidate() {
        try (FakeLoginServer server = FakeLoginServer.refusingPasswords()) {
            Map<String, String> props = config(server.url());
            props.put(PgVectorSinkConfig.USER, "vecsync");
            props.put(PgVectorSinkConfig.PASSWORD, SECRET);
            Map<String, List<String>> errors = ShippedConfigs.errors(new PgVectorSinkConnector(), props);
            assertEquals(List.of(SECRET), server.passwordsReceived(), "validate() tried the login");
            assertEquals(List.of(PgVectorSinkConfig.PASSWORD), List.copyOf(errors.keySet()), errors.toString());
            String message = errors.get(PgVectorSinkConfig.PASSWORD).get(0);
            assertTrue(
                    message.contains("password authentication failed for user \"vecsync\"")
                            && message.contains("check pgvector.user and pgvector.password"),
                    message);
        }
    }

    @Test
    void aTaskWithAWrongPasswordFailsNamingTheKeys() {
        try (FakeLoginServer server = FakeLoginServer.refusingPasswords()) {
            Map<String, String> props = config(server.url());
            props.put(PgVectorSinkConfig.PASSWORD, SECRET);
            ConnectException error = assertThrows(ConnectException.class, () -> tasks.start(props));
            assertTrue(
                    error.getMessage().contains("password authentication failed")
                            && error.getMessage().contains("check pgvector.user and pgvector.password"),
                    error.getMessage());
        }
    }

    @Test
    void anUnknownUserIsReportedOnTheUserKey() {
        // The user of the URL would win over the key.
        Map<String, String> props = config(PostgresServer.jdbcUrl().replaceFirst("\\?.*", ""));
        props.put(PgVectorSinkConfig.USER, "no_such_role_4711");
        Map<String, List<String>> errors = ShippedConfigs.errors(new PgVectorSinkConnector(), props);
        assertEquals(List.of(PgVectorSinkConfig.USER), List.copyOf(errors.keySet()), errors.toString());
        assertTrue(errors.get(PgVectorSinkConfig.USER).get(0).contains("no_such_role_4711"), errors.toString());
    }

    @Test
    void aMissingDatabaseIsReportedOnTheUrlKey() {
        Map<String, String> props =
                config(PostgresServer.jdbcUrl().replaceFirst("/vecsync\\b", "/no_such_database_4711"));
        Map<String, List<String>> errors = ShippedConfigs.errors(new PgVectorSinkConnector(), props);
        assertEquals(List.of(PgVectorSinkConfig.URL), List.copyOf(errors.keySet()), errors.toString());
        assertTrue(errors.get(PgVectorSinkConfig.URL).get(0).contains("no_such_database_4711"), errors.toString());
    }

    @Test
    void aServerNobodyListensOnIsNoConfigErrorTheTasksRetry() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        Map<String, List<String>> errors = ShippedConfigs.errors(
                new PgVectorSinkConnector(), config("jdbc:postgresql://127.0.0.1:" + port + "/video"));
        assertEquals(Map.of(), errors, "a server down now must not stop the connector being created");
    }

    @Test
    void aServerThatNeverAnswersEndsTheCheckAtTheLoginTimeoutWithoutAConfigError() {
        try (FakeLoginServer server = FakeLoginServer.silent()) {
            Map<String, List<String>> errors = ShippedConfigs.errors(new PgVectorSinkConnector(), config(server.url()));
            assertEquals(Map.of(), errors, "a server not answering now must not stop the connector being created");
        }
    }

    @Test
    void aPasswordInTheUrlIsRefusedNamingTheKeysToUseWithoutEchoingIt() {
        for (String url : List.of(
                "jdbc:postgresql://db:5432/video?user=vecsync&password=" + SECRET,
                "jdbc:postgresql://vecsync:" + SECRET + "@db:5432/video")) {
            ConfigException error = assertThrows(ConfigException.class, () -> new PgVectorSinkConfig(config(url)));
            assertTrue(
                    error.getMessage().contains(PgVectorSinkConfig.PASSWORD)
                            && error.getMessage().contains(PgVectorSinkConfig.USER),
                    error.getMessage());
            assertFalse(error.getMessage().contains(SECRET), error.getMessage());
            Map<String, List<String>> errors = ShippedConfigs.errors(new PgVectorSinkConnector(), config(url));
            assertEquals(List.of(PgVectorSinkConfig.URL), List.copyOf(errors.keySet()), errors.toString());
            assertFalse(errors.toString().contains(SECRET), errors.toString());
        }
    }

    /** What a worker logs while validating and starting a task with a wrong password, or a URL that carries one. */
    @Test
    void thePasswordShowsInNoLogLine() {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try (FakeLoginServer server = FakeLoginServer.refusingPasswords()) {
            Map<String, String> props = config(server.url());
            props.put(PgVectorSinkConfig.PASSWORD, SECRET);
            ShippedConfigs.errors(new PgVectorSinkConnector(), props);
            assertThrows(ConnectException.class, () -> tasks.start(props));
            Map<String, String> inUrl = config(PostgresServer.jdbcUrl() + "&password=" + SECRET);
            ShippedConfigs.errors(new PgVectorSinkConnector(), inUrl);
            assertThrows(ConfigException.class, () -> tasks.start(inUrl));
        } finally {
            System.setErr(stderr);
        }
        String log = logged.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains(PgVectorSinkConfig.PASSWORD + " = [hidden]"), "the task logged its config:\n" + log);
        assertFalse(log.contains(SECRET), log);
    }
}
