/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variants measured {@link #ROUNDS} times, the rounds interleaved so that the JIT's late compilations and stretches of
 * contention do not fall on one variant alone, and each round starting one variant later than the last, so that none
 * always runs right after the same one (a variant's PostgreSQL CPU a row varied by up to 1.4x from round to round
 * here); each variant reported by its median round.
 */
final class InterleavedRounds {

    /** Single runs of a few seconds varied by up to 2x here. */
    static final int ROUNDS = 5;

    /** One variant's measured round. */
    @FunctionalInterface
    interface Round {
        PgRun run(int round) throws Exception;
    }

    private InterleavedRounds() {}

    /** Each variant's median round, with every round's rate. */
    static List<PgRun> medians(List<Round> variants) throws Exception {
        Map<Round, List<PgRun>> rounds = new LinkedHashMap<>();
        for (int number = 1; number <= ROUNDS; number++) {
            for (int position = 0; position < variants.size(); position++) {
                Round variant = variants.get((position + number - 1) % variants.size());
                rounds.computeIfAbsent(variant, v -> new ArrayList<>())
                        .add(variant.run(number).logged());
            }
        }
        return rounds.values().stream().map(InterleavedRounds::median).toList();
    }

    /** The round of median steady rate, with every round's. */
    private static PgRun median(List<PgRun> rounds) {
        PgRun median = rounds.stream()
                .sorted(Comparator.comparingDouble(PgRun::steadyRowsPerSecond))
                .toList()
                .get((rounds.size() - 1) / 2);
        return new PgRun(
                median.key(),
                median.label(),
                median.rows(),
                median.cost(),
                median.sink(),
                rounds.stream().map(PgRun::steadyRowsPerSecond).toList());
    }
}
