package io.vecsync.query;

import io.vecsync.core.search.SearcherProvider;
import io.vecsync.core.search.VectorSearcher;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The running service: the chosen store's searcher, the platform embedder and the HTTP API over them. */
public final class QueryService implements AutoCloseable {

    private final VectorSearcher searcher;
    private final TextEmbedder embedder;
    private final HttpApi api;

    private QueryService(VectorSearcher searcher, TextEmbedder embedder, HttpApi api) {
        this.searcher = searcher;
        this.embedder = embedder;
        this.api = api;
    }

    /**
     * Starts the service, or fails with a message that names the config key to fix.
     *
     * @throws ConfigException for a bad setting, an unknown store or an unreachable one
     */
    public static QueryService start(Map<String, String> props) throws IOException {
        QueryServiceConfig config = new QueryServiceConfig(props);
        SearcherProvider provider = provider(config.store());
        VectorSearcher searcher = provider.open(props);
        try {
            searcher.checkReachable();
        } catch (ConnectException e) {
            searcher.close();
            throw new ConfigException("store " + provider.store() + " is unreachable (check "
                    + String.join(", ", provider.connectionKeys()) + "): " + e.getMessage());
        }
        ServiceMetrics metrics = new ServiceMetrics();
        TextEmbedder embedder = new TextEmbedder(config, metrics);
        HttpApi api = new HttpApi(config, new SearchService(searcher, embedder, config.dimension()), searcher, embedder, metrics);
        api.start();
        return new QueryService(searcher, embedder, api);
    }

    /** The searcher registered for the store name, or a ConfigException listing those there are. */
    static SearcherProvider provider(String store) {
        List<SearcherProvider> providers = StreamSupport.stream(ServiceLoader.load(SearcherProvider.class).spliterator(), false).toList();
        return providers.stream().filter(p -> p.store().equals(store)).findFirst()
                .orElseThrow(() -> new ConfigException(QueryServiceConfig.STORE, store, "is not a store this service has; it has "
                        + providers.stream().map(SearcherProvider::store).sorted().collect(Collectors.joining(", "))));
    }

    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
        embedder.close();
        searcher.close();
    }
}
