/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.vecsync.core.sink.VectorSinkConnector;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;

/** Keeps a Qdrant collection in sync with the segment topic: upserts, and deletes on tombstones. */
public class QdrantSinkConnector extends VectorSinkConnector {

    public QdrantSinkConnector() {
        super(QdrantSinkConfig.CONFIG_DEF, QdrantSinkConfig::new, QdrantSinkTask.class);
    }

    /** A CA file only means something over TLS; without it the setting would be silently ignored. */
    @Override
    protected void validateStore(Map<String, ConfigValue> values) {
        ConfigValue caFile = values.get(QdrantSinkConfig.TLS_CA_FILE);
        ConfigValue tls = values.get(QdrantSinkConfig.TLS);
        if (caFile != null
                && caFile.value() instanceof String file
                && !file.isBlank()
                && tls != null
                && Boolean.FALSE.equals(tls.value())) {
            caFile.addErrorMessage(QdrantSinkConfig.TLS_CA_FILE + " is set, but " + QdrantSinkConfig.TLS + " is false");
        }
    }
}
