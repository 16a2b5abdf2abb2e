/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.core.sink.VectorStore;
import java.util.Map;

/** Writes segment records into a Pinecone index; with a per-topic namespace, each topic's records into its own. */
public class PineconeSinkTask extends VectorSinkTask {

    private boolean namespacePerTopic;

    @Override
    protected CommonSinkConfig parseConfig(Map<String, String> props) {
        PineconeSinkConfig config = new PineconeSinkConfig(props);
        namespacePerTopic = config.namespace().perTopic();
        return config;
    }

    @Override
    protected VectorStore openStore(CommonSinkConfig config) {
        return new PineconeStore((PineconeSinkConfig) config);
    }

    /** The same segment id in two topics is two vectors in two namespaces: records of different topics never mix. */
    @Override
    protected boolean batchesPerTopic() {
        return namespacePerTopic;
    }
}
