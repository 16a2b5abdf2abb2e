/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.pinecone.clients.Pinecone;
import io.pinecone.exceptions.PineconeAlreadyExistsException;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.TargetAdmin;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.openapitools.db_control.client.model.IndexModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the index when it is missing — serverless, cosine, of the configured dimension, as in the platform docs —
 * and waits until it is ready; or verifies the index a user already has.
 */
final class PineconeIndexAdmin implements TargetAdmin {

    private static final Logger log = LoggerFactory.getLogger(PineconeIndexAdmin.class);
    private static final String COSINE = "cosine";
    /** How long start waits for a new index; after that the framework's retries take over the wait. */
    private static final Duration READY_WAIT = Duration.ofMinutes(2);

    private static final long MAX_POLL_MS = 5_000;

    private final PineconeSinkConfig config;
    private final IndexConnection connection;

    PineconeIndexAdmin(PineconeSinkConfig config, IndexConnection connection) {
        this.config = config;
        this.connection = connection;
    }

    @Override
    public void ensureTarget(int dimension) {
        String name = connection.indexName();
        try {
            IndexModel model = describe(name);
            if (model == null) {
                model = create(name, dimension);
            }
            verify(model, dimension);
            awaitReady(model);
        } catch (RuntimeException e) {
            throw PineconeErrors.INSTANCE.classify("preparing index " + name, e);
        }
    }

    private IndexModel describe(String name) {
        try {
            return connection.control().describeIndex(name);
        } catch (RuntimeException e) {
            if (PineconeErrors.isNotFound(e)) {
                return null;
            }
            throw e;
        }
    }

    private IndexModel create(String name, int dimension) {
        if (!config.createIndex()) {
            throw new ConnectException("index " + name + " does not exist and " + PineconeSinkConfig.CREATE_INDEX
                    + " is false;" + " create it (serverless, metric cosine, dimension " + dimension + ") or set "
                    + PineconeSinkConfig.CREATE_INDEX + "=true");
        }
        Pinecone control = connection.control();
        try {
            IndexModel created = control.createServerlessIndex(
                    name, COSINE, dimension, config.cloud(), config.region(), "disabled", null);
            log.info(
                    "created serverless index {} ({} dimensions, cosine) in {} {}",
                    name,
                    dimension,
                    config.cloud(),
                    config.region());
            return created;
        } catch (PineconeAlreadyExistsException raced) {
            // Tasks of one connector start together: another one created it first.
            return control.describeIndex(name);
        }
    }

    private void verify(IndexModel model, int dimension) {
        String name = model.getName();
        if ("sparse".equals(model.getVectorType())) {
            throw new ConnectException("index " + name + " is a sparse index, but segments have dense vectors; point "
                    + PineconeSinkConfig.INDEX + " at a dense index or a new name");
        }
        if (!COSINE.equals(model.getMetric())) {
            throw new ConnectException("index " + name + " uses the " + model.getMetric()
                    + " metric, expected cosine: the" + " platform's vectors are compared by cosine; point "
                    + PineconeSinkConfig.INDEX + " at a cosine index or a new name");
        }
        if (!Objects.equals(model.getDimension(), dimension)) {
            throw new ConnectException("index " + name + " has dimension " + model.getDimension() + ", but "
                    + CommonSinkConfig.EMBEDDING_DIMENSION + " is " + dimension + "; use an index of dimension "
                    + dimension
                    + " or change the setting");
        }
    }

    /** A new index takes a while before it accepts data. */
    private void awaitReady(IndexModel described) {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        long pauseMs = 100;
        IndexModel model = described;
        while (!ready(model)) {
            String state =
                    model.getStatus() == null ? "unknown" : model.getStatus().getState();
            if (System.nanoTime() > deadline) {
                throw new RetriableException("index " + model.getName() + " is not ready after "
                        + READY_WAIT.toSeconds() + " s (state " + state + ")");
            }
            log.info("waiting for index {} to be ready (state {})", model.getName(), state);
            sleep(pauseMs);
            pauseMs = Math.min(pauseMs * 2, MAX_POLL_MS);
            model = connection.control().describeIndex(model.getName());
        }
    }

    private static boolean ready(IndexModel model) {
        return model.getStatus() != null
                && Boolean.TRUE.equals(model.getStatus().getReady());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the index", e);
        }
    }
}
