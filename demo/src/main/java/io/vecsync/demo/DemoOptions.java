package io.vecsync.demo;

import java.util.List;

/**
 * The demo's command line.
 *
 * @param baseUrl  a real platform to sync from; null starts the simulator
 * @param apiKey   the real platform's key; required with baseUrl
 */
record DemoOptions(int videos, boolean exitAfterSync, String baseUrl, String apiKey, String vectorEncoding) {

    static final String USAGE = """
            usage: bin/demo [--videos N] [--exit-after-sync] [--base-url URL --api-key KEY] [--vector-encoding float_array|float32_le]
              --videos N            videos the simulator generates (default 12)
              --exit-after-sync     exit once the first sync is complete, for scripts and tests
              --base-url, --api-key sync from a real platform instead of the simulator (key also read from VECSYNC_API_KEY)
              --vector-encoding     how embeddings travel on the topic (default float_array)""";

    static DemoOptions parse(List<String> args) {
        int videos = 12;
        boolean exitAfterSync = false;
        String baseUrl = null;
        String apiKey = System.getenv("VECSYNC_API_KEY");
        String encoding = "float_array";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--videos" -> videos = Integer.parseInt(value(args, ++i, arg));
                case "--exit-after-sync" -> exitAfterSync = true;
                case "--base-url" -> baseUrl = value(args, ++i, arg);
                case "--api-key" -> apiKey = value(args, ++i, arg);
                case "--vector-encoding" -> encoding = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (baseUrl != null && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("--base-url needs --api-key (or VECSYNC_API_KEY)\n" + USAGE);
        }
        if (videos < 1) {
            throw new IllegalArgumentException("--videos must be at least 1\n" + USAGE);
        }
        return new DemoOptions(videos, exitAfterSync, baseUrl, apiKey, encoding);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }
}
