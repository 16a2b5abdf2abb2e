package io.vecsync.qdrant;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.core.sink.VectorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Writes segment records into a Qdrant collection. */
public class QdrantSinkTask extends VectorSinkTask {

    private static final Logger log = LoggerFactory.getLogger(QdrantSinkTask.class);

    @Override
    protected CommonSinkConfig parseConfig(Map<String, String> props) {
        return new QdrantSinkConfig(props);
    }

    @Override
    protected VectorStore openStore(CommonSinkConfig config) {
        QdrantSinkConfig qdrant = (QdrantSinkConfig) config;
        if (qdrant.apiKey() != null && !qdrant.tls()) {
            log.warn("{} is set but {} is false: the API key travels to {} in clear text", QdrantSinkConfig.API_KEY,
                    QdrantSinkConfig.TLS, qdrant.host());
        }
        return new QdrantStore(qdrant);
    }
}
