/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.StoreTestHarness;
import io.vecsync.weaviate.fake.FakeWeaviate;
import java.util.HashMap;
import java.util.Map;

/**
 * Sink tasks against one Weaviate — the real server, or the fake for what a server cannot be made to do — with a
 * dimension of 4; registered as a test class's extension, it stops the tasks and empties Weaviate after each test, and
 * lets go of it after the last.
 */
final class WeaviateHarness extends StoreTestHarness<VectorSinkTask> {

    static final String COLLECTION = "HarnessSegment";

    private final FakeWeaviate fake;
    private final String apiKey;
    private WeaviateTestClient weaviate;

    private WeaviateHarness(FakeWeaviate fake, String apiKey) {
        super(WeaviateSinkTask::new);
        this.fake = fake;
        this.apiKey = apiKey;
    }

    /** Against the real server; its test class skips with {@link RealWeaviate} where the server is not built. */
    static WeaviateHarness onServer() {
        return new WeaviateHarness(null, null);
    }

    /** @param apiKey the key the fake wants, or null */
    static WeaviateHarness onFake(FakeWeaviate fake, String apiKey) {
        return new WeaviateHarness(fake, apiKey);
    }

    static WeaviateHarness onFake(FakeWeaviate fake) {
        return onFake(fake, null);
    }

    /** The Weaviate under test, reached with the official client and REST. */
    synchronized WeaviateTestClient weaviate() {
        if (weaviate == null) {
            weaviate = fake == null
                    ? RealWeaviate.client()
                    : new WeaviateTestClient(fake.host(), fake.httpPort(), fake.grpcPort(), apiKey);
        }
        return weaviate;
    }

    /**
     * The fake, for faults only it can be asked for.
     *
     * @throws IllegalStateException against the real server
     */
    FakeWeaviate fake() {
        if (fake == null) {
            throw new IllegalStateException("a test of the fake's faults runs against the real server");
        }
        return fake;
    }

    @Override
    protected Map<String, String> storeProps() {
        Map<String, String> props = new HashMap<>(weaviate().sinkProps());
        props.put(WeaviateSinkConfig.COLLECTION, COLLECTION);
        props.put(CommonSinkConfig.EMBEDDING_DIMENSION, "4");
        return props;
    }

    /** Empties Weaviate (and the fake's faults), for the next test. */
    @Override
    protected void clearStore() {
        if (fake != null) {
            fake.reset();
        } else if (weaviate != null) {
            weaviate.dropAll();
        }
    }

    @Override
    protected void release() {
        if (weaviate != null) {
            weaviate.close();
        }
        if (fake != null) {
            fake.close();
        }
    }
}
