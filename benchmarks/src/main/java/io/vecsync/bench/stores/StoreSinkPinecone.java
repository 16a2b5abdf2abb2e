/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.pinecone.clients.Index;
import io.pinecone.clients.Pinecone;
import io.vecsync.bench.common.SegmentRow;
import io.vecsync.bench.common.SegmentRows;
import io.vecsync.pinecone.PineconeSinkConfig;
import io.vecsync.pinecone.PineconeSinkConnector;
import io.vecsync.pinecone.fake.FakePinecone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pinecone's fake (REST control plane, gRPC data plane) with the official client's {@code Index.upsert} per vector. */
final class StoreSinkPinecone implements StoreSinkTarget.Fake {

    private static final String API_KEY = "bench-key";
    /** The default namespace, where the sink writes without pinecone.namespace. */
    private static final String NAMESPACE = "";

    private final FakePinecone fake = FakePinecone.start(API_KEY);
    private final Pinecone client = new Pinecone.Builder(API_KEY)
            .withHost(fake.controlPlaneUrl())
            .withTlsEnabled(false)
            .build();
    /** By index name: the client describes the index (a control-plane request) each time it hands out a connection. */
    private final Map<String, Index> connections = new HashMap<>();

    @Override
    public String name() {
        return "Pinecone";
    }

    @Override
    public Map<String, String> sinkConfig(String run) {
        return Map.of(
                "connector.class",
                PineconeSinkConnector.class.getName(),
                PineconeSinkConfig.API_KEY,
                API_KEY,
                PineconeSinkConfig.HOST,
                fake.controlPlaneUrl(),
                PineconeSinkConfig.TLS,
                "false",
                PineconeSinkConfig.INDEX,
                index(run));
    }

    /** Pinecone's own count, through the client: the fake's accessor for the vectors copies every one of them. */
    @Override
    public int pointCount(String run) {
        String name = index(run);
        return fake.index(name).isEmpty()
                ? 0
                : connection(name).describeIndexStats().getTotalVectorCount();
    }

    private Index connection(String name) {
        return connections.computeIfAbsent(name, client::getIndexConnection);
    }

    @Override
    public StoreSinkBaseline baseline() {
        return new StoreSinkDirectLoop(
                this, "the official Java client (pinecone-client), Index.upsert a vector", this::openDirect);
    }

    private StoreSinkDirectLoop.PointWriter openDirect(String run) throws Exception {
        String name = index(run);
        client.createServerlessIndex(name, "cosine", SegmentRows.DIMENSION, "aws", "us-east-1", "disabled", null);
        while (!client.describeIndex(name).getStatus().getReady()) {
            Thread.sleep(100);
        }
        Index index = connection(name);
        return row -> index.upsert(row.id().toString(), values(row.embedding()), null, null, metadata(row), NAMESPACE);
    }

    /** The list of boxed floats the client takes, built per vector as a docs-style loop builds it. */
    private static List<Float> values(float[] vector) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        return values;
    }

    private static Struct metadata(SegmentRow row) {
        Struct.Builder metadata = Struct.newBuilder();
        StoreSinkTarget.payload(row)
                .forEach((key, value) -> metadata.putFields(
                        key,
                        value instanceof Double number
                                ? Value.newBuilder().setNumberValue(number).build()
                                : Value.newBuilder()
                                        .setStringValue(value.toString())
                                        .build()));
        return metadata.build();
    }

    private static String index(String run) {
        return "bench-" + run;
    }

    @Override
    public void close() {
        connections.values().forEach(Index::close);
        fake.close();
    }
}
