/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One API call as the endpoints see it; malformed parameters end it with 422, as the platform's validation does.
 *
 * @param pathId the id in the path, or null when the route has none
 * @param file   the file name after the id, or null when the route has none
 */
record Request(String pathId, String file, Map<String, String> query, byte[] body) {

    String choice(String name, String fallback, List<String> allowed) {
        String value = query.getOrDefault(name, fallback);
        if (!allowed.contains(value)) {
            throw invalid(name, "one of " + allowed);
        }
        return value;
    }

    int integer(String name, int fallback, int min, int max) {
        String value = query.get(name);
        try {
            int number = value == null ? fallback : Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        throw invalid(name, "an integer from " + min + " to " + max);
    }

    /** An ISO-8601 date-time parameter; one without an offset is read as UTC. */
    Optional<Instant> instant(String name) {
        // An unencoded '+' of an offset arrives decoded as a space.
        return Optional.ofNullable(query.get(name)).map(value -> parseInstant(name, value.replace(' ', '+')));
    }

    String required(String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw invalid(name, "present");
        }
        return value;
    }

    private static Instant parseInstant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw invalid(name, "an ISO-8601 date-time");
            }
        }
    }

    private static HttpError invalid(String name, String expectation) {
        return new HttpError(422, "Query parameter '" + name + "' must be " + expectation);
    }
}
