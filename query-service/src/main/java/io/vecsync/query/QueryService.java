/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformListener;
import io.vecsync.search.SearcherProvider;
import io.vecsync.search.StoreConfigException;
import io.vecsync.search.StoreException;
import io.vecsync.search.VectorSearcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The running service: the chosen store's searcher, one platform client (for query embeddings and media) and the
 * HTTP API over them.
 */
public final class QueryService implements AutoCloseable {

    private final VectorSearcher searcher;
    private final PlatformClient platform;
    private final MediaProxy media;
    private final HttpApi api;

    private QueryService(VectorSearcher searcher, PlatformClient platform, MediaProxy media, HttpApi api) {
        this.searcher = searcher;
        this.platform = platform;
        this.media = media;
        this.api = api;
    }

    /**
     * Starts the service, or fails with a message that names the config key to fix.
     *
     * @throws InvalidConfigException for a bad setting (the service's or the store's), an unknown store or an unreachable one
     */
    public static QueryService start(Map<String, String> props) throws IOException {
        QueryServiceConfig config = new QueryServiceConfig(props);
        SearcherProvider provider = provider(config.store());
        ServiceMetrics metrics = new ServiceMetrics();
        VectorSearcher searcher;
        try {
            searcher = new GuardedSearcher(provider.open(props), config.storeTimeout(), metrics);
        } catch (StoreConfigException e) {
            throw new InvalidConfigException(e.getMessage(), e);
        } catch (StoreException e) {
            throw unreachable(provider, e);
        }
        try {
            searcher.checkReachable();
        } catch (StoreException | UnavailableException e) {
            searcher.close();
            throw unreachable(provider, e);
        }
        return start(config, searcher, metrics);
    }

    /** The operator reads this one, so it carries the store's own words too. */
    private static InvalidConfigException unreachable(SearcherProvider provider, RuntimeException e) {
        String storeSays = e instanceof UnavailableException && e.getCause() instanceof StoreException cause
                ? " (" + cause.getMessage() + ")"
                : "";
        return new InvalidConfigException(
                "store " + provider.store() + " is unreachable (check " + String.join(", ", provider.connectionKeys())
                        + "): " + e.getMessage() + storeSays,
                e);
    }

    /** Starts the API over a searcher already opened and guarded: the store's own, or a test's. */
    static QueryService start(QueryServiceConfig config, VectorSearcher searcher, ServiceMetrics metrics)
            throws IOException {
        PlatformClient platform = new PlatformClient(config.platformSettings(), PlatformListener.NONE);
        PlatformTextEmbedder embedder = new PlatformTextEmbedder(config, platform, metrics);
        HealthCheck health = new HealthCheck(
                searcher, embedder, Duration.ofMillis(config.getLong(QueryServiceConfig.HEALTH_PLATFORM_CACHE_MS)));
        MediaLinks links = new MediaLinks(
                config.getString(QueryServiceConfig.PLATFORM_BASE_URL),
                config.getList(QueryServiceConfig.MEDIA_PATH_PREFIXES));
        MediaProxy media = new MediaProxy(config, links, platform);
        HttpApi api;
        try {
            api = new HttpApi(
                    config, new SearchService(searcher, embedder, config.dimension(), links), health, metrics, media);
        } catch (IOException | RuntimeException e) {
            media.close();
            platform.close();
            searcher.close();
            throw e;
        }
        api.start();
        return new QueryService(searcher, platform, media, api);
    }

    /** The searcher registered for the store name, or an InvalidConfigException listing those there are. */
    static SearcherProvider provider(String store) {
        List<SearcherProvider> providers = StreamSupport.stream(
                        ServiceLoader.load(SearcherProvider.class).spliterator(), false)
                .toList();
        return providers.stream()
                .filter(p -> p.store().equals(store))
                .findFirst()
                .orElseThrow(() -> InvalidConfigException.invalidValue(
                        QueryServiceConfig.STORE,
                        store,
                        "is not a store this service has; it has "
                                + providers.stream()
                                        .map(SearcherProvider::store)
                                        .sorted()
                                        .collect(Collectors.joining(", "))));
    }

    public int port() {
        return api.address().getPort();
    }

    InetSocketAddress address() {
        return api.address();
    }

    @Override
    public void close() {
        api.close();
        media.close();
        platform.close();
        searcher.close();
    }
}
