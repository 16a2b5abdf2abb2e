/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.config;

import io.vecsync.core.SegmentIds;
import io.vecsync.core.Urls;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Config validators whose {@code toString()} says what is valid, for the REST validate call and the generated docs. */
public final class Validators {

    private Validators() {}

    /** An absolute URL with one of the schemes, e.g. {@code http} and {@code https}. */
    public static ConfigDef.Validator url(String... schemes) {
        Set<String> allowed = Set.of(schemes);
        String description = "an absolute " + String.join(":// or ", schemes) + ":// URL";
        return described(description, value -> Urls.isAbsolute(value.toString(), allowed));
    }

    /** A password that is not blank; the message never echoes the value. */
    public static ConfigDef.Validator nonEmptyPassword() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null || ((Password) value).value().isBlank()) {
                    throw new ConfigException(name + " must not be empty");
                }
            }

            @Override
            public String toString() {
                return "a non-empty secret";
            }
        };
    }

    /** Null, blank, or a UUID. */
    public static ConfigDef.Validator optionalUuid() {
        return optional(described("a UUID", value -> SegmentIds.isUuid(value.toString())));
    }

    /** Null, blank, or an ISO-8601 instant. */
    public static ConfigDef.Validator optionalInstant() {
        return optional(described("an ISO-8601 instant such as 2026-01-01T00:00:00Z", value -> {
            try {
                Instant.parse(value.toString().trim());
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }));
    }

    /** A list whose every element is a UUID; the error names the first element that is not. */
    public static ConfigDef.Validator uuidList() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                for (Object id : value == null ? List.of() : (List<?>) value) {
                    if (!SegmentIds.isUuid(id.toString())) {
                        throw new ConfigException(name, value, "'" + id + "' is not a UUID");
                    }
                }
            }

            @Override
            public String toString() {
                return "a comma-separated list of UUIDs, or empty";
            }
        };
    }

    /** The validator accepts null and blank values too. */
    public static ConfigDef.Validator optional(ConfigDef.Validator validator) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value != null && !value.toString().isBlank()) {
                    validator.ensureValid(name, value);
                }
            }

            @Override
            public String toString() {
                return validator + ", or empty";
            }
        };
    }

    /** A validator from a predicate on non-null values and the description of what it accepts. */
    public static ConfigDef.Validator described(String description, Predicate<Object> valid) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null || !valid.test(value)) {
                    throw new ConfigException(name, value, "must be " + description);
                }
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
