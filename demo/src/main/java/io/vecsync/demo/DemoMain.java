package io.vecsync.demo;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.source.PlatformSourceConfig;
import io.vecsync.source.PlatformSourceConnector;
import io.vecsync.testing.ConnectClusters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Starts a Kafka broker, a Connect worker, the platform simulator and the source connector, and shows the sync. */
public final class DemoMain {

    static final String CONNECTOR = "vecsync-source";
    static final String TOPIC = "vecsync.segments";
    /** A sync from a real platform counts as done once nothing new arrived for this long. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(20);

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out));
    }

    /** Runs the demo; returns the exit status. */
    static int run(DemoOptions options, PrintStream out) throws Exception {
        PlatformSimulator simulator = options.baseUrl() == null
                ? PlatformSimulator.builder().videos(options.videos()).build().start() : null;
        out.println(simulator != null
                ? "platform simulator: " + simulator.baseUrl() + " with " + options.videos() + " videos"
                : "platform: " + options.baseUrl());
        out.println("starting an in-process Kafka broker and Connect worker...");
        EmbeddedConnectCluster connect = ConnectClusters.start("vecsync-demo", 1);
        try {
            connect.kafka().createTopic(TOPIC, 1, 1, Map.of("cleanup.policy", "compact"));
            connect.configureConnector(CONNECTOR, connectorConfig(options, simulator));
            out.println("source connector started: " + CONNECTOR + " -> topic " + TOPIC);
            SyncProgress progress = new SyncProgress(out, simulator == null ? -1 : simulator.liveSegments().size());
            follow(connect, progress, simulator, options.exitAfterSync());
            return 0;
        } finally {
            connect.stop();
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static Map<String, String> connectorConfig(DemoOptions options, PlatformSimulator simulator) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", PlatformSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put(PlatformSourceConfig.BASE_URL, simulator != null ? simulator.baseUrl() : options.baseUrl());
        config.put(PlatformSourceConfig.API_KEY, simulator != null ? simulator.apiKey() : options.apiKey());
        config.put(PlatformSourceConfig.TOPIC, TOPIC);
        config.put(PlatformSourceConfig.POLL_INTERVAL_MS, "5000");
        config.put(PlatformSourceConfig.VECTOR_ENCODING, options.vectorEncoding());
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        return config;
    }

    /** Reads the topic and reports progress until the first sync is complete, then (unless told to exit) until Ctrl-C. */
    private static void follow(EmbeddedConnectCluster connect, SyncProgress progress, PlatformSimulator simulator,
                               boolean exitAfterSync) throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(interrupted::countDown));
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "vecsync-demo-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(props, TOPIC)) {
            long lastNews = System.nanoTime();
            boolean announced = false;
            while (interrupted.getCount() > 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    progress.record(new String(record.key(), StandardCharsets.UTF_8), record.value());
                    lastNews = System.nanoTime();
                }
                progress.render();
                boolean synced = simulator != null
                        ? progress.liveSegments() == simulator.liveSegments().size()
                        : progress.liveSegments() > 0 && System.nanoTime() - lastNews > QUIET_PERIOD.toNanos();
                if (synced && !announced) {
                    announced = true;
                    progress.printSummary(simulator);
                    if (exitAfterSync) {
                        return;
                    }
                    progress.println("still syncing new and changed videos; Ctrl-C to stop");
                }
            }
        }
    }
}
