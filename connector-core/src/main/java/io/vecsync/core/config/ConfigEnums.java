/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.config;

import java.util.Arrays;
import java.util.Locale;

/** Enums as config values: the lower-case constant name, parsed case-insensitively. */
public final class ConfigEnums {

    private ConfigEnums() {}

    public static String value(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Every value, for {@code ConfigDef.ValidString.in(...)}. */
    public static String[] values(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigEnums::value).toArray(String[]::new);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }
}
