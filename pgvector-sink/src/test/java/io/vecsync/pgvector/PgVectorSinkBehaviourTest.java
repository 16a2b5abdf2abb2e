/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.StoredPoint;
import io.vecsync.testing.VectorSinkBehaviourSuite;
import java.util.Map;

/** The shared sink behaviour on a real PostgreSQL with pgvector. */
class PgVectorSinkBehaviourTest extends VectorSinkBehaviourSuite {

    private static final String TABLE = "behaviour_segments";

    @Override
    protected VectorSinkTask newTask() {
        return new PgVectorSinkTask();
    }

    @Override
    protected Map<String, String> storeProps() {
        return Map.of(PgVectorSinkConfig.URL, PostgresServer.jdbcUrl(), PgVectorSinkConfig.TABLE, TABLE);
    }

    @Override
    protected Map<String, StoredPoint> readAll() {
        return PgTestDatabase.readAll(TABLE);
    }

    @Override
    protected void createTargetWithDimension(int dimension) {
        PgTestDatabase.createDocsTable(TABLE, dimension);
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> props) {
        return new PgVectorSearcherProvider().open(props);
    }

    @Override
    protected void dropTarget() {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
    }
}
