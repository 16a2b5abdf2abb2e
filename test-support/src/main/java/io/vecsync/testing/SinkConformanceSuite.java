/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.search.SearcherProvider;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The {@link ConnectorConformanceSuite} of a vecsync sink, plus what every sink shares: each task gets the connector's
 * config, and the store's searcher is found by the store's name and names its connection keys.
 */
public abstract class SinkConformanceSuite extends ConnectorConformanceSuite {

    /** The store's name, as {@code store=} in the query service's config names it. */
    protected abstract String store();

    /** The searcher provider class the store's name must find. */
    protected abstract Class<? extends SearcherProvider> searcherProvider();

    /** The keys that say where the store is and how to log in, in the searcher's order. */
    protected abstract List<String> connectionKeys();

    /** The connector's class and Connect's own sink settings, then anything the store adds. */
    @Override
    protected String referenceIntro() {
        return "`connector.class=" + newConnector().getClass().getName()
                + "`, plus Connect's own sink connector settings"
                + " (`topics`, `errors.tolerance`, `errors.deadletterqueue.topic.name`, ...).";
    }

    @Test
    void everyTaskGetsTheConnectorConfig() {
        var connector = newConnector();
        connector.start(minimalConfig());
        assertEquals(Collections.nCopies(3, minimalConfig()), connector.taskConfigs(3));
    }

    @Test
    void theSearcherIsFoundByItsStoreNameAndNamesItsConnectionKeys() {
        List<SearcherProvider> providers = ServiceLoader.load(SearcherProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        assertEquals(
                List.of(store()),
                providers.stream().map(SearcherProvider::store).toList(),
                "the module's own searcher");
        SearcherProvider provider = providers.get(0);
        assertEquals(searcherProvider(), provider.getClass());
        assertEquals(connectionKeys(), provider.connectionKeys());
        assertTrue(
                provider.configKeys().containsAll(provider.connectionKeys()),
                provider.connectionKeys().toString());
    }
}
