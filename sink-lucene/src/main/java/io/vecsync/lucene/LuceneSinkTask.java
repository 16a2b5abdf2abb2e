package io.vecsync.lucene;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.core.sink.VectorStore;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/** Writes segment records into the embedded Lucene index. */
public class LuceneSinkTask extends VectorSinkTask {

    private LuceneStore store;

    @Override
    protected CommonSinkConfig parseConfig(Map<String, String> props) {
        return new LuceneSinkConfig(props);
    }

    @Override
    protected VectorStore openStore(CommonSinkConfig config) {
        store = new LuceneStore((LuceneSinkConfig) config);
        return store;
    }

    /**
     * Connect calls this before it commits the offsets of what put() delivered, so the writes are committed first and
     * a crash loses no record whose offset is committed. When it fails, Connect keeps the offsets and redelivers.
     */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (store != null) {
            store.commit();
        }
    }
}
