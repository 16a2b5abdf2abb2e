/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/** Checks that involve two keys, run in {@code Connector.validate()} so their errors show in Connect's REST validate call. */
public final class CrossFieldChecks {

    private CrossFieldChecks() {}

    /** The config's values by key, for adding errors to the offending one. */
    public static Map<String, ConfigValue> byName(Config config) {
        return config.configValues().stream().collect(Collectors.toMap(ConfigValue::name, value -> value));
    }

    /** Adds an error to {@code lowerKey} when its value exceeds {@code upperKey}'s; values that failed to parse are skipped. */
    public static void atMost(Map<String, ConfigValue> values, String lowerKey, String upperKey) {
        Optional<Long> lower = longValue(values.get(lowerKey));
        Optional<Long> upper = longValue(values.get(upperKey));
        if (lower.isPresent() && upper.isPresent() && lower.get() > upper.get()) {
            values.get(lowerKey)
                    .addErrorMessage(
                            lowerKey + " (" + lower.get() + ") must not exceed " + upperKey + " (" + upper.get() + ")");
        }
    }

    /** A value that parsed without error, as a long. */
    public static Optional<Long> longValue(ConfigValue value) {
        return value != null && value.errorMessages().isEmpty() && value.value() instanceof Number number
                ? Optional.of(number.longValue())
                : Optional.empty();
    }
}
