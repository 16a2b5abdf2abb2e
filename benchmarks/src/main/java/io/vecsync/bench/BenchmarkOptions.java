package io.vecsync.bench;

import java.util.List;

/** The benchmark's command line. */
record BenchmarkOptions(int videos, int rounds) {

    static final String USAGE = """
            usage: benchmarks/run-source-benchmark.sh [--videos N] [--rounds R]
              --videos N   videos the simulator generates, 10 to 15 segments each (default 1600, about 20,000 segments)
              --rounds R   times each variant runs; the report shows the median round (default 3)""";

    static BenchmarkOptions parse(List<String> args) {
        int videos = 1600;
        int rounds = 3;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            switch (arg) {
                case "--videos" -> videos = Integer.parseInt(args.get(++i));
                case "--rounds" -> rounds = Integer.parseInt(args.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (videos < 1 || rounds < 1) {
            throw new IllegalArgumentException("--videos and --rounds must be at least 1\n" + USAGE);
        }
        return new BenchmarkOptions(videos, rounds);
    }
}
