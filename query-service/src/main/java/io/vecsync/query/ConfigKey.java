/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.util.Arrays;
import java.util.List;

/**
 * One setting of the service: its name, type, default, the values it accepts, and what its reference says.
 *
 * @param defaultValue as it would be written in the file; null when the setting has none
 * @param required     whether the setting must be given: then it has no default
 * @param validator    null when every value of the type is valid
 */
record ConfigKey(
        String name,
        Type type,
        String defaultValue,
        boolean required,
        ConfigValidator validator,
        Importance importance,
        String group,
        String doc) {

    /** A setting that must be given. */
    static ConfigKey required(
            String name, Type type, ConfigValidator validator, Importance importance, String group, String doc) {
        return new ConfigKey(name, type, null, true, validator, importance, group, doc);
    }

    /** A setting with a default; a null default leaves the setting unset. */
    static ConfigKey optional(
            String name,
            Type type,
            String defaultValue,
            ConfigValidator validator,
            Importance importance,
            String group,
            String doc) {
        return new ConfigKey(name, type, defaultValue, false, validator, importance, group, doc);
    }

    /**
     * The setting's value from its text in the config (null when not given), or its default.
     *
     * @throws InvalidConfigException naming the key, when it is missing, not of its type, or not valid
     */
    Object parse(String given) {
        if (given == null && required) {
            throw new InvalidConfigException(
                    "Missing required configuration \"" + name + "\" which has no default value.");
        }
        String text = given != null ? given : defaultValue;
        if (text == null) {
            return null;
        }
        Object value = type.parse(name, text.trim());
        if (validator != null) {
            validator.check(name, value);
        }
        return value;
    }

    /** How much an operator needs to know the setting, as the reference ranks it. */
    enum Importance {
        HIGH,
        MEDIUM,
        LOW
    }

    /** A setting's type: how its text is read. */
    enum Type {
        STRING,
        INT,
        LONG,
        DOUBLE,
        LIST,
        PASSWORD;

        /** @throws InvalidConfigException naming the key when the text is not of this type */
        Object parse(String key, String text) {
            try {
                return switch (this) {
                    case STRING -> text;
                    case INT -> Integer.parseInt(text);
                    case LONG -> Long.parseLong(text);
                    case DOUBLE -> Double.parseDouble(text);
                    case LIST ->
                        text.isEmpty()
                                ? List.of()
                                : Arrays.stream(text.split("\\s*,\\s*", -1)).toList();
                    case PASSWORD -> new Secret(text);
                };
            } catch (NumberFormatException e) {
                throw InvalidConfigException.invalidValue(key, text, "not a number of type " + name());
            }
        }
    }
}
