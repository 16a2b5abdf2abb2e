/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.bench.common.BenchmarkReports;
import io.vecsync.bench.common.TestServers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end benchmark on a few videos (real PostgreSQL, a real worker, the shipped configs), so that the command
 * keeps running and every producer-override variant keeps reporting its rate and bytes a segment. Each run fails by
 * itself when the table misses a segment or anything reaches the dead-letter topic; timings are not asserted.
 */
@Tag("slow")
class E2eBenchmarkIT {

    @Test
    void reportsEveryVariant() throws Exception {
        String text = BenchmarkReports.of(E2eBenchmark::run, new E2eOptions(20, TestServers.pgUrl()));
        for (E2eVariant variant : E2eVariant.MEASURED) {
            Matcher row = Pattern.compile(Pattern.quote(variant.label()) + "\\s+([\\d,]+)\\s+[\\d.]+\\s+([\\d,]+)")
                    .matcher(text);
            assertTrue(
                    row.find()
                            && Long.parseLong(row.group(1).replace(",", "")) > 0
                            && Long.parseLong(row.group(2).replace(",", "")) > 0,
                    "no figures for " + variant.label() + " in:\n" + text);
        }
    }
}
