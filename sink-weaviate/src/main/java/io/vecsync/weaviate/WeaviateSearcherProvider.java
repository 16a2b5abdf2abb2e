package io.vecsync.weaviate;

import io.vecsync.core.search.SearcherProvider;
import io.vecsync.core.search.VectorSearcher;
import org.apache.kafka.common.config.ConfigDef;

import java.util.List;
import java.util.Map;

/** The Weaviate searcher, configured with the sink's {@code weaviate.*} keys. */
public final class WeaviateSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "weaviate";
    }

    @Override
    public ConfigDef configDef() {
        return WeaviateSinkConfig.CONFIG_DEF;
    }

    @Override
    public List<String> connectionKeys() {
        return List.of(WeaviateSinkConfig.SCHEME, WeaviateSinkConfig.HOST, WeaviateSinkConfig.HTTP_PORT, WeaviateSinkConfig.GRPC_HOST,
                WeaviateSinkConfig.GRPC_PORT, WeaviateSinkConfig.API_KEY);
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        return new WeaviateSearcher(new WeaviateSinkConfig(config));
    }
}
