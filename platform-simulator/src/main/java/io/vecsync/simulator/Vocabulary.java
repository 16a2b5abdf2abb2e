/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The captions segments are described by, in the words a person would search with: each video films one subject in
 * one place, and each of its segments shows the subject doing something else, e.g. "a man wearing a striped shirt
 * carrying a cardboard box in a warehouse". Captions are distinct across the first 96 videos (16 subjects, 6 or more
 * places each), so that a query repeating one finds its segment first.
 */
final class Vocabulary {

    /** A kind of subject: what it can be seen doing, and where. */
    private record Cast(List<String> actions, List<String> places) {}

    /** Who or what a video films, and what its first segment shows it doing: what a person would search it for. */
    private record Subject(Cast cast, String phrase, String opening) {}

    private static final Cast PEOPLE = new Cast(
            List.of(
                    "walking slowly",
                    "carrying a cardboard box",
                    "talking on the phone",
                    "opening a door",
                    "sitting on a bench",
                    "waving at the camera",
                    "drinking coffee",
                    "climbing a ladder",
                    "pushing a shopping cart",
                    "reading a newspaper",
                    "running",
                    "eating an apple",
                    "typing on a laptop",
                    "taking a photo",
                    "crossing the road",
                    "waiting in line",
                    "lifting a heavy crate",
                    "pointing at a sign",
                    "shaking hands",
                    "checking a clipboard",
                    "playing the guitar",
                    "picking up a bag",
                    "dancing",
                    "jumping over a puddle",
                    "sweeping the floor",
                    "laughing",
                    "tying a shoelace",
                    "looking at a map",
                    "writing in a notebook",
                    "stretching"),
            List.of(
                    "in a warehouse",
                    "on a busy street",
                    "at a train station",
                    "in a kitchen",
                    "in a park",
                    "in an office",
                    "in a parking lot",
                    "at a market",
                    "on a beach",
                    "in a garden"));
    private static final Cast ANIMALS = new Cast(
            List.of(
                    "running",
                    "sleeping",
                    "drinking water",
                    "chasing a ball",
                    "looking at the camera",
                    "jumping over a fence",
                    "rolling in the grass",
                    "walking slowly",
                    "eating",
                    "shaking off water",
                    "lying in the sun",
                    "sniffing the ground"),
            List.of("on a beach", "in a backyard", "in a field", "on a farm", "in a park", "by a river"));
    private static final Cast VEHICLES = new Cast(
            List.of(
                    "driving past",
                    "parking",
                    "stopping at a traffic light",
                    "turning left",
                    "backing up",
                    "lifting a pallet",
                    "waiting with hazard lights on",
                    "speeding up",
                    "carrying a load",
                    "pulling away",
                    "crossing a bridge",
                    "reversing slowly"),
            List.of(
                    "in a warehouse",
                    "at a loading dock",
                    "on a busy street",
                    "on a highway",
                    "in a parking lot",
                    "on a farm"));

    /** Video n films subject n modulo their count; the casts alternate so that a few videos already show each kind. */
    private static final List<Subject> SUBJECTS = List.of(
            new Subject(PEOPLE, "a man wearing a striped shirt", "carrying a cardboard box"),
            new Subject(VEHICLES, "a yellow forklift", "lifting a pallet"),
            new Subject(ANIMALS, "a brown dog", "running"),
            new Subject(PEOPLE, "a woman with a red umbrella", "crossing the road"),
            new Subject(VEHICLES, "a red delivery truck", "carrying a load"),
            new Subject(PEOPLE, "a worker in an orange vest", "climbing a ladder"),
            new Subject(ANIMALS, "a black cat", "sleeping"),
            new Subject(PEOPLE, "a chef in a white apron", "sweeping the floor"),
            new Subject(VEHICLES, "a city bus", "stopping at a traffic light"),
            new Subject(PEOPLE, "a cyclist in a green jacket", "crossing the road"),
            new Subject(ANIMALS, "a white horse", "running"),
            new Subject(PEOPLE, "a nurse in blue scrubs", "checking a clipboard"),
            new Subject(VEHICLES, "a police car", "waiting with hazard lights on"),
            new Subject(PEOPLE, "a teenager with a skateboard", "jumping over a puddle"),
            new Subject(ANIMALS, "a gray donkey", "eating"),
            new Subject(PEOPLE, "a farmer in a straw hat", "lifting a heavy crate"));

    /** Added once a video has used every action, so that its captions stay distinct. */
    private static final List<String> TIMES =
            List.of("at night", "at sunset", "in the rain", "in the morning", "in the fog", "in the snow");

    /** Words that say nothing about what is seen; text embeddings leave them out. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "in", "on", "at", "of", "with", "by", "to", "into", "over", "from", "for", "and", "or",
            "is", "are", "its");

    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

    private static final Set<String> INDEX = Stream.of(
                    SUBJECTS.stream().map(Subject::phrase),
                    TIMES.stream(),
                    Stream.of(PEOPLE, ANIMALS, VEHICLES)
                            .flatMap(cast -> Stream.concat(cast.actions().stream(), cast.places().stream())))
            .flatMap(phrases -> phrases)
            .flatMap(phrase -> words(phrase).stream())
            .collect(Collectors.toUnmodifiableSet());

    private Vocabulary() {}

    /** Whether the word is one captions use. */
    static boolean contains(String word) {
        return INDEX.contains(word);
    }

    /** The text's words that carry meaning: lower case, letters only, stop words left out. */
    static List<String> words(String text) {
        return Arrays.stream(NON_LETTERS.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty() && !STOP_WORDS.contains(word))
                .toList();
    }

    /** The captions of one video's segments. */
    static Captions captions(int videoPosition, Random random) {
        int index = videoPosition % SUBJECTS.size();
        Subject subject = SUBJECTS.get(index);
        List<String> places = subject.cast().places();
        // Subjects of a cast start at different places, and a subject filmed again is filmed elsewhere: a (subject,
        // place) pair repeats only once every place was used.
        long rank = SUBJECTS.subList(0, index).stream()
                .filter(other -> other.cast().equals(subject.cast()))
                .count();
        String place = places.get((int) ((rank + videoPosition / SUBJECTS.size()) % places.size()));
        List<String> actions = new ArrayList<>(subject.cast().actions());
        Collections.shuffle(actions, random);
        actions.remove(subject.opening());
        actions.add(0, subject.opening());
        return new Captions(subject.phrase(), place, actions);
    }

    /** One video's captions: the n-th is its subject doing the n-th of its shuffled actions in its place. */
    record Captions(String subject, String place, List<String> actions) {

        String get(int n) {
            String caption = subject + " " + actions.get(n % actions.size()) + " " + place;
            int round = n / actions.size();
            return round == 0 ? caption : caption + " " + TIMES.get((round - 1) % TIMES.size());
        }
    }
}
