/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import io.vecsync.core.Urls;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What values a setting accepts, with a description that the config reference shows and a refusal names.
 *
 * @param description what is valid, e.g. {@code 0 to 65535}
 */
record ConfigValidator(String description, Predicate<Object> accepts) {

    /** Fails naming the key; a secret's value is never shown. */
    void check(String key, Object value) {
        if (value instanceof Secret secret) {
            if (!accepts.test(secret)) {
                throw new InvalidConfigException(key + " must be " + description);
            }
        } else if (!accepts.test(value)) {
            throw InvalidConfigException.invalidValue(key, value, "must be " + description);
        }
    }

    static ConfigValidator between(long min, long max) {
        return new ConfigValidator(
                min + " to " + max,
                value -> ((Number) value).longValue() >= min && ((Number) value).longValue() <= max);
    }

    static ConfigValidator atLeast(long min) {
        return new ConfigValidator("at least " + min, value -> ((Number) value).longValue() >= min);
    }

    static ConfigValidator atLeast(double min) {
        return new ConfigValidator("at least " + min, value -> ((Number) value).doubleValue() >= min);
    }

    static ConfigValidator nonEmpty() {
        return new ConfigValidator("non-empty", value -> !value.toString().isBlank());
    }

    static ConfigValidator nonEmptySecret() {
        return new ConfigValidator(
                "a non-empty secret", value -> !((Secret) value).value().isBlank());
    }

    /** An absolute URL with a host and one of the schemes. */
    static ConfigValidator url(String... schemes) {
        Set<String> allowed = Set.of(schemes);
        return new ConfigValidator(
                "an absolute " + String.join(":// or ", schemes) + ":// URL",
                value -> Urls.isAbsolute(value.toString(), allowed));
    }

    @Override
    public String toString() {
        return description;
    }
}
