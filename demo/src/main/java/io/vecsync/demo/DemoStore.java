package io.vecsync.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The store the demo syncs into and searches: the embedded Lucene index by default, or a real one from a properties
 * file. The same settings configure the sink connector and the query service, as in production.
 *
 * @param settings {@code store} plus the store's sink keys
 */
record DemoStore(String name, Map<String, String> settings) {

    /** The sink connector class of each store, named: the demo's own classpath holds no connector. */
    private static final Map<String, String> SINKS = Map.of(
            "lucene", "io.vecsync.lucene.LuceneSinkConnector",
            "pgvector", "io.vecsync.pgvector.PgVectorSinkConnector",
            "qdrant", "io.vecsync.qdrant.QdrantSinkConnector",
            "pinecone", "io.vecsync.pinecone.PineconeSinkConnector",
            "weaviate", "io.vecsync.weaviate.WeaviateSinkConnector",
            "chroma", "io.vecsync.chroma.ChromaSinkConnector");

    static DemoStore embedded(Path indexDirectory) {
        return new DemoStore("lucene", Map.of("store", "lucene", "lucene.directory", indexDirectory.toAbsolutePath().toString()));
    }

    static DemoStore fromFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key).trim()));
        String name = settings.get("store");
        if (name == null || !SINKS.containsKey(name)) {
            throw new IllegalArgumentException(file + ": 'store' must be one of " + SINKS.keySet() + ", got " + name);
        }
        return new DemoStore(name, settings);
    }

    String sinkConnectorClass() {
        return SINKS.get(name);
    }

    /** The store's keys, without the query service's own {@code store} key. */
    Map<String, String> sinkSettings() {
        Map<String, String> sink = new LinkedHashMap<>(settings);
        sink.remove("store");
        return sink;
    }
}
