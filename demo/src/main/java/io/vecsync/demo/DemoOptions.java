/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's command line.
 *
 * @param baseUrl     a real platform to sync from; null starts the simulator
 * @param apiKey      the real platform's key; required with baseUrl
 * @param storeConfig a properties file naming a real store ({@code store=pgvector} and its sink keys); null uses the
 *                    embedded Lucene index
 * @param verbose     whether Kafka's and the connectors' logs are shown
 * @param help        whether only the usage was asked for
 */
record DemoOptions(
        int videos,
        boolean exitAfterSync,
        String baseUrl,
        String apiKey,
        String vectorEncoding,
        Path storeConfig,
        boolean verbose,
        boolean help) {

    /** Read by bin/demo too, so that --help answers before anything is built. */
    static final String USAGE = usage();

    static DemoOptions parse(List<String> args) {
        int videos = 12;
        boolean exitAfterSync = false;
        String baseUrl = null;
        String apiKey = System.getenv("VECSYNC_API_KEY");
        String encoding = "float32_le";
        Path storeConfig = null;
        boolean verbose = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--videos" -> videos = videos(value(args, ++i, arg));
                case "--exit-after-sync" -> exitAfterSync = true;
                case "--base-url" -> baseUrl = value(args, ++i, arg);
                case "--api-key" -> apiKey = value(args, ++i, arg);
                case "--vector-encoding" -> encoding = value(args, ++i, arg);
                case "--store-config" -> storeConfig = Path.of(value(args, ++i, arg));
                case "--verbose" -> verbose = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (baseUrl != null && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("--base-url needs --api-key (or VECSYNC_API_KEY)");
        }
        if (storeConfig != null && !Files.isRegularFile(storeConfig)) {
            throw new IllegalArgumentException("--store-config: " + storeConfig + " not found");
        }
        return new DemoOptions(videos, exitAfterSync, baseUrl, apiKey, encoding, storeConfig, verbose, help);
    }

    private static int videos(String value) {
        try {
            int videos = Integer.parseInt(value);
            if (videos >= 1) {
                return videos;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException("--videos must be a whole number of at least 1, not " + value);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static String usage() {
        try (InputStream in = DemoOptions.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
