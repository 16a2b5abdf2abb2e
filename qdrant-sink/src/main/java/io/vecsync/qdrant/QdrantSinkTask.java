/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.core.sink.VectorStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes segment records into a Qdrant collection. */
public class QdrantSinkTask extends VectorSinkTask {

    private static final Logger log = LoggerFactory.getLogger(QdrantSinkTask.class);

    @Override
    protected CommonSinkConfig parseConfig(Map<String, String> props) {
        return new QdrantSinkConfig(props);
    }

    @Override
    protected VectorStore openStore(CommonSinkConfig config) {
        QdrantSinkConfig qdrant = (QdrantSinkConfig) config;
        if (qdrant.apiKey() != null && !qdrant.tls()) {
            log.warn(
                    "{} is set but {} is false: the API key travels to {} in clear text",
                    QdrantSinkConfig.API_KEY,
                    QdrantSinkConfig.TLS,
                    qdrant.host());
        }
        return new QdrantStore(qdrant);
    }
}
