/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.sink.VectorSinkConnector;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;

/** Keeps a Weaviate collection in sync with the segment topic: upserts by segment id, and deletes on tombstones. */
public class WeaviateSinkConnector extends VectorSinkConnector {

    public WeaviateSinkConnector() {
        super(WeaviateSinkConfig.CONFIG_DEF, WeaviateSinkConfig::new, WeaviateSinkTask.class);
    }

    /** A segment has one tenant: a fixed one or one named by a field, not both; a trust store needs https. */
    @Override
    protected void validateStore(Map<String, ConfigValue> values) {
        ConfigValue tenantField = values.get(WeaviateSinkConfig.TENANT_FIELD);
        if (isSet(values.get(WeaviateSinkConfig.TENANT)) && isSet(tenantField)) {
            tenantField.addErrorMessage(WeaviateSinkConfig.TENANT_FIELD + " and " + WeaviateSinkConfig.TENANT
                    + " both name the tenant: set one of them");
        }
        ConfigValue truststore = values.get(WeaviateSinkConfig.TRUSTSTORE_PATH);
        ConfigValue scheme = values.get(WeaviateSinkConfig.SCHEME);
        if (isSet(truststore) && scheme != null && "http".equals(scheme.value())) {
            truststore.addErrorMessage(
                    WeaviateSinkConfig.TRUSTSTORE_PATH + " is for TLS, but " + WeaviateSinkConfig.SCHEME + " is http");
        }
    }

    private static boolean isSet(ConfigValue value) {
        return value != null
                && value.errorMessages().isEmpty()
                && value.value() instanceof String text
                && !text.isBlank();
    }
}
