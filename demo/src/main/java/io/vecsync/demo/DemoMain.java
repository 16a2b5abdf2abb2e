/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.embedded.ConnectRequestException;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.embedded.EmbeddedKafka;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.runtime.WorkerConfig;

/**
 * One command: an in-process Kafka broker and Connect worker that loads vecsync's packaged plugins through
 * plugin.path, the platform simulator, the source connector and a sink into the embedded Lucene index (or a real
 * store), then the query service with its page, and a few example queries.
 */
public final class DemoMain {

    static final String SOURCE = "vecsync-source";
    static final String TOPIC = "vecsync.segments";
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final List<String> PLUGIN_MODULES = List.of(
            "source-connector",
            "lucene-sink",
            "pgvector-sink",
            "qdrant-sink",
            "pinecone-sink",
            "weaviate-sink",
            "chroma-sink");
    /** A sync from a real platform counts as done once nothing new arrived for this long. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(20);

    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(1);
    private static final List<String> GENERIC_QUERIES =
            List.of("person walking near the door", "a car in the rain", "people talking");
    private static final String VERBOSE_HINT = "(bin/demo --verbose shows Kafka's and the connectors' logs)";

    private DemoMain() {}

    public static void main(String[] args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bin/demo: " + e.getMessage());
            System.err.println("bin/demo --help lists the options");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        if (options.verbose()) {
            // Before any logger exists: slf4j-simple reads system properties over the demo's simplelogger.properties.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.io.vecsync", "info");
        } else {
            // gRPC and Netty, in the plugins, log through java.util.logging (INFO lines at their first connection).
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
        }
        CleanShutdown shutdown = CleanShutdown.install();
        int status = 0;
        try {
            run(options, System.out, shutdown.requested());
        } catch (Exception e) {
            // After Ctrl-C, which reaches the query service too, a failure is the stop's doing: nothing to report.
            status = shutdown.requested().getCount() == 0 ? 0 : 1;
            if (status != 0) {
                System.err.println("bin/demo: "
                        + (e instanceof DemoFailure || e instanceof IllegalArgumentException
                                ? e.getMessage()
                                : e.toString()));
                if (options.verbose()) {
                    e.printStackTrace();
                } else {
                    System.err.println(VERBOSE_HINT);
                }
            }
        }
        shutdown.stopped();
        System.exit(status);
    }

    /** Runs the demo until the first sync was searched with --exit-after-sync, else until {@code stop} is counted down. */
    static void run(DemoOptions options, PrintStream out, CountDownLatch stop) throws Exception {
        Path root = repositoryRoot();
        try (RunDirectory runDir = RunDirectory.create(root.resolve("demo/target/demo-run"))) {
            run(options, out, stop, root, runDir.path());
        }
    }

    private static void run(DemoOptions options, PrintStream out, CountDownLatch stop, Path root, Path runDir)
            throws Exception {
        DemoStore store = options.storeConfig() == null
                ? DemoStore.embedded(runDir.resolve("lucene-index"))
                : DemoStore.fromFile(options.storeConfig());
        store.notes().forEach(note -> out.println("note: " + note));
        PlatformSimulator simulator = options.baseUrl() == null
                ? PlatformSimulator.builder().videos(options.videos()).build().start()
                : null;
        try {
            out.println(
                    simulator != null
                            ? "platform simulator: " + simulator.baseUrl() + " with " + options.videos() + " videos"
                            : "platform: " + options.baseUrl());
            out.println(
                    "starting an in-process Kafka broker and a Connect worker with plugin.path = the packaged vecsync plugins...");
            try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
                    EmbeddedConnect connect = EmbeddedConnect.start(kafka, workerConfig(root))) {
                try {
                    out.println("Kafka broker: " + kafka.bootstrapServers() + "    Connect REST API: "
                            + connect.restUrl().resolve("connectors"));
                    kafka.createTopic(TOPIC, 1, Map.of("cleanup.policy", "compact"));
                    // Connect would create it at the replication factor a production cluster wants, which one broker
                    // cannot give.
                    store.deadLetterTopic().ifPresent(topic -> kafka.createTopic(topic, 1, Map.of()));
                    configure(connect, SOURCE, sourceConfig(options, simulator));
                    configure(connect, store.connectorName(), store.sinkConfig(TOPIC));
                    out.println("source connector " + SOURCE + " -> topic " + TOPIC + " -> sink connector "
                            + store.connectorName() + " (" + store.name() + ")");
                    try (ConnectorWatch watch = new ConnectorWatch(
                            connect,
                            List.of(SOURCE, store.connectorName()),
                            store.connectorName(),
                            List.of(new TopicPartition(TOPIC, 0)))) {
                        SyncProgress progress = new SyncProgress(
                                out,
                                simulator == null
                                        ? -1
                                        : simulator.liveSegments().size());
                        if (awaitSync(kafka, watch, progress, simulator, stop)) {
                            progress.printSummary(simulator);
                            serve(root, store, options, simulator, runDir, watch, out, stop);
                        }
                    }
                } finally {
                    if (stop.getCount() == 0) {
                        out.println("stopping the query service, the connectors and the broker...");
                    }
                }
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /** The worker loads the packaged plugins, and reads secrets as the shipped configs expect of one: ${file:PATH:KEY}. */
    private static Map<String, String> workerConfig(Path root) {
        return Map.of(
                WorkerConfig.PLUGIN_PATH_CONFIG,
                pluginPath(root),
                WorkerConfig.CONFIG_PROVIDERS_CONFIG,
                "file",
                WorkerConfig.CONFIG_PROVIDERS_CONFIG + ".file.class",
                FileConfigProvider.class.getName());
    }

    private static void configure(EmbeddedConnect connect, String name, Map<String, String> config) {
        try {
            connect.configureConnector(name, config);
        } catch (ConnectRequestException e) {
            throw DemoFailure.ofRest("Connect refused connector " + name, e.getMessage());
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

    /** The query service on the synced store, the example queries, then, unless exiting after the sync, until stopped. */
    private static void serve(
            Path root,
            DemoStore store,
            DemoOptions options,
            PlatformSimulator simulator,
            Path runDir,
            ConnectorWatch watch,
            PrintStream out,
            CountDownLatch stop)
            throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(store.queryServiceSettings());
        settings.put("platform.base.url", simulator != null ? simulator.baseUrl() : options.baseUrl());
        settings.put("platform.api.key", simulator != null ? simulator.apiKey() : options.apiKey());
        Path jar = root.resolve("query-service/target/query-service-" + VERSION + "-all.jar");
        try (QueryServiceProcess service =
                QueryServiceProcess.start(jar, settings, store.queryServiceEnvironment(), runDir)) {
            out.println();
            out.println("query service: " + service.base() + "  (search page at " + service.base()
                    + "/, API at POST /v1/search)");
            printExamples(out, service, exampleQueries(simulator));
            if (!options.exitAfterSync()) {
                out.println("still syncing new and changed videos; Ctrl-C to stop");
                while (!stop.await(STATUS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    watch.checkRunning();
                }
            }
        }
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

    private static void printExamples(PrintStream out, QueryServiceProcess service, List<String> queries)
            throws Exception {
        for (String query : queries) {
            out.println();
            out.println("query: \"" + query + "\"");
            int rank = 0;
            for (JsonNode hit : service.search(query, 3)) {
                out.printf(
                        "  %d. %-12s [%s - %s] score %.3f  %s%n",
                        ++rank,
                        hit.path("video_name").asText(hit.path("video_id").asText()),
                        hit.path("start").asText(),
                        hit.path("end").asText(),
                        hit.path("score").asDouble(),
                        playable(service, hit.path("playable_url").asText("")));
            }
        }
    }

    /** A hit's link as a user can open it: the service links its media proxy by path. */
    private static String playable(QueryServiceProcess service, String link) {
        return link.isEmpty() ? link : service.base().resolve(link).toString();
    }

    /**
     * Reads the topic and shows progress until the first sync is in the store: every segment on the topic (or, from a
     * real platform, nothing new for a while) and committed by the sink. Returns false when stopped before.
     */
    private static boolean awaitSync(
            EmbeddedKafka kafka,
            ConnectorWatch watch,
            SyncProgress progress,
            PlatformSimulator simulator,
            CountDownLatch stop)
            throws Exception {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "vecsync-demo-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long lastNews = System.nanoTime();
            long lastCheck = System.nanoTime();
            while (stop.getCount() > 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    progress.record(new String(record.key(), StandardCharsets.UTF_8), record.value());
                    lastNews = System.nanoTime();
                }
                progress.render();
                if (System.nanoTime() - lastCheck < STATUS_INTERVAL.toNanos()) {
                    continue;
                }
                lastCheck = System.nanoTime();
                watch.checkRunning();
                boolean onTopic = simulator != null
                        ? progress.liveSegments() == simulator.liveSegments().size()
                        : progress.liveSegments() > 0 && System.nanoTime() - lastNews > QUIET_PERIOD.toNanos();
                if (onTopic && watch.sinkCaughtUp()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The plugin directories the build packaged: each holds one plugin, as a worker's plugin.path expects. */
    private static String pluginPath(Path root) {
        List<String> paths = new ArrayList<>();
        for (String module : PLUGIN_MODULES) {
            Path plugin = root.resolve(module + "/target/vecsync-" + module + "-" + VERSION + "-plugin");
            if (!Files.isDirectory(plugin)) {
                throw new DemoFailure(
                        plugin + " is missing: remove demo/target and run bin/demo, which then builds everything");
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
