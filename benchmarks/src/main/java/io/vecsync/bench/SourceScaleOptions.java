package io.vecsync.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The source scale benchmark's command line: the catalogue sizes to run, smallest first. */
record SourceScaleOptions(List<Integer> videos) {

    static final String USAGE = """
            usage: benchmarks/run-source-scale-benchmark.sh [--videos N,N,...]
              --videos N,N,...   catalogue sizes, each run on a fresh simulator of 1 to 2 segments a video (default 10000,100000,1000000)""";

    static SourceScaleOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--videos"), USAGE);
        String sizes = line.text("--videos").orElse("10000,100000,1000000");
        try {
            List<Integer> videos = Arrays.stream(sizes.split(",")).map(String::trim).map(Integer::parseInt).sorted().toList();
            if (videos.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("--videos must be positive, got " + sizes + "\n" + USAGE);
            }
            return new SourceScaleOptions(videos);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--videos must be whole numbers separated by commas, got " + sizes + "\n" + USAGE, e);
        }
    }
}
