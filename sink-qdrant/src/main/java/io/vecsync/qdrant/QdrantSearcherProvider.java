package io.vecsync.qdrant;

import io.vecsync.core.search.SearcherProvider;
import io.vecsync.core.search.VectorSearcher;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;

/** The Qdrant searcher, configured with the sink's {@code qdrant.*} keys. */
public final class QdrantSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "qdrant";
    }

    @Override
    public ConfigDef configDef() {
        return QdrantSinkConfig.CONFIG_DEF;
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        return new QdrantSearcher(new QdrantSinkConfig(config));
    }
}
