/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the platform's embedding of a text: maps it to a unit vector, every word a fixed random direction and a text
 * along the sum of its words, stop words left out, so a query shares a caption's direction in proportion to the words
 * they share.
 */
final class SimulatedTextEmbeddings {

    private final int dimension;
    private final Map<String, double[]> vocabularyVectors = new ConcurrentHashMap<>();

    SimulatedTextEmbeddings(int dimension) {
        this.dimension = dimension;
    }

    int dimension() {
        return dimension;
    }

    float[] embed(String text) {
        return toFloats(direction(text));
    }

    /** A unit vector near the text's embedding: the embedding plus random noise of the given norm, renormalized. */
    float[] embedNear(String text, double noiseNorm, Random random) {
        double[] vector = direction(text);
        double[] noise = gaussian(random, noiseNorm);
        for (int i = 0; i < dimension; i++) {
            vector[i] += noise[i];
        }
        return toFloats(scale(vector, 1));
    }

    private double[] direction(String text) {
        double[] sum = new double[dimension];
        for (String word : words(text)) {
            double[] vector = wordVector(word);
            for (int i = 0; i < dimension; i++) {
                sum[i] += vector[i];
            }
        }
        return scale(sum, 1);
    }

    private static List<String> words(String text) {
        List<String> words = Vocabulary.words(text);
        // A text without letters or of stop words only still needs a direction: the whole text stands in for its word.
        return words.isEmpty() ? List.of(text) : words;
    }

    private double[] wordVector(String word) {
        // Only vocabulary words are cached: captions reuse them, arbitrary query words would grow the cache forever.
        return Vocabulary.contains(word)
                ? vocabularyVectors.computeIfAbsent(word, this::randomDirection)
                : randomDirection(word);
    }

    private double[] randomDirection(String word) {
        return gaussian(new Random(word.hashCode()), 1);
    }

    private double[] gaussian(Random random, double norm) {
        double[] vector = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = random.nextGaussian();
        }
        return scale(vector, norm);
    }

    /** Scales the vector in place to the given norm. */
    private static double[] scale(double[] vector, double norm) {
        double sumOfSquares = 0;
        for (double value : vector) {
            sumOfSquares += value * value;
        }
        double factor = norm / Math.sqrt(sumOfSquares);
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= factor;
        }
        return vector;
    }

    private static float[] toFloats(double[] vector) {
        float[] floats = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            floats[i] = (float) vector[i];
        }
        return floats;
    }
}
