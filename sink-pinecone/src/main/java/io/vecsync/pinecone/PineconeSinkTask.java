package io.vecsync.pinecone;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.core.sink.VectorStore;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes segment records into a Pinecone index; with a per-topic namespace, each topic's records into its own. */
public class PineconeSinkTask extends VectorSinkTask {

    private NamespaceTemplate namespace;
    private PineconeStore store;

    @Override
    protected CommonSinkConfig parseConfig(Map<String, String> props) {
        PineconeSinkConfig config = new PineconeSinkConfig(props);
        namespace = config.namespace();
        return config;
    }

    @Override
    protected VectorStore openStore(CommonSinkConfig config) {
        // A per-topic namespace is set before each topic's records; the one given here is then never written to.
        store = new PineconeStore((PineconeSinkConfig) config, namespace.perTopic() ? "" : namespace.resolve(""));
        return store;
    }

    /**
     * With a per-topic namespace, each topic's records are written as a put of their own: the same segment id in two
     * topics is two vectors in two namespaces, so records of different topics must not be collapsed together.
     */
    @Override
    public void put(Collection<SinkRecord> records) {
        if (!namespace.perTopic() || records.isEmpty()) {
            super.put(records);
            return;
        }
        Map<String, List<SinkRecord>> byTopic = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            byTopic.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(record);
        }
        for (Map.Entry<String, List<SinkRecord>> topic : byTopic.entrySet()) {
            store.writer().useNamespace(namespace.resolve(topic.getKey()));
            super.put(topic.getValue());
        }
    }
}
