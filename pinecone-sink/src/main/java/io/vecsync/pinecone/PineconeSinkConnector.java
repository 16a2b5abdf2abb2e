/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.core.config.CrossFieldChecks;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkConnector;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;

/** Keeps a Pinecone index in sync with the segment topic: upserts, and deletes on tombstones. */
public class PineconeSinkConnector extends VectorSinkConnector {

    public PineconeSinkConnector() {
        super(PineconeSinkConfig.CONFIG_DEF, PineconeSinkConfig::new, PineconeSinkTask.class);
    }

    /** Pinecone's dense indexes stop at 20,000 dimensions, and its cloud serves the data plane over TLS only. */
    @Override
    protected void validateStore(Map<String, ConfigValue> values) {
        ConfigValue dimension = values.get(CommonSinkConfig.EMBEDDING_DIMENSION);
        CrossFieldChecks.longValue(dimension)
                .filter(value -> value > PineconeSinkConfig.MAX_DIMENSION)
                .ifPresent(value ->
                        dimension.addErrorMessage(CommonSinkConfig.EMBEDDING_DIMENSION + " (" + value + ") exceeds the "
                                + PineconeSinkConfig.MAX_DIMENSION + " dimensions of a Pinecone dense index"));
        ConfigValue tls = values.get(PineconeSinkConfig.TLS);
        ConfigValue host = values.get(PineconeSinkConfig.HOST);
        if (tls != null
                && Boolean.FALSE.equals(tls.value())
                && host != null
                && (host.value() == null || host.value().toString().isBlank())) {
            tls.addErrorMessage(PineconeSinkConfig.TLS + " is false, but Pinecone's cloud serves indexes over TLS only;"
                    + " plaintext needs " + PineconeSinkConfig.HOST + " naming a local server");
        }
    }
}
