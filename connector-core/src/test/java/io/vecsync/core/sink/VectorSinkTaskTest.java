package io.vecsync.core.sink;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The framework's failure handling, against an in-memory store whose failures the test scripts. */
class VectorSinkTaskTest {

    private static final String ID = "ea0b39d2-9327-572d-a218-3ea7d3e9586c";

    /** A store that fails the next N admin or write calls with the given exception. */
    private static final class ScriptedStore implements VectorStore {
        final List<RuntimeException> adminFailures = new ArrayList<>();
        final List<RuntimeException> writeFailures = new ArrayList<>();
        final List<WriteBatch> written = new ArrayList<>();
        int adminCalls;

        @Override
        public VectorWriter writer() {
            return new VectorWriter() {
                @Override
                public void write(WriteBatch batch) {
                    if (!writeFailures.isEmpty()) {
                        throw writeFailures.remove(0);
                    }
                    written.add(batch);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public TargetAdmin admin() {
            return dimension -> {
                adminCalls++;
                if (!adminFailures.isEmpty()) {
                    throw adminFailures.remove(0);
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private static final class ScriptedTask extends VectorSinkTask {
        final ScriptedStore store;

        ScriptedTask(ScriptedStore store) {
            this.store = store;
        }

        @Override
        protected CommonSinkConfig parseConfig(Map<String, String> props) {
            return new CommonSinkConfig(new ConfigDef(CommonSinkConfig.CONFIG_DEF), props);
        }

        @Override
        protected VectorStore openStore(CommonSinkConfig config) {
            return store;
        }
    }

    private static ScriptedTask start(ScriptedStore store) {
        ScriptedTask task = new ScriptedTask(store);
        Map<String, String> props = new HashMap<>(Map.of(CommonSinkConfig.EMBEDDING_DIMENSION, "2",
                CommonSinkConfig.RETRY_MAX, "2", CommonSinkConfig.RETRY_BACKOFF_MS, "1", CommonSinkConfig.RETRY_BACKOFF_MAX_MS, "2"));
        task.start(props);
        return task;
    }

    private static SinkRecord record() {
        return new SinkRecord("t", 0, Schema.STRING_SCHEMA, ID, null, Map.of("embedding", List.of(1, 0)), 7);
    }

    @Test
    void anUnreachableStoreAtStartIsPreparedBeforeTheFirstWriteInsteadOfFailingTheTask() {
        ScriptedStore store = new ScriptedStore();
        for (int i = 0; i < 3; i++) {
            store.adminFailures.add(new RetriableException("connection refused"));
        }
        ScriptedTask task = assertDoesNotThrow(() -> start(store), "start must not fail for a transient error");
        assertEquals(3, store.adminCalls, "one attempt and two retries");

        task.put(List.of(record()));
        assertEquals(4, store.adminCalls, "the target is prepared before writing");
        assertEquals(1, store.written.size());
        task.put(List.of(record()));
        assertEquals(4, store.adminCalls, "and only once");
    }

    @Test
    void aWrongTargetStillFailsAtStart() {
        ScriptedStore store = new ScriptedStore();
        store.adminFailures.add(new ConnectException("collection has dimension 8"));
        assertThrows(ConnectException.class, () -> start(store));
    }

    @Test
    void transientWriteErrorsAreRetriedThenHandedBackToConnect() {
        ScriptedStore store = new ScriptedStore();
        ScriptedTask task = start(store);
        store.writeFailures.add(new RetriableException("503"));
        task.put(List.of(record()));
        assertEquals(1, store.written.size(), "one retry was enough");

        for (int i = 0; i < 3; i++) {
            store.writeFailures.add(new RetriableException("503"));
        }
        assertThrows(RetriableException.class, () -> task.put(List.of(record())));
        assertEquals(1, store.written.size());

        store.writeFailures.add(new ConnectException("permission denied"));
        ConnectException permanent = assertThrows(ConnectException.class, () -> task.put(List.of(record())));
        assertEquals("permission denied", permanent.getMessage());
    }
}
