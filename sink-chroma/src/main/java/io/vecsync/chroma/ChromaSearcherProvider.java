package io.vecsync.chroma;

import io.vecsync.core.search.SearcherProvider;
import io.vecsync.core.search.VectorSearcher;
import org.apache.kafka.common.config.ConfigDef;

import java.util.List;
import java.util.Map;

/** The Chroma searcher, configured with the sink's {@code chroma.*} keys. */
public final class ChromaSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "chroma";
    }

    @Override
    public ConfigDef configDef() {
        return ChromaSinkConfig.CONFIG_DEF;
    }

    @Override
    public List<String> connectionKeys() {
        return List.of(ChromaSinkConfig.URL, ChromaSinkConfig.TOKEN, ChromaSinkConfig.TENANT, ChromaSinkConfig.DATABASE);
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        return new ChromaSearcher(new ChromaSinkConfig(config));
    }
}
