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

    /**
     * Where the query service finds the store's searcher.
     *
     * @param store          the store's name, as {@code store=} in the query service's config names it
     * @param provider       the searcher provider class that name must find
     * @param connectionKeys the keys that say where the store is and how to log in, in the searcher's order
     */
    public record Searcher(String store, Class<? extends SearcherProvider> provider, List<String> connectionKeys) {}

    private final Searcher searcher;

    protected SinkConformanceSuite(Plugin plugin, Searcher searcher) {
        super(plugin);
        this.searcher = searcher;
    }

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
                List.of(searcher.store()),
                providers.stream().map(SearcherProvider::store).toList(),
                "the module's own searcher");
        SearcherProvider provider = providers.get(0);
        assertEquals(searcher.provider(), provider.getClass());
        assertEquals(searcher.connectionKeys(), provider.connectionKeys());
        assertTrue(
                provider.configKeys().containsAll(provider.connectionKeys()),
                provider.connectionKeys().toString());
    }
}
