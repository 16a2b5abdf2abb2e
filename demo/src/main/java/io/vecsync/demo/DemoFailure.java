/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import io.vecsync.embedded.ConnectRequestException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A failure the demo explains in a sentence: printed without a stack trace. */
final class DemoFailure extends RuntimeException {

    DemoFailure(String message) {
        super(message);
    }

    /**
     * What went wrong, from a stack trace (a task's, or a process's output): its last unindented line, which names the
     * innermost cause.
     */
    static DemoFailure ofTrace(String what, String trace) {
        String cause = Arrays.stream(trace.split("\\R"))
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .reduce((first, second) -> second)
                .orElse("(no message)")
                .replaceFirst("^Caused by: ", "");
        return new DemoFailure(what + ": " + cause);
    }

    /** The worker's own message for a refused REST request. */
    static DemoFailure ofRest(String what, ConnectRequestException e) {
        // The worker's pointer to its validation endpoint adds nothing to the errors it lists.
        return new DemoFailure(what + ": "
                + Arrays.stream(e.getMessage().split("\\R"))
                        .filter(line -> !line.startsWith("You can also find"))
                        .collect(Collectors.joining("\n"))
                        .strip());
    }
}
