package io.vecsync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.ConnectorConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One command: an in-process Kafka broker and Connect worker that loads vecsync's packaged plugins through
 * plugin.path, the platform simulator, the source connector and a sink into the embedded Lucene index (or a real
 * store), then the query service with its page, and a few example queries.
 */
public final class DemoMain {

    static final String SOURCE = "vecsync-source";
    static final String SINK = "vecsync-sink";
    static final String TOPIC = "vecsync.segments";
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final List<String> PLUGIN_MODULES = List.of("source-connector", "sink-lucene", "sink-pgvector", "sink-qdrant",
            "sink-pinecone", "sink-weaviate", "sink-chroma");
    /** A sync from a real platform counts as done once nothing new arrived for this long. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(20);
    private static final List<String> GENERIC_QUERIES = List.of("person walking near the door", "a car in the rain", "people talking");

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
        Path root = repositoryRoot();
        Path work = Files.createDirectories(root.resolve("demo/target/demo-run"));
        DemoStore store = options.storeConfig() == null
                ? DemoStore.embedded(Files.createTempDirectory(work, "lucene-index")) : DemoStore.fromFile(options.storeConfig());
        PlatformSimulator simulator = options.baseUrl() == null
                ? PlatformSimulator.builder().videos(options.videos()).build().start() : null;
        out.println(simulator != null
                ? "platform simulator: " + simulator.baseUrl() + " with " + options.videos() + " videos"
                : "platform: " + options.baseUrl());
        out.println("starting an in-process Kafka broker and a Connect worker with plugin.path = the packaged vecsync plugins...");
        EmbeddedConnectCluster connect = ConnectClusters.start("vecsync-demo", 1, Map.of(WorkerConfig.PLUGIN_PATH_CONFIG, pluginPath(root)));
        try {
            connect.kafka().createTopic(TOPIC, 1, 1, Map.of("cleanup.policy", "compact"));
            connect.configureConnector(SOURCE, sourceConfig(options, simulator));
            Map<String, String> sink = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
            sink.put("connector.class", store.sinkConnectorClass());
            sink.put("topics", TOPIC);
            sink.putAll(store.sinkSettings());
            connect.configureConnector(SINK, sink);
            out.println("source connector " + SOURCE + " -> topic " + TOPIC + " -> sink " + SINK + " (" + store.name() + ")");
            SyncProgress progress = new SyncProgress(out, simulator == null ? -1 : simulator.liveSegments().size());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            follow(connect, progress, simulator, stopped, () -> {
                progress.printSummary(simulator);
                // The sink commits on its own schedule: give it a moment before the first searches.
                Thread.sleep(2_000);
                try (QueryServiceProcess service = startQueryService(root, store, options, simulator, work)) {
                    out.println();
                    out.println("query service: " + service.base() + "  (search page at " + service.base() + "/, API at POST /v1/search)");
                    printExamples(out, service, exampleQueries(simulator));
                    if (!options.exitAfterSync()) {
                        out.println("still syncing new and changed videos; Ctrl-C to stop");
                        stopped.await();
                    }
                }
            });
            return 0;
        } finally {
            connect.stop();
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static Map<String, String> sourceConfig(DemoOptions options, PlatformSimulator simulator) {
        Map<String, String> config = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
        config.put("connector.class", "io.vecsync.source.PlatformSourceConnector");
        config.put("tasks.max", "1");
        config.put("platform.base.url", simulator != null ? simulator.baseUrl() : options.baseUrl());
        config.put("platform.api.key", simulator != null ? simulator.apiKey() : options.apiKey());
        config.put("topic", TOPIC);
        config.put("poll.interval.ms", "5000");
        config.put("vector.encoding", options.vectorEncoding());
        return config;
    }

    private static QueryServiceProcess startQueryService(Path root, DemoStore store, DemoOptions options, PlatformSimulator simulator,
                                                         Path work) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(store.settings());
        settings.put("platform.base.url", simulator != null ? simulator.baseUrl() : options.baseUrl());
        settings.put("platform.api.key", simulator != null ? simulator.apiKey() : options.apiKey());
        return QueryServiceProcess.start(root.resolve("query-service/target/query-service-" + VERSION + "-all.jar"), settings, work);
    }

    /** With the simulator, each example repeats one segment's caption, so its first hit shows what search finds. */
    static List<String> exampleQueries(PlatformSimulator simulator) {
        if (simulator == null) {
            return GENERIC_QUERIES;
        }
        List<Segment> segments = simulator.liveSegments();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 3 && i < segments.size(); i++) {
            queries.add(segments.get(i * segments.size() / 3).caption());
        }
        return queries;
    }

    private static void printExamples(PrintStream out, QueryServiceProcess service, List<String> queries) throws Exception {
        for (String query : queries) {
            out.println();
            out.println("query: \"" + query + "\"");
            int rank = 0;
            for (JsonNode hit : service.search(query, 3)) {
                out.printf("  %d. %-12s [%s - %s] score %.3f  %s%n", ++rank, hit.path("video_name").asText(hit.path("video_id").asText()),
                        hit.path("start").asText(), hit.path("end").asText(), hit.path("score").asDouble(), hit.path("playable_url").asText(""));
            }
        }
    }

    /** An action to run once, when the first sync is complete. */
    @FunctionalInterface
    interface OnSynced {
        void run() throws Exception;
    }

    /** Reads the topic and shows progress until the first sync is complete, then runs the action. */
    private static void follow(EmbeddedConnectCluster connect, SyncProgress progress, PlatformSimulator simulator,
                               CountDownLatch stopped, OnSynced onSynced) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "vecsync-demo-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(props, TOPIC)) {
            long lastNews = System.nanoTime();
            while (stopped.getCount() > 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    progress.record(new String(record.key(), StandardCharsets.UTF_8), record.value());
                    lastNews = System.nanoTime();
                }
                progress.render();
                boolean synced = simulator != null
                        ? progress.liveSegments() == simulator.liveSegments().size()
                        : progress.liveSegments() > 0 && System.nanoTime() - lastNews > QUIET_PERIOD.toNanos();
                if (synced) {
                    onSynced.run();
                    return;
                }
            }
        }
    }

    /** The plugin directories the build packaged: each holds one plugin, as a worker's plugin.path expects. */
    private static String pluginPath(Path root) {
        List<String> paths = new ArrayList<>();
        for (String module : PLUGIN_MODULES) {
            Path plugin = root.resolve(module + "/target/" + module + "-" + VERSION + "-plugin");
            if (!Files.isDirectory(plugin)) {
                throw new IllegalStateException(plugin + " is missing: build the plugins first (bin/demo does)");
            }
            paths.add(plugin.toString());
        }
        return String.join(",", paths);
    }

    /** The checkout's root: the nearest directory upwards that holds bin/demo. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("bin/demo"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no bin/demo above " + Path.of("").toAbsolutePath());
    }
}
