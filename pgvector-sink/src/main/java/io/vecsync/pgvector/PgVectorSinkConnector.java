/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import io.vecsync.core.config.CrossFieldChecks;
import io.vecsync.core.sink.VectorSinkConnector;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a PostgreSQL table with a pgvector column in sync with the segment topic: upserts, and deletes on tombstones. */
public class PgVectorSinkConnector extends VectorSinkConnector {

    private static final Logger log = LoggerFactory.getLogger(PgVectorSinkConnector.class);
    private static final List<String> LOGIN_KEYS = List.of(
            PgVectorSinkConfig.URL,
            PgVectorSinkConfig.USER,
            PgVectorSinkConfig.PASSWORD,
            PgVectorSinkConfig.SSL_MODE,
            PgVectorSinkConfig.SOCKET_TIMEOUT_MS);

    public PgVectorSinkConnector() {
        super(PgVectorSinkConfig.CONFIG_DEF, PgVectorSinkConfig::new, PgVectorSinkTask.class);
    }

    /**
     * Initial-load mode holds back an index, so with none configured there is nothing to hold back; the server must
     * cancel a slow statement before the socket timeout gives the connection up; and the settings must log in.
     */
    @Override
    protected void validateStore(Map<String, ConfigValue> values) {
        ConfigValue initialLoad = values.get(PgVectorSinkConfig.INITIAL_LOAD);
        ConfigValue index = values.get(PgVectorSinkConfig.INDEX);
        if (initialLoad != null
                && Boolean.TRUE.equals(initialLoad.value())
                && index != null
                && "none".equals(index.value())) {
            initialLoad.addErrorMessage(PgVectorSinkConfig.INITIAL_LOAD + " defers the vector index, but "
                    + PgVectorSinkConfig.INDEX + " is none");
        }
        CrossFieldChecks.atMost(values, PgVectorSinkConfig.STATEMENT_TIMEOUT_MS, PgVectorSinkConfig.SOCKET_TIMEOUT_MS);
        if (LOGIN_KEYS.stream()
                .allMatch(key -> values.get(key) != null
                        && values.get(key).errorMessages().isEmpty())) {
            tryLogin(values);
        }
    }

    /**
     * Logs in as the tasks will, within the login timeout, and reports a refused login on the key to fix. A server this
     * worker cannot reach now is no config error: the connector is created and its tasks retry until it answers.
     */
    private static void tryLogin(Map<String, ConfigValue> values) {
        try {
            PgConnections.login(
                            ((String) values.get(PgVectorSinkConfig.URL).value()).trim(),
                            (String) values.get(PgVectorSinkConfig.USER).value(),
                            (Password) values.get(PgVectorSinkConfig.PASSWORD).value(),
                            (String) values.get(PgVectorSinkConfig.SSL_MODE).value(),
                            (Integer) values.get(PgVectorSinkConfig.SOCKET_TIMEOUT_MS)
                                    .value())
                    .close();
        } catch (SQLException e) {
            if (PgVectorErrors.isTransient(e)) {
                log.warn(
                        "PostgreSQL did not answer the login check ({}); the tasks will keep trying",
                        PgVectorErrors.describe(e));
                return;
            }
            values.get(PgVectorErrors.configKey(e))
                    .addErrorMessage(
                            "could not log in to PostgreSQL: " + PgVectorErrors.describe(e) + PgVectorErrors.hint(e));
        }
    }
}
