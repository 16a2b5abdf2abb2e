/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ${file:<path>:<key>}} in config values from properties files, as a Connect worker's file config
 * provider does, so that the connectors' secrets file serves the query service too. Its errors name the config key
 * and the file, never a value read from it.
 */
final class FileReferences {

    /** The path runs to the last colon, so a path may hold colons; the key may not. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{file:([^}]*):([^}:]*)}");

    private final Map<Path, Properties> files = new HashMap<>();

    private FileReferences() {}

    /**
     * The settings with every file reference replaced by what the file holds under its key.
     *
     * @throws InvalidConfigException naming the config key whose reference cannot be read
     */
    static Map<String, String> resolve(Map<String, String> props) {
        FileReferences references = new FileReferences();
        Map<String, String> resolved = new LinkedHashMap<>();
        props.forEach((name, value) -> resolved.put(name, references.resolve(name, value)));
        return resolved;
    }

    private String resolve(String name, String value) {
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            Path file = Path.of(reference.group(1));
            String key = reference.group(2);
            String found = file(name, file).getProperty(key);
            if (found == null) {
                throw new InvalidConfigException(name + ": the file " + file + " has no key " + key);
            }
            reference.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        return reference.appendTail(out).toString();
    }

    /** Each file is read once, however many settings it serves. */
    private Properties file(String name, Path file) {
        Properties cached = files.get(file);
        if (cached != null) {
            return cached;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(name + ": the file " + file + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed unicode escape in the file.
            throw new InvalidConfigException(
                    name + ": cannot read the file " + file + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        files.put(file, properties);
        return properties;
    }
}
