package io.vecsync.testing;

import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.time.Duration;

/** Waits on a running source connector's full listing walks, read from its tasks' metrics. */
public final class SourceWalks {

    private SourceWalks() {
    }

    /** Waits until every task has walked the whole listing at least {@code walks} more times, start to end. */
    public static void await(EmbeddedConnectCluster connect, String connector, int walks, Duration timeout) {
        int tasks = connect.connectorStatus(connector).tasks().size();
        // A walk under way now may have started before the change the caller waits for: one more than asked.
        long target = fullWalks(connector) + (long) (walks + 1) * tasks;
        Eventually.await(timeout, walks + " more full listing walks of " + connector, () -> fullWalks(connector) >= target,
                () -> fullWalks(connector) + " full walks, waiting for " + target);
    }

    private static long fullWalks(String connector) {
        return (long) JmxMetrics.sum("kafka.connect:type=plugins,connector=" + connector + ",*", "full-walks-total");
    }
}
