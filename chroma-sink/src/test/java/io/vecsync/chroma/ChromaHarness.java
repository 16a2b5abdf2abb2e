/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.StoreTestHarness;
import java.util.HashMap;
import java.util.Map;

/**
 * Sink tasks against the real Chroma, directly or through a {@link ChromaProxy}, with a dimension of 4; registered as
 * a test class's extension, it stops the tasks, drops the collection and clears the proxy after each test.
 */
final class ChromaHarness extends StoreTestHarness<VectorSinkTask> {

    private static final String NOT_INSTALLED =
            "Chroma is not installed here (bin/chroma-provision needs python3 and PyPI)";
    static final String COLLECTION = "harness-segments";

    private final boolean throughProxy;
    private ChromaTestCollections chroma;
    private ChromaProxy proxy;

    /** @param throughProxy whether the tasks reach Chroma through a proxy the test can make misbehave */
    ChromaHarness(boolean throughProxy) {
        super(ChromaSinkTask::new);
        this.throughProxy = throughProxy;
    }

    /** The real Chroma's URL, started on first use; where it is not installed, the test calling this is skipped, saying why. */
    static String url() {
        assumeTrue(ChromaServer.available(), NOT_INSTALLED);
        return ChromaServer.get().url();
    }

    /** Chroma itself, outside the sink. */
    synchronized ChromaTestCollections chroma() {
        if (chroma == null) {
            chroma = new ChromaTestCollections(url());
        }
        return chroma;
    }

    synchronized ChromaProxy proxy() {
        if (proxy == null) {
            proxy = ChromaProxy.start(url());
        }
        return proxy;
    }

    @Override
    protected Map<String, String> storeProps() {
        chroma(); // so that clearStore() drops what the tasks write
        Map<String, String> props = new HashMap<>();
        props.put(ChromaSinkConfig.URL, throughProxy ? proxy().url() : url());
        props.put(ChromaSinkConfig.COLLECTION, COLLECTION);
        props.put(CommonSinkConfig.EMBEDDING_DIMENSION, "4");
        return props;
    }

    /** Drops the collection and clears the proxy, for the next test. */
    @Override
    protected synchronized void clearStore() {
        if (chroma != null) {
            chroma.drop(COLLECTION);
        }
        if (proxy != null) {
            proxy.reset();
        }
    }

    @Override
    protected synchronized void release() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
