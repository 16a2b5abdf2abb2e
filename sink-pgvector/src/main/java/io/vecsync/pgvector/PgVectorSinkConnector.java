package io.vecsync.pgvector;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkConnector;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

import java.util.Map;

/** Keeps a PostgreSQL table with a pgvector column in sync with the segment topic: upserts, and deletes on tombstones. */
public class PgVectorSinkConnector extends VectorSinkConnector {

    @Override
    protected CommonSinkConfig parseConfig(Map<String, String> props) {
        return new PgVectorSinkConfig(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PgVectorSinkTask.class;
    }

    @Override
    public ConfigDef config() {
        return PgVectorSinkConfig.CONFIG_DEF;
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
