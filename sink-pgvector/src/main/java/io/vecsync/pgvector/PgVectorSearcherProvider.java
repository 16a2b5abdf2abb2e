package io.vecsync.pgvector;

import io.vecsync.core.search.SearcherProvider;
import io.vecsync.core.search.VectorSearcher;
import org.apache.kafka.common.config.ConfigDef;

import java.util.List;
import java.util.Map;

/** The pgvector searcher, configured with the sink's {@code pgvector.*} keys. */
public final class PgVectorSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "pgvector";
    }

    @Override
    public ConfigDef configDef() {
        return PgVectorSinkConfig.CONFIG_DEF;
    }

    @Override
    public List<String> connectionKeys() {
        return List.of(PgVectorSinkConfig.URL, PgVectorSinkConfig.USER, PgVectorSinkConfig.PASSWORD);
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        return new PgVectorSearcher(new PgVectorSinkConfig(config));
    }
}
