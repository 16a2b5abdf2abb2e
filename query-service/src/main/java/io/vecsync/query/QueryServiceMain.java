/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** {@code java -jar query-service-all.jar [config.properties]}: runs the query service until stopped. */
public final class QueryServiceMain {

    private QueryServiceMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println(
                    "usage: java -jar query-service-all.jar [config.properties]"
                            + "\nSettings may also come from VECSYNC_* environment variables: VECSYNC_PGVECTOR_URL sets pgvector.url.");
            System.exit(2);
        }
        Path file = args.length == 1 ? Path.of(args[0]) : null;
        Map<String, String> props;
        try {
            props = QueryServiceConfig.load(file, System.getenv());
        } catch (NoSuchFileException e) {
            exit("the config file " + file + " does not exist");
            return;
        } catch (IOException e) {
            exit("cannot read the config file " + file + ": " + e);
            return;
        } catch (InvalidConfigException e) {
            exit(e.getMessage());
            return;
        }
        QueryService service;
        try {
            service = QueryService.start(props);
        } catch (InvalidConfigException e) {
            exit(e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        System.out.println("vecsync query service on port " + service.port()
                + ": POST /v1/search, GET /healthz, GET /metrics, page at /");
    }

    /** One line an operator can act on, no stack trace. */
    private static void exit(String why) {
        System.err.println("vecsync query service cannot start: " + why);
        System.exit(1);
    }
}
