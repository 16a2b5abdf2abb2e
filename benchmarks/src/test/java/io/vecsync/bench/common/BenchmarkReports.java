/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a benchmark's measurements as its command does, for a test to read the report. */
public final class BenchmarkReports {

    private BenchmarkReports() {}

    public static <O> String of(BenchmarkMain.Body<O> benchmark, O options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream report = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            benchmark.run(options, report);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
