package io.vecsync.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo's command line.
 *
 * @param baseUrl     a real platform to sync from; null starts the simulator
 * @param apiKey      the real platform's key; required with baseUrl
 * @param storeConfig a properties file naming a real store ({@code store=pgvector} and its sink keys); null uses the
 *                    embedded Lucene index
 */
record DemoOptions(int videos, boolean exitAfterSync, String baseUrl, String apiKey, String vectorEncoding, Path storeConfig) {

    static final String USAGE = """
            usage: bin/demo [--videos N] [--exit-after-sync] [--base-url URL --api-key KEY] [--store-config FILE]
                            [--vector-encoding float_array|float32_le]
              --videos N            videos the simulator generates (default 12)
              --exit-after-sync     exit once the first sync is complete and the example queries ran, for scripts and tests
              --base-url, --api-key sync from a real platform instead of the simulator (key also read from VECSYNC_API_KEY)
              --store-config FILE   a real store instead of the embedded Lucene index: store=pgvector|qdrant|pinecone|weaviate|chroma
                                    and that store's sink settings, e.g. config/pgvector-sink.properties plus store=pgvector
              --vector-encoding     how embeddings travel on the topic (default float32_le)""";

    static DemoOptions parse(List<String> args) {
        int videos = 12;
        boolean exitAfterSync = false;
        String baseUrl = null;
        String apiKey = System.getenv("VECSYNC_API_KEY");
        String encoding = "float32_le";
        Path storeConfig = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--videos" -> videos = Integer.parseInt(value(args, ++i, arg));
                case "--exit-after-sync" -> exitAfterSync = true;
                case "--base-url" -> baseUrl = value(args, ++i, arg);
                case "--api-key" -> apiKey = value(args, ++i, arg);
                case "--vector-encoding" -> encoding = value(args, ++i, arg);
                case "--store-config" -> storeConfig = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (baseUrl != null && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("--base-url needs --api-key (or VECSYNC_API_KEY)\n" + USAGE);
        }
        if (videos < 1) {
            throw new IllegalArgumentException("--videos must be at least 1\n" + USAGE);
        }
        return new DemoOptions(videos, exitAfterSync, baseUrl, apiKey, encoding, storeConfig);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }
}
