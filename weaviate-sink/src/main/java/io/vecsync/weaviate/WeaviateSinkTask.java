/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.core.sink.VectorStore;
import java.util.Map;

/** Writes segment records into a Weaviate collection. */
public class WeaviateSinkTask extends VectorSinkTask {

    @Override
    protected CommonSinkConfig parseConfig(Map<String, String> props) {
        return new WeaviateSinkConfig(props);
    }

    @Override
    protected VectorStore openStore(CommonSinkConfig config) {
        return new WeaviateStore((WeaviateSinkConfig) config);
    }
}
