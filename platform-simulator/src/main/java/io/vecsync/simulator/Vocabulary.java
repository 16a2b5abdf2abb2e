package io.vecsync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The concrete words segment captions are made of. */
final class Vocabulary {

    private static final List<String> WORDS = List.of(
            "forklift", "door", "striped", "shirt", "dog", "rain", "truck", "ladder", "helmet", "pallet",
            "window", "bicycle", "car", "bus", "train", "street", "crosswalk", "traffic", "light", "sign",
            "tree", "grass", "river", "bridge", "boat", "beach", "wave", "sand", "mountain", "snow",
            "cat", "bird", "horse", "cow", "sheep", "child", "woman", "man", "worker", "crowd",
            "red", "blue", "green", "yellow", "black", "white", "orange", "purple", "gray", "brown",
            "jacket", "hat", "glasses", "backpack", "umbrella", "boots", "gloves", "vest", "scarf", "dress",
            "table", "chair", "desk", "laptop", "phone", "screen", "keyboard", "lamp", "shelf", "box",
            "kitchen", "oven", "sink", "knife", "plate", "cup", "bottle", "bread", "apple", "coffee",
            "warehouse", "office", "garage", "parking", "elevator", "stairs", "corridor", "roof", "fence", "gate",
            "running", "walking", "sitting", "standing", "jumping", "carrying", "lifting", "pushing", "talking", "waving",
            "night", "sunset", "fog", "smoke", "fire", "storm", "cloud", "shadow", "puddle", "ice",
            "ball", "goal", "stadium", "referee", "player", "net", "racket", "skateboard", "scooter", "drone",
            "camera", "microphone", "guitar", "piano", "drum", "stage", "flag", "banner", "poster", "clock",
            "airplane", "runway", "helicopter", "tractor", "crane", "excavator", "container", "ship", "dock", "anchor",
            "flower", "garden", "fountain", "bench", "statue", "market", "shop", "cart", "basket", "wheel");

    private static final Set<String> INDEX = Set.copyOf(WORDS);
    private static final int MIN_CAPTION_WORDS = 3;
    private static final int MAX_CAPTION_WORDS = 5;

    private Vocabulary() {
    }

    static boolean contains(String word) {
        return INDEX.contains(word);
    }

    /** A caption of 3 to 5 distinct vocabulary words. */
    static String caption(Random random) {
        int length = MIN_CAPTION_WORDS + random.nextInt(MAX_CAPTION_WORDS - MIN_CAPTION_WORDS + 1);
        List<String> words = new ArrayList<>(length);
        while (words.size() < length) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            if (!words.contains(word)) {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }
}
