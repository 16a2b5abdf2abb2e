/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.pinecone.clients.Index;
import io.pinecone.clients.Pinecone;
import io.pinecone.proto.ListItem;
import io.pinecone.proto.ListResponse;
import io.pinecone.proto.Vector;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.StoredPoint;
import io.vecsync.testing.VectorSinkBehaviourSuite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.openapitools.db_control.client.model.IndexModel;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.pinecone.PineconeLocalContainer;

/**
 * The shared sink behaviour against the real Pinecone Local emulator; skipped where Docker is not available.
 * Pinecone Local serves each index on a port of its own from 5081 up and reports it as localhost:PORT, so the
 * container's ports are bound to the same host ports.
 */
@Testcontainers(disabledWithoutDocker = true)
class PineconeLocalContainerTest extends VectorSinkBehaviourSuite {

    /** The newest emulator: Pinecone Local trails the client's API version, and older images trail it further. */
    private static final String IMAGE = "ghcr.io/pinecone-io/pinecone-local:latest";

    private static final String INDEX = "behaviour-segments";
    private static final String API_KEY = "pclocal";

    @Container
    private static final PineconeLocalContainer PINECONE = withFixedPorts(new PineconeLocalContainer(IMAGE));

    private static PineconeLocalContainer withFixedPorts(PineconeLocalContainer container) {
        container.setPortBindings(IntStream.rangeClosed(5080, 5090)
                .mapToObj(port -> port + ":" + port)
                .toList());
        return container.withEnv("PINECONE_HOST", "localhost");
    }

    private static Pinecone control;
    private IndexConnection reader;

    @AfterEach
    void closeReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    protected VectorSinkTask newTask() {
        return new PineconeSinkTask();
    }

    @Override
    protected Map<String, String> storeProps() {
        return Map.of(
                PineconeSinkConfig.API_KEY,
                API_KEY,
                PineconeSinkConfig.HOST,
                PINECONE.getEndpoint(),
                PineconeSinkConfig.TLS,
                "false",
                PineconeSinkConfig.INDEX,
                INDEX);
    }

    private static synchronized Pinecone control() {
        if (control == null) {
            control = new Pinecone.Builder(API_KEY)
                    .withHost(PINECONE.getEndpoint())
                    .withTlsEnabled(false)
                    .build();
        }
        return control;
    }

    private IndexModel describe() {
        try {
            return control().describeIndex(INDEX);
        } catch (RuntimeException e) {
            if (PineconeErrors.isNotFound(e)) {
                return null;
            }
            throw e;
        }
    }

    /** Every vector of the default namespace, through the client's list and fetch. */
    @Override
    protected Map<String, StoredPoint> readAll() {
        Map<String, StoredPoint> points = new HashMap<>();
        if (describe() == null) {
            return points;
        }
        if (reader == null) {
            reader = new IndexConnection(new PineconeSinkConfig(storeProps()));
        }
        Index index = reader.index();
        List<String> ids = new ArrayList<>();
        ListResponse page = index.list("", 100);
        page.getVectorsList().stream().map(ListItem::getId).forEach(ids::add);
        while (page.hasPagination() && !page.getPagination().getNext().isEmpty()) {
            page = index.list("", 100, page.getPagination().getNext());
            page.getVectorsList().stream().map(ListItem::getId).forEach(ids::add);
        }
        if (!ids.isEmpty()) {
            for (Vector vector : index.fetch(ids, "").getVectorsMap().values()) {
                float[] values = new float[vector.getValuesCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = vector.getValues(i);
                }
                Map<String, String> payload = new HashMap<>();
                PineconeMetadata.fromStruct(vector.getMetadata())
                        .forEach((key, value) -> payload.put(key, String.valueOf(value)));
                points.put(vector.getId(), new StoredPoint(values, payload));
            }
        }
        return points;
    }

    @Override
    protected void createTargetWithDimension(int dimension) {
        control().createServerlessIndex(INDEX, "cosine", dimension, "aws", "us-east-1", "disabled", null);
        Eventually.await(Duration.ofSeconds(60), "index " + INDEX + " to be ready", () -> {
            IndexModel model = describe();
            return model != null && Boolean.TRUE.equals(model.getStatus().getReady());
        });
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> props) {
        return new PineconeSearcherProvider().open(props);
    }

    /**
     * Empties the index when it has the suite's dimension, and deletes it otherwise: every new index takes another
     * port, and only 5081 to 5090 are bound.
     */
    @Override
    protected void dropTarget() {
        IndexModel model = describe();
        if (model == null) {
            return;
        }
        if (model.getDimension() != null && model.getDimension() == DIMENSION && "cosine".equals(model.getMetric())) {
            try (IndexConnection connection = new IndexConnection(new PineconeSinkConfig(storeProps()))) {
                connection.index().deleteAll("");
            } catch (RuntimeException e) {
                if (!PineconeErrors.isNotFound(e)) {
                    throw e;
                }
            }
            return;
        }
        control().deleteIndex(INDEX);
        Eventually.await(Duration.ofSeconds(60), "index " + INDEX + " to be deleted", () -> describe() == null);
    }
}
