/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** What every benchmark command does around its measurements: parses its options, keeps stdout for the report, exits. */
public final class BenchmarkMain {

    /** A benchmark's measurements, printing its report to {@code report}. */
    public interface Body<O> {
        void run(O options, PrintStream report) throws Exception;
    }

    private BenchmarkMain() {}

    /** Exits with 2 on bad options, 1 when the benchmark fails, 0 otherwise. */
    public static <O> void run(String[] args, Function<List<String>, O> parse, Body<O> body) {
        O options;
        try {
            options = parse.apply(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // The report alone goes to stdout: whatever else prints there (a library's notice) goes to stderr.
        PrintStream report = System.out;
        System.setOut(System.err);
        int status = 0;
        try {
            body.run(options, report);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        report.flush();
        // Kafka leaves non-daemon threads behind even after a clean stop.
        System.exit(status);
    }
}
