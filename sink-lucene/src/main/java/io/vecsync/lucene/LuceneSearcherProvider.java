package io.vecsync.lucene;

import io.vecsync.core.search.SearcherProvider;
import io.vecsync.core.search.VectorSearcher;
import org.apache.kafka.common.config.ConfigDef;

import java.util.List;
import java.util.Map;

/** The Lucene searcher, configured with the sink's {@code lucene.*} keys. */
public final class LuceneSearcherProvider implements SearcherProvider {

    @Override
    public String store() {
        return "lucene";
    }

    @Override
    public ConfigDef configDef() {
        return LuceneSinkConfig.CONFIG_DEF;
    }

    @Override
    public List<String> connectionKeys() {
        return List.of(LuceneSinkConfig.DIRECTORY);
    }

    @Override
    public VectorSearcher open(Map<String, String> config) {
        return new LuceneSearcher(new LuceneSinkConfig(config).directory());
    }
}
