/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.testing.ShippedConfigs;
import io.vecsync.testing.SinkConformanceSuite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class WeaviateSinkConnectorTest extends SinkConformanceSuite {

    WeaviateSinkConnectorTest() {
        super(
                new Plugin(
                        WeaviateSinkConnector::new,
                        minimal(),
                        "weaviate-sink",
                        "Weaviate sink configuration",
                        WeaviateSinkConfig.CONFIG_DEF),
                new Searcher(
                        "weaviate",
                        WeaviateSearcherProvider.class,
                        List.of(
                                WeaviateSinkConfig.SCHEME,
                                WeaviateSinkConfig.HOST,
                                WeaviateSinkConfig.HTTP_PORT,
                                WeaviateSinkConfig.GRPC_HOST,
                                WeaviateSinkConfig.GRPC_PORT,
                                WeaviateSinkConfig.API_KEY)));
    }

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(WeaviateSinkConfig.HOST, "weaviate");
        props.put(WeaviateSinkConfig.API_KEY, "wv-secret");
        return props;
    }

    @Test
    void defaultsMatchTheDocs() {
        WeaviateSinkConfig config = new WeaviateSinkConfig(minimal());
        assertEquals("VideoSegment", config.collection());
        assertEquals(8080, config.httpPort());
        assertEquals(50051, config.grpcPort());
        assertEquals("weaviate", config.grpcHost(), "the gRPC host defaults to the REST host");
        assertEquals(1024, config.dimension());
        assertEquals(60, config.timeoutSeconds());
        assertFalse(config.multiTenant());
        assertFalse(config.toString().contains("wv-secret"));
    }

    @Test
    void namesWeaviateWouldRefuseAreRefusedInConfig() {
        Map<String, String> props = minimal();
        props.put(WeaviateSinkConfig.COLLECTION, "video-segments");
        ConfigException error = assertThrows(ConfigException.class, () -> new WeaviateSinkConfig(props));
        assertTrue(error.getMessage().contains(WeaviateSinkConfig.COLLECTION), error.getMessage());
        props.remove(WeaviateSinkConfig.COLLECTION);
        props.put(WeaviateSinkConfig.TENANT, "tenant with spaces");
        assertThrows(ConfigException.class, () -> new WeaviateSinkConfig(props));
        props.remove(WeaviateSinkConfig.TENANT);
        props.put(WeaviateSinkConfig.HOST, "http://weaviate:8080");
        assertThrows(ConfigException.class, () -> new WeaviateSinkConfig(props));
    }

    @Test
    void theTimeoutIsRoundedUpToTheClientsSeconds() {
        Map<String, String> props = minimal();
        props.put(WeaviateSinkConfig.TIMEOUT_MS, "2500");
        assertEquals(3, new WeaviateSinkConfig(props).timeoutSeconds());
    }

    @Test
    void validateReportsCrossFieldErrorsOnTheKey() {
        Map<String, String> props = minimal();
        props.put(WeaviateSinkConfig.TENANT, "acme");
        props.put(WeaviateSinkConfig.TENANT_FIELD, "customer");
        props.put(WeaviateSinkConfig.TRUSTSTORE_PATH, "/etc/kafka/weaviate-ca.p12");
        props.put(WeaviateSinkConfig.RETRY_BACKOFF_MS, "60000");
        Map<String, List<String>> errors = ShippedConfigs.errors(new WeaviateSinkConnector(), props);
        assertEquals(
                List.of("weaviate.tenant.field and weaviate.tenant both name the tenant: set one of them"),
                errors.get(WeaviateSinkConfig.TENANT_FIELD));
        assertEquals(
                List.of("weaviate.tls.truststore.path is for TLS, but weaviate.scheme is http"),
                errors.get(WeaviateSinkConfig.TRUSTSTORE_PATH));
        assertEquals(
                List.of("retry.backoff.ms (60000) must not exceed retry.backoff.max.ms (30000)"),
                errors.get(WeaviateSinkConfig.RETRY_BACKOFF_MS));
        assertEquals(3, errors.size());
    }
}
