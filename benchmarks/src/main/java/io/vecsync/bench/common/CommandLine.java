/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A benchmark's command line: {@code --name value} pairs of known names; a mistake throws with the usage text. */
public final class CommandLine {

    private final Map<String, String> values = new HashMap<>();
    private final String usage;

    public CommandLine(List<String> args, Set<String> names, String usage) {
        this.usage = usage;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "\n" + usage);
            }
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException(name + " needs a value\n" + usage);
            }
            values.put(name, args.get(++i));
        }
    }

    /** The option's value, at least {@code min}, or the default when it is not given. */
    public int integer(String name, int defaultValue, int min) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the usage
        }
        throw new IllegalArgumentException(
                name + " must be a whole number of at least " + min + ", got " + text + "\n" + usage);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isBlank());
    }

    /** The option's value, else the environment variable's (as the run-*.sh scripts and bin/test export them). */
    public Optional<String> textOrEnv(String name, String environmentVariable) {
        return text(name)
                .or(() ->
                        Optional.ofNullable(System.getenv(environmentVariable)).filter(value -> !value.isBlank()));
    }

    /** {@link #textOrEnv}, required: its absence throws with the usage text. */
    public String required(String name, String environmentVariable) {
        return textOrEnv(name, environmentVariable)
                .orElseThrow(() ->
                        new IllegalArgumentException(name + " is needed, or $" + environmentVariable + "\n" + usage));
    }
}
