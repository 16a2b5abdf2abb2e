package io.vecsync.pinecone;

import io.vecsync.core.search.SearcherProvider;
import io.vecsync.core.search.VectorSearcher;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;

/** The Pinecone searcher, configured with the sink's {@code pinecone.*} keys (and its {@code topics} for a per-topic namespace). */
public final class PineconeSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "pinecone";
    }

    @Override
    public ConfigDef configDef() {
        return PineconeSinkConfig.CONFIG_DEF;
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        PineconeSinkConfig parsed = new PineconeSinkConfig(config);
        return new PineconeSearcher(parsed, parsed.namespace().forSearch(config));
    }
}
