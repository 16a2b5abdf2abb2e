package io.vecsync.bench;

import io.vecsync.testing.Eventually;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The benchmarks' topics on the in-process broker: created and waited for, and their end offsets summed. */
final class BenchTopics implements AutoCloseable {

    private final EmbeddedConnectCluster connect;
    private final Admin admin;

    BenchTopics(EmbeddedConnectCluster connect) {
        this.connect = connect;
        this.admin = connect.kafka().createAdminClient();
    }

    /**
     * Creates the topic and waits until every partition's leader serves its offsets: a timing started earlier measures
     * the topic's creation, and a producer sending earlier can have its first batches refused (NOT_LEADER_OR_FOLLOWER)
     * and the retries rejected as out of sequence.
     */
    void create(String topic, int partitions, Map<String, String> configs) {
        connect.kafka().createTopic(topic, partitions, 1, configs);
        Eventually.await(Duration.ofSeconds(30), "topic " + topic, () -> {
            try {
                endOffsets(topic, partitions);
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RetriableException) {
                    return false;
                }
                throw new IllegalStateException("cannot read the offsets of " + topic, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** The partitions' end offsets summed: every record written, tombstones included. */
    long endOffsets(String topic, int partitions) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions)
                .mapToObj(partition -> new TopicPartition(topic, partition))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }

    @Override
    public void close() {
        admin.close();
    }
}
