/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.bench.common.BenchmarkReports;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The source scale benchmark on two small catalogues through a real worker, so that the command keeps running and
 * reporting every column and target. Timings prove nothing at this size; the restart and offset-size targets do.
 */
@Tag("slow")
class SourceScaleBenchmarkIT {

    @Test
    void reportsEverySizeAndMeetsTheRestartAndOffsetTargets() throws Exception {
        String text = BenchmarkReports.of(SourceScaleBenchmark::run, new SourceScaleOptions(List.of(300, 600), 1_000));
        for (String videos : List.of("300", "600")) {
            Matcher row = Pattern.compile("(?m)^" + videos + " \\| ([\\d,]+) \\| ([\\d,]+) \\| ([\\d,]+) \\|")
                    .matcher(text);
            assertTrue(
                    row.find()
                            && Long.parseLong(row.group(1).replace(",", "")) > 0
                            && Long.parseLong(row.group(3).replace(",", "")) > 0,
                    "no row for " + videos + " videos in:\n" + text);
            assertTrue(
                    text.contains("embeddings calls after a restart at " + videos + " videos: 0 (target 0) met"), text);
            assertTrue(
                    Pattern.compile("largest offset record at " + videos
                                    + " videos: [\\d,]+ bytes \\(target <= 65,536\\) met")
                            .matcher(text)
                            .find(),
                    text);
        }
        assertTrue(text.contains("sync rate at 600 / at 300 videos:"), text);
    }
}
