/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${file:PATH:KEY}} in a config value, resolved as a worker's FileConfigProvider resolves it. */
final class FileReferences {

    /** Kafka's syntax: the path runs to the first colon, the key to the closing brace. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{file:([^}:]*):([^}]*)}");

    private FileReferences() {}

    static boolean present(String value) {
        return REFERENCE.matcher(value).find();
    }

    /**
     * The value with each reference replaced by its key's value in its file.
     *
     * @throws java.nio.file.NoSuchFileException when a file it reads does not exist
     */
    static String resolve(String key, String value) throws IOException {
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            Path file = Path.of(reference.group(1));
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            String found = properties.getProperty(reference.group(2));
            if (found == null) {
                throw new IllegalArgumentException(
                        key + " reads " + reference.group(2) + " from " + file + ", which has no such key");
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(found.trim()));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }
}
