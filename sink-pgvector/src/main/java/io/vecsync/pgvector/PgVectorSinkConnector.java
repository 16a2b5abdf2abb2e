package io.vecsync.pgvector;

import io.vecsync.core.sink.VectorSinkConnector;
import org.apache.kafka.common.config.ConfigValue;

import java.util.Map;

/** Keeps a PostgreSQL table with a pgvector column in sync with the segment topic: upserts, and deletes on tombstones. */
public class PgVectorSinkConnector extends VectorSinkConnector {

    public PgVectorSinkConnector() {
        super(PgVectorSinkConfig.CONFIG_DEF, PgVectorSinkConfig::new, PgVectorSinkTask.class);
    }

    /** Initial-load mode holds back an index; with none configured there is nothing to hold back. */
    @Override
    protected void validateStore(Map<String, ConfigValue> values) {
        ConfigValue initialLoad = values.get(PgVectorSinkConfig.INITIAL_LOAD);
        ConfigValue index = values.get(PgVectorSinkConfig.INDEX);
        if (initialLoad != null && Boolean.TRUE.equals(initialLoad.value()) && index != null && "none".equals(index.value())) {
            initialLoad.addErrorMessage(PgVectorSinkConfig.INITIAL_LOAD + " defers the vector index, but "
                    + PgVectorSinkConfig.INDEX + " is none");
        }
    }
}
