package io.vecsync.weaviate;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.SinkTasks;
import io.vecsync.testing.weaviate.FakeWeaviate;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch inserts stay within the gRPC message size the server announces. */
class WeaviateRequestSizeTest {

    private static final int MAX_MESSAGE_BYTES = 64 * 1024;
    @RegisterExtension
    static final SinkHarness harness = new SinkHarness(FakeWeaviate.startWithGrpcMaxMessageSize(MAX_MESSAGE_BYTES));

    @Test
    void aBatchLargerThanTheServersMessageSizeLandsInSeveralRequests() {
        VectorSinkTask task = harness.start(Map.of(CommonSinkConfig.BATCH_SIZE, "1000"));
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(harness.segment(i, Map.of("transcript", "word ".repeat(2_000))));
        }
        SinkTasks.write(task, records);

        assertEquals(20, harness.fake.objects(SinkHarness.COLLECTION).size());
        int requests = harness.fake.calls("BatchObjects");
        assertTrue(requests >= 20 * 10_000 / MAX_MESSAGE_BYTES + 1, "20 objects of 10 KB in requests of at most 64 KB: " + requests);
    }
}
